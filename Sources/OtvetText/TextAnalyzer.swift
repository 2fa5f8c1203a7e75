/// The text engine's entry point: a Swift string in, a `Document` out.
/// Knows no I/O. Safe to share between threads.
public final class TextAnalyzer: Sendable {
    public let stemmer: Stemmer
    private let shared = SharedForms()

    public init() throws(TextEngineError) {
        stemmer = try Stemmer(language: "russian")
    }

    public func analyze(_ text: String) throws -> Document {
        let units = text.utf16Units
        guard units.count < Int(Int32.max) else { throw TextEngineError.textTooLarge(utf16Length: units.count) }
        let lines = LineIndex(units)
        var tokenizer = Tokenizer(units: units, stemmer: stemmer, shared: shared)
        let tokens = try tokenizer.tokenize()
        var sentenceBreaks = try BreakIterator(.sentence, units: units)
        var breaks: [Int32] = []
        while let (end, _) = sentenceBreaks.next() { breaks.append(Int32(end)) }
        let splitter = SentenceSplitter(tokens: tokens, breaks: breaks)

        var sentences: [Sentence] = []
        var paragraphs: [Paragraph] = []
        var tokenCursor = 0
        var breakCursor = 0
        for block in ParagraphSplitter.blocks(units, lines: lines) {
            while tokenCursor < tokens.count, tokens[tokenCursor].range.offset < block.range.lowerBound {
                tokenCursor += 1
            }
            let firstToken = tokenCursor
            while tokenCursor < tokens.count, tokens[tokenCursor].range.offset < block.range.upperBound {
                tokenCursor += 1
            }
            let paragraphTokens = firstToken..<tokenCursor
            guard !paragraphTokens.isEmpty else { continue }
            let firstSentence = sentences.count
            for sentenceTokens in splitter.sentences(in: paragraphTokens, breakCursor: &breakCursor) {
                let range = tokens[sentenceTokens.lowerBound].range.union(tokens[sentenceTokens.upperBound - 1].range)
                let words = tokens[sentenceTokens].reduce(0) { $0 + ($1.kind.isWordLike ? 1 : 0) }
                sentences.append(Sentence(range: range, tokens: sentenceTokens, wordCount: words))
            }
            paragraphs.append(Paragraph(range: TextRange(block.range), sentences: firstSentence..<sentences.count,
                                        tokens: paragraphTokens, isListItem: block.isListItem))
        }
        return Document(text: text, units: units, tokens: tokens, sentences: sentences,
                        paragraphs: paragraphs, lines: lines)
    }

    /// The normalised form of a single word or phrase, as tokens store it.
    public func normalize(_ word: String) -> String {
        WordNormalizer.normalize(Array(word.utf16)[...]).normalized
    }

    /// Bare ICU word breaking of a text, the benchmark's baseline.
    public func countICUWordSegments(_ text: String) throws -> Int {
        try ICU.countSegments(.word, text.utf16Units)
    }

    /// Bare ICU sentence breaking, to show what the analysis spends in ICU.
    public func countICUSentenceSegments(_ text: String) throws -> Int {
        try ICU.countSegments(.sentence, text.utf16Units)
    }
}
