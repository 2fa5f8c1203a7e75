import Foundation
import OtvetWorkflow

/// The rating as tables for a terminal, in the guide's words.
enum RatingText {
    static let bands = ["80–100 %", "50–79 %", "0–49 %"]

    static func render(_ report: RatingReport) -> String {
        var out = "Рейтинг: сообщения, поступившие с \(report.from) до \(report.to)\n"
        guard !report.organisations.isEmpty else { return out + "\nЗа период сообщений не поступало.\n" }
        out += "\nПо организациям\n" + table(report.organisations, name: { shorten($0.organisation) }, title: "Организация")
        let counts = bands.map { band in "\(band): \(report.organisations.filter { $0.band == band }.count)" }
        out += "\nДоля ответов (организаций в группе): " + counts.joined(separator: ", ") + "\n"
        if !report.executors.isEmpty {
            out += "\nПо исполнителям\n" + table(report.executors, name: {
                shorten($0.executor ?? "?") + " (" + shorten($0.organisation, to: 24) + ")"
            }, title: "Исполнитель")
        }
        out += """

            Поступ. — поступило; Ответ. — отправлено заявителю; Просроч. — ответ позже срока или нет ответа
            после срока; Перенапр. — перенаправлено; Возвр. — возвращено на повторное рассмотрение;
            Вопреки — утверждено вопреки проверке; Балл — средняя оценка отправленных ответов (0–10).

            """
        return out
    }

    private static let columns = ["Поступ.", "Ответ.", "Доля", "Группа", "Просроч.", "Перенапр.", "Возвр.", "Вопреки", "Балл"]

    private static func table(_ rows: [RatingReport.Row], name: (RatingReport.Row) -> String, title: String) -> String {
        let names = rows.map(name)
        let width = max(title.count, names.map(\.count).max() ?? 0)
        let cells = rows.map { row in
            ["\(row.received)", "\(row.answered)", "\(Int((row.answeredShare * 100).rounded())) %", row.band, "\(row.overdue)",
             "\(row.redirected)", "\(row.returned)", "\(row.overridden)", row.averageScore.map { String(format: "%.1f", $0) } ?? "—"]
        }
        let widths = columns.indices.map { column in max(columns[column].count, cells.map { $0[column].count }.max() ?? 0) }
        func line(_ first: String, _ values: [String]) -> String {
            "  " + first.padding(width) + zip(values, widths).map { "  " + String(repeating: " ", count: $1 - $0.count) + $0 }.joined() + "\n"
        }
        var out = line(title, columns)
        for (index, row) in rows.enumerated() {
            out += line(names[index], cells[index])
            if !row.topFindings.isEmpty {
                out += "      частые замечания: " + row.topFindings.map { "\($0.rule) \($0.count)" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    private static func shorten(_ text: String, to limit: Int = 40) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
