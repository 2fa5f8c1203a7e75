import OtvetText

/// Runs a rule's own examples, as SwiftLint's `verifyRule` and
/// LanguageTool's `PatternRuleTest`: a bad example must be reported at
/// exactly its marked spans, a good one not at all, and both must hold
/// again after a multi-byte prefix shifts every offset.
public struct RuleExampleRunner: Sendable {
    /// Spaces that take three bytes in UTF-8 and one unit in UTF-16, and a
    /// line break: offsets must shift by exactly 4 and nothing else change.
    /// (Surrogate pairs and combining marks inside tokens are covered by the
    /// text engine's offset tests; here the prefix must not add a token.)
    public static let prefix = "\u{3000}\u{2003}\u{00A0}\n"

    public struct Failure: Sendable, CustomStringConvertible {
        public let rule: String
        public let source: String
        public let problem: String
        public var description: String { "\(source): [\(rule)] \(problem)" }
    }

    let analyzer: TextAnalyzer

    public init(analyzer: TextAnalyzer) {
        self.analyzer = analyzer
    }

    public func run(_ rule: any Rule, settings: RuleSettings) -> [Failure] {
        var failures: [Failure] = []
        for example in rule.description.examples {
            for prefixed in [false, true] {
                let prefix = prefixed ? Self.prefix : ""
                let shift = prefix.utf16.count
                let expected = example.spans.map { $0.shifted(by: shift) }
                let found: [TextRange]
                do {
                    let document = try analyzer.analyze(prefix + example.text)
                    let message = try example.message.map { try analyzer.analyze($0) }
                    let context = CheckContext(document: document, message: message, answerType: example.answerType,
                                               settings: settings)
                    found = rule.check(context).map(\.range).sorted()
                } catch {
                    failures.append(Failure(rule: rule.id, source: example.source, problem: "analysis failed: \(error)"))
                    continue
                }
                if found != expected.sorted() {
                    let describe = { (ranges: [TextRange]) in
                        ranges.isEmpty ? "nothing" : ranges.map { range in
                            "«\(String(decoding: Array((prefix + example.text).utf16)[range.bounds], as: UTF16.self))» at \(range)"
                        }.joined(separator: ", ")
                    }
                    let after = prefixed ? " (after a multi-byte prefix)" : ""
                    failures.append(Failure(rule: rule.id, source: example.source,
                                            problem: "\(example.expectation) example\(after): expected \(describe(expected)), found \(describe(found))"))
                    break
                }
            }
        }
        return failures
    }
}
