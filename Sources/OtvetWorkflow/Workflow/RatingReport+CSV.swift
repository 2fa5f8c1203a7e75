import Foundation

extension RatingReport {
    /// The rating as CSV for a spreadsheet: a header row, one row per organisation then per executor,
    /// RFC 4180 quoting, decimal comma-free numbers.
    public var csv: String {
        let header = ["level", "organisation", "executor", "received", "answered", "answered_share", "band", "overdue",
                      "redirected", "returned", "overridden", "average_score", "top_findings"]
        func line(_ level: String, _ row: Row) -> [String] {
            [level, row.organisation, row.executor ?? "", String(row.received), String(row.answered),
             String(format2(row.answeredShare)), row.band, String(row.overdue), String(row.redirected),
             String(row.returned), String(row.overridden), row.averageScore.map { String($0) } ?? "",
             row.topFindings.map { "\($0.rule):\($0.count)" }.joined(separator: " ")]
        }
        let rows = [header] + organisations.map { line("organisation", $0) } + executors.map { line("executor", $0) }
        return rows.map { $0.map(Self.quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private func format2(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
