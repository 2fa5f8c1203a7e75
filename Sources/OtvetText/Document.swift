/// The analysed text every rule reads: tokens, sentences and paragraphs
/// with exact UTF-16 spans. Built by `TextAnalyzer`; immutable after that.
public struct Document: Sendable {
    public let text: String
    /// The text as UTF-16 code units, the unit of every offset.
    public let units: [UInt16]
    public let tokens: [Token]
    public let sentences: [Sentence]
    public let paragraphs: [Paragraph]
    public let lines: LineIndex

    init(text: String, units: [UInt16], tokens: [Token], sentences: [Sentence],
         paragraphs: [Paragraph], lines: LineIndex) {
        self.text = text
        self.units = units
        self.tokens = tokens
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.lines = lines
    }

    public var isEmpty: Bool { tokens.isEmpty }

    /// The original text of a span (not normalised).
    public func text(of range: TextRange) -> String {
        let lower = max(0, min(range.offset, units.count))
        let upper = max(lower, min(range.end, units.count))
        return String(utf16Units: units[lower..<upper])
    }

    public func text(of token: Token) -> String { text(of: token.range) }

    public func position(of offset: Int) -> LineIndex.Position { lines.position(of: offset) }

    /// The span covering tokens `range` (which must not be empty).
    public func span(ofTokens range: Range<Int>) -> TextRange {
        tokens[range.lowerBound].range.union(tokens[range.upperBound - 1].range)
    }

    public var wordCount: Int { sentences.reduce(0) { $0 + $1.wordCount } }

    public var syllableCount: Int { tokens.reduce(0) { $0 + $1.syllables } }

    /// Index of the sentence that holds token `index`.
    public func sentenceIndex(ofToken index: Int) -> Int? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let sentence = sentences[middle].tokens
            if sentence.contains(index) { return middle }
            if index < sentence.lowerBound { high = middle - 1 } else { low = middle + 1 }
        }
        return nil
    }
}
