/// One token of a `Document`, with its exact place in the text and the
/// normalised forms that rules match on.
public struct Token: Hashable, Sendable {
    public let range: TextRange
    public let kind: TokenKind
    /// NFC, lower case, `ё` folded to `е`.
    public let normalized: Word
    /// The Snowball stem of `normalized` for words; `normalized` otherwise.
    public let stem: Word
    /// Vowel count of the word (0 for anything that is not a word).
    public let syllables: Int
    public let letterCase: LetterCase

    public init(range: TextRange, kind: TokenKind, normalized: Word, stem: Word,
                syllables: Int, letterCase: LetterCase) {
        self.range = range
        self.kind = kind
        self.normalized = normalized
        self.stem = stem
        self.syllables = syllables
        self.letterCase = letterCase
    }

    public var isWord: Bool { kind == .word }
}

/// How a token is capitalised; rules use it to tell names and acronyms from ordinary words.
public enum LetterCase: String, Sendable, Codable {
    /// No letters at all.
    case none
    case lower
    /// First letter upper, the rest lower: `Тверь`.
    case capitalized
    /// All letters upper: `ООО`.
    case upper
    /// Anything else: `КоАП`, `iPhone`.
    case mixed
}
