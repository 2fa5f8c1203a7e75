/// Everything about a rule that is not its logic: identity, wording for
/// the person who reads the finding, and the examples that prove it.
/// Comes from the rule's YAML file, so a trainer edits it without Swift.
public struct RuleDescription: Sendable {
    /// Stable public id (`legal-citation`): the CLI, the API and reports use it.
    public let id: String
    /// The rule kind that runs it (`lexicon`, `metric`, `legal-citation`…).
    public let kind: String
    /// Short Russian title.
    public let name: String
    /// One line for `otvet rules list`.
    public let summary: String
    public let severity: Severity
    /// The finding's message; `{match}` and `{replacement}` are filled in.
    public let message: String
    /// The long text for `--explain`: why, and the better way.
    public let explanation: String
    public let examples: [RuleExample]
    /// Default thresholds (the numbers in `params`); a policy may override them.
    public let settings: RuleSettings
    /// Where the rule was defined, for error messages and failing examples.
    public let source: String

    public init(id: String, kind: String, name: String, summary: String, severity: Severity, message: String,
                explanation: String, examples: [RuleExample], settings: RuleSettings = RuleSettings(), source: String) {
        self.id = id
        self.kind = kind
        self.name = name
        self.summary = summary
        self.severity = severity
        self.message = message
        self.explanation = explanation
        self.examples = examples
        self.settings = settings
        self.source = source
    }

    /// The message with `{match}` and `{replacement}` filled in.
    public func message(match: String, replacements: [String] = []) -> String {
        let replacement = replacements.map { "«\($0)»" }.joined(separator: " или ")
        return message.replacingOccurrences(of: "{match}", with: match)
            .replacingOccurrences(of: "{replacement}", with: replacement.isEmpty ? "—" : replacement)
    }
}

extension String {
    /// A minimal `replacingOccurrences` so the rule layer needs no Foundation.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
