import Foundation
import OtvetRules

/// Plain-text views of rules for `rules list`, `rules show` and `check --explain`.
enum RuleText {
    static func explanation(_ rule: any Rule) -> String {
        let description = rule.description
        var out = "\(description.id) — \(description.name)\n"
        out += "kind: \(description.kind), severity: \(description.severity.rawValue)\n"
        if !description.settings.values.isEmpty {
            out += "settings: " + description.settings.values.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value == $0.value.rounded() ? String(Int($0.value)) : String($0.value))" }
                .joined(separator: ", ") + "\n"
        }
        out += "\n\(description.summary)\n\n\(description.explanation)\n"
        for expectation in [RuleExample.Expectation.bad, .good] {
            let examples = description.examples.filter { $0.expectation == expectation }
            out += expectation == .bad ? "Плохо:\n" : "Хорошо:\n"
            for example in examples { out += "  • " + marked(example) + "\n" }
        }
        return out
    }

    /// The example text with its spans wrapped in «[[…]]» again.
    static func marked(_ example: RuleExample) -> String {
        var units = Array(example.text.utf16)
        for span in example.spans.sorted(by: >) {
            units.insert(contentsOf: Array("]]".utf16), at: span.end)
            units.insert(contentsOf: Array("[[".utf16), at: span.offset)
        }
        return String(decoding: units, as: UTF16.self).replacingOccurrences(of: "\n", with: "⏎ ")
    }
}

