/// A sentence: a run of tokens a Russian reader sees as one sentence.
public struct Sentence: Hashable, Sendable {
    public let range: TextRange
    /// Indices into `Document.tokens`.
    public let tokens: Range<Int>
    /// Tokens that count as words (everything but punctuation and symbols).
    public let wordCount: Int
}

/// A paragraph: one thought, in the guide's words. Blank lines and single
/// line breaks both end one; a line that merely wraps continues it.
public struct Paragraph: Hashable, Sendable {
    public let range: TextRange
    /// Indices into `Document.sentences`.
    public let sentences: Range<Int>
    /// Indices into `Document.tokens`.
    public let tokens: Range<Int>
    /// The paragraph starts with a list marker (`-`, `•`, `1.`, `2)`).
    public let isListItem: Bool
}
