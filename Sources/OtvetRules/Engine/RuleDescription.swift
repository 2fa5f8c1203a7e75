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
    /// The message template, split once so filling it per finding is cheap.
    private let messageParts: [MessagePart]

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
        self.messageParts = MessagePart.parse(message)
        self.source = source
    }

    /// The message with `{match}` and `{replacement}` filled in.
    /// The match is only computed when the template shows it.
    public func message(match: @autoclosure () -> String, replacements: [String] = []) -> String {
        var result = ""
        for part in messageParts {
            switch part {
            case .text(let text): result += text
            case .match: result += match()
            case .replacement:
                result += replacements.isEmpty ? "—" : replacements.map { "«\($0)»" }.joined(separator: " или ")
            }
        }
        return result
    }
}

/// A piece of a message template: literal text or a placeholder.
enum MessagePart: Sendable {
    case text(String)
    case match
    case replacement

    static func parse(_ template: String) -> [MessagePart] {
        var parts: [MessagePart] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let tail = rest[open...]
            let placeholder: (String, MessagePart)? = tail.hasPrefix("{match}") ? ("{match}", .match)
                : tail.hasPrefix("{replacement}") ? ("{replacement}", .replacement) : nil
            guard let (name, part) = placeholder else {
                parts.append(.text(String(rest[...open])))
                rest = rest[rest.index(after: open)...]
                continue
            }
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            parts.append(part)
            rest = tail.dropFirst(name.count)
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
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
