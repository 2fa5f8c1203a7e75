import OtvetText

/// A rule: its description (from its YAML file) and its check. Rules read
/// only the `CheckContext`; they know no files, no policy files and no I/O.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: CheckContext) -> [Finding]
}

extension Rule {
    public var id: String { description.id }

    /// A finding of this rule at `range`, with the rule's message and severity.
    public func finding(_ range: TextRange, in context: CheckContext, replacements: [String] = [],
                        message: String? = nil, severity: Severity? = nil) -> Finding {
        let match = context.document.text(of: range)
        return Finding(rule: description.id, severity: severity ?? description.severity,
                       message: message ?? description.message(match: match, replacements: replacements),
                       range: range, in: context.document, replacements: replacements)
    }
}

/// What a rule sees: the draft, and what is known around it.
public struct CheckContext: Sendable {
    public let document: Document
    /// The citizen's message, when known.
    public let message: Document?
    public let answerType: AnswerType?
    /// Numeric settings for the running rule: its YAML `params`, overridden by the policy.
    public let settings: RuleSettings
    /// Facts about the draft that several rules derive alike, computed once per check.
    public let memo: CheckMemo

    public init(document: Document, message: Document? = nil, answerType: AnswerType? = nil,
                settings: RuleSettings = RuleSettings(), memo: CheckMemo = CheckMemo()) {
        self.document = document
        self.message = message
        self.answerType = answerType
        self.settings = settings
        self.memo = memo
    }

    /// The span of the whole answer (empty at 0 for an empty draft).
    public var wholeText: TextRange {
        guard !document.tokens.isEmpty else { return TextRange(offset: 0, length: 0) }
        return document.span(ofTokens: 0..<document.tokens.count)
    }
}

/// Named numeric thresholds of a rule (`max_words: 30`).
public struct RuleSettings: Sendable, Equatable {
    public var values: [String: Double]

    public init(_ values: [String: Double] = [:]) {
        self.values = values
    }

    public subscript(name: String, default fallback: Double) -> Double {
        values[name] ?? fallback
    }

    public func merging(_ overrides: RuleSettings) -> RuleSettings {
        RuleSettings(values.merging(overrides.values) { $1 })
    }
}
