import OtvetText

/// One analyser for the whole test target. `TextAnalyzer` is documented as
/// safe to share between threads, and Swift Testing runs tests in parallel,
/// so sharing it also exercises that promise.
private let sharedAnalyzer = Result { try TextAnalyzer() }

func analyzer() throws -> TextAnalyzer { try sharedAnalyzer.get() }

func analyze(_ text: String) throws -> Document { try analyzer().analyze(text) }

/// A token as the tests describe it: the original text and its kind.
struct Tok: Equatable, Sendable, CustomStringConvertible {
    let text: String
    let kind: TokenKind

    init(_ text: String, _ kind: TokenKind) {
        self.text = text
        self.kind = kind
    }

    var description: String { "\(kind)(\(text))" }
}

extension Document {
    /// Original text of every token, in order.
    var tokenTexts: [String] { tokens.map { text(of: $0) } }

    /// (text, kind) of every token, in order.
    var toks: [Tok] { tokens.map { Tok(text(of: $0), $0.kind) } }

    var sentenceTexts: [String] { sentences.map { text(of: $0.range) } }

    var paragraphTexts: [String] { paragraphs.map { text(of: $0.range) } }

    /// Texts of the sentences of paragraph `index`.
    func sentenceTexts(ofParagraph index: Int) -> [String] {
        paragraphs[index].sentences.map { text(of: sentences[$0].range) }
    }

    /// The first token whose original text is exactly `string`.
    func token(_ string: String) -> Token? {
        tokens.first { text(of: $0) == string }
    }

    /// The original UTF-16 code units of a span, compared code unit by code unit
    /// (Swift's `String ==` treats canonically equivalent NFD and NFC as equal).
    func units(of range: TextRange) -> [UInt16] { Array(units[range.bounds]) }
}

/// Structural invariants every analysed document must satisfy; returns a list of violations.
func invariantViolations(_ document: Document) -> [String] {
    var problems: [String] = []
    let tokens = document.tokens
    for (index, token) in tokens.enumerated() {
        if token.range.length <= 0 { problems.append("token \(index) is empty") }
        if token.range.offset < 0 || token.range.end > document.units.count {
            problems.append("token \(index) \(token.range) is outside the text")
        }
        if index > 0, tokens[index - 1].range.end > token.range.offset {
            problems.append("token \(index - 1) overlaps token \(index)")
        }
    }
    // Sentences partition the tokens, in order.
    var nextToken = 0
    for (index, sentence) in document.sentences.enumerated() {
        if sentence.tokens.lowerBound != nextToken { problems.append("sentence \(index) does not start at token \(nextToken)") }
        if sentence.tokens.isEmpty { problems.append("sentence \(index) is empty") }
        nextToken = sentence.tokens.upperBound
        if !sentence.tokens.isEmpty, sentence.range != document.span(ofTokens: sentence.tokens) {
            problems.append("sentence \(index) range \(sentence.range) is not the span of its tokens")
        }
    }
    if nextToken != tokens.count { problems.append("sentences cover \(nextToken) of \(tokens.count) tokens") }
    // Paragraphs partition the sentences and the tokens; sentences stay inside their paragraph.
    var nextSentence = 0
    var nextParagraphToken = 0
    for (index, paragraph) in document.paragraphs.enumerated() {
        if paragraph.sentences.lowerBound != nextSentence { problems.append("paragraph \(index) skips sentences") }
        if paragraph.tokens.lowerBound != nextParagraphToken { problems.append("paragraph \(index) skips tokens") }
        nextSentence = paragraph.sentences.upperBound
        nextParagraphToken = paragraph.tokens.upperBound
        for sentenceIndex in paragraph.sentences {
            let sentence = document.sentences[sentenceIndex]
            if !paragraph.range.contains(sentence.range) {
                problems.append("sentence \(sentenceIndex) crosses paragraph \(index)")
            }
            if !paragraph.tokens.contains(sentence.tokens.lowerBound)
                || sentence.tokens.upperBound > paragraph.tokens.upperBound {
                problems.append("sentence \(sentenceIndex) tokens leave paragraph \(index)")
            }
        }
        if index > 0, document.paragraphs[index - 1].range.end > paragraph.range.offset {
            problems.append("paragraph \(index - 1) overlaps paragraph \(index)")
        }
    }
    if nextSentence != document.sentences.count { problems.append("paragraphs cover \(nextSentence) of \(document.sentences.count) sentences") }
    if nextParagraphToken != tokens.count { problems.append("paragraphs cover \(nextParagraphToken) of \(tokens.count) tokens") }
    return problems
}

/// A 1-based line and column, for comparing `LineIndex.Position` (which has no public initialiser).
struct LC: Equatable, Sendable, CustomStringConvertible {
    let line: Int
    let column: Int
    init(_ line: Int, _ column: Int) {
        self.line = line
        self.column = column
    }
    init(_ position: LineIndex.Position) {
        self.init(position.line, position.column)
    }
    var description: String { "\(line):\(column)" }
}
