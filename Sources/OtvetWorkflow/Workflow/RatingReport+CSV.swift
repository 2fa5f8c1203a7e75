import Foundation

extension RatingReport {
    public static let csvHeader = ["level", "organisation_id", "organisation", "executor_id", "executor", "received",
                                   "answered", "answered_share", "band", "overdue", "redirected", "returned",
                                   "overridden", "average_score", "top_findings"]

    /// The rating for a spreadsheet: one header row, then one row per organisation and per
    /// executor; RFC 4180 (CRLF, quoted when needed), UTF-8, decimal points.
    public var csv: String {
        var lines = [Self.csvHeader]
        for (level, rows) in [("organisation", organisations), ("executor", executors)] {
            for row in rows {
                lines.append([level, "\(row.organisationID)", row.organisation, row.executorID.map(String.init) ?? "",
                              row.executor ?? "", "\(row.received)", "\(row.answered)",
                              String(format: "%.3f", row.answeredShare), row.band, "\(row.overdue)", "\(row.redirected)",
                              "\(row.returned)", "\(row.overridden)", row.averageScore.map { String(format: "%.1f", $0) } ?? "",
                              row.topFindings.map { "\($0.rule)=\($0.count)" }.joined(separator: "; ")])
            }
        }
        return lines.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
