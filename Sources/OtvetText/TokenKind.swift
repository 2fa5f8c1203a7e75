/// What a token is. Compound kinds (date, phone, legal reference…) are
/// recognised by the tokenizer so that rules never re-parse them.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    case word
    case number
    case punctuation
    case symbol
    case date
    case time
    case phone
    case email
    case url
    /// A part of a reference to a legal act: `№ 861`, `59-ФЗ`, `ст. 14.4`, `п. 31(б)`.
    case legalReference
    /// `ул.`, `г.`, `т.е.`, initials like `И.`, and capitalised acronyms like `ООО`, `КоАП`.
    case abbreviation

    /// Tokens a reader counts as words when judging sentence length.
    public var isWordLike: Bool {
        switch self {
        case .punctuation, .symbol: false
        default: true
        }
    }

    /// Tokens that carry a concrete date or time.
    public var isTemporal: Bool { self == .date || self == .time }

    /// Tokens that let a person reach an organisation.
    public var isContact: Bool { self == .phone || self == .email || self == .url }
}
