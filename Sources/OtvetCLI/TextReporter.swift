import OtvetRules
import OtvetText

/// ANSI styling, used only on a terminal and never under NO_COLOR.
struct TerminalStyle {
    let enabled: Bool

    func paint(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { paint(text, "1") }
    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: paint("error", "1;31")
        case .warning: paint("warning", "1;33")
        case .suggestion: paint("suggestion", "1;36")
        }
    }
}

/// Compiler-style text: `file:line:col: severity: message [rule]`, the line
/// with the span underlined, the replacement, then the score and verdict.
struct TextReporter {
    let style: TerminalStyle

    func report(_ report: FileReport) -> String {
        // Lines by the same LineIndex that gave the findings their line and column, so CRLF and
        // U+2028 count alike here and there.
        let text = Array(report.text.utf16)
        let lines = LineIndex(text).lineStarts
        var out = ""
        for finding in report.result.findings {
            out += style.bold("\(report.file):\(finding.line):\(finding.column):") + " "
            out += style.severity(finding.severity) + ": \(finding.message) [\(finding.rule)]\n"
            guard finding.line - 1 < lines.count else { continue }
            let lineStart = lines[finding.line - 1]
            var lineEnd = finding.line < lines.count ? lines[finding.line] : text.count
            while lineEnd > lineStart, [0x0A, 0x0D, 0x2028, 0x2029, 0x85].contains(text[lineEnd - 1]) { lineEnd -= 1 }
            let units = Array(text[lineStart..<lineEnd])
            let line = String(decoding: units, as: UTF16.self)
            let start = min(finding.column - 1, units.count)
            let end = min(start + finding.length, units.count)
            let before = String(decoding: units[..<start], as: UTF16.self)
            let marked = String(decoding: units[start..<end], as: UTF16.self)
            out += "    " + line + "\n"
            out += "    " + String(repeating: " ", count: before.count)
            out += style.paint(String(repeating: "^", count: max(1, marked.count)), "32") + "\n"
            if let first = finding.replacements.first {
                out += "    " + String(repeating: " ", count: before.count) + "→ " + finding.replacements.prefix(3).joined(separator: " | ")
                out += first.isEmpty ? "(удалить)\n" : "\n"
            }
        }
        let result = report.result
        let verdict = result.verdict == .pass ? style.paint("проходит", "1;32") : style.paint("не проходит", "1;31")
        out += "\(report.file): оценка \(formatScore(result.score)) из 10 (порог \(formatScore(result.passMark))): \(verdict); "
        out += "ошибок \(result.count(.error)), предупреждений \(result.count(.warning)), советов \(result.count(.suggestion))\n"
        return out
    }

    private func formatScore(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

