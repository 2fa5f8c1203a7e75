import OtvetText

/// An example a rule carries, as LanguageTool's `<example>` and SwiftLint's
/// triggering examples: a bad text marks with `[[…]]` exactly the spans the
/// rule must report; a good text must stay silent.
public struct RuleExample: Sendable {
    public enum Expectation: String, Sendable {
        case bad, good
    }

    public let expectation: Expectation
    /// The text with the markers removed.
    public let text: String
    /// The marked spans, in UTF-16 units of `text`.
    public let spans: [TextRange]
    /// Answer type and citizen's message the example is checked with, when it needs them.
    public let answerType: AnswerType?
    public let message: String?
    /// Where the example is written: `path:line`.
    public let source: String

    public static let open = "[["
    public static let close = "]]"

    public init(expectation: Expectation, marked: String, answerType: AnswerType? = nil, message: String? = nil,
                source: String) throws(RuleExampleError) {
        var text = ""
        var spans: [TextRange] = []
        var rest = marked[...]
        var offset = 0
        while let openRange = rest.firstRange(of: Self.open) {
            let before = rest[..<openRange.lowerBound]
            text += before
            offset += before.utf16.count
            rest = rest[openRange.upperBound...]
            guard let closeRange = rest.firstRange(of: Self.close) else {
                throw RuleExampleError(source: source, message: "'[[' without a closing ']]'")
            }
            let inside = rest[..<closeRange.lowerBound]
            if inside.contains("[[") { throw RuleExampleError(source: source, message: "nested '[['") }
            spans.append(TextRange(offset: offset, length: inside.utf16.count))
            text += inside
            offset += inside.utf16.count
            rest = rest[closeRange.upperBound...]
        }
        if rest.contains("]]") { throw RuleExampleError(source: source, message: "']]' without an opening '[['") }
        text += rest
        if expectation == .bad, spans.isEmpty {
            throw RuleExampleError(source: source, message: "a bad example must mark its finding with [[…]]")
        }
        if expectation == .good, !spans.isEmpty {
            throw RuleExampleError(source: source, message: "a good example must not contain [[…]] markers")
        }
        self.expectation = expectation
        self.text = text
        self.spans = spans
        self.answerType = answerType
        self.message = message
        self.source = source
    }
}

public struct RuleExampleError: Error, CustomStringConvertible, Sendable {
    public let source: String
    public let message: String
    public var description: String { "\(source): \(message)" }
}
