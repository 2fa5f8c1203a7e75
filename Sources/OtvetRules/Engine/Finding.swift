import OtvetText

/// One problem in a draft, with its exact span: what the reporters, the
/// store and the HTTP API all carry.
public struct Finding: Sendable, Codable, Equatable {
    public let rule: String
    public var severity: Severity
    public var message: String
    /// The matched text, as written in the draft.
    public let match: String
    /// UTF-16 offset and length.
    public let offset: Int
    public let length: Int
    /// 1-based; the column counts UTF-16 units.
    public let line: Int
    public let column: Int
    public let replacements: [String]

    public var range: TextRange { TextRange(offset: offset, length: length) }

    public init(rule: String, severity: Severity, message: String, range: TextRange, in document: Document,
                replacements: [String] = []) {
        let position = document.position(of: range.offset)
        self.rule = rule
        self.severity = severity
        self.message = message
        self.match = document.text(of: range)
        self.offset = range.offset
        self.length = range.length
        self.line = position.line
        self.column = position.column
        self.replacements = replacements
    }
}
