/// Turns UTF-16 text into tokens: ICU word segments, with compound tokens
/// (dates, phones, legal references, dotted abbreviations…) claimed first
/// by `CompoundScanner`, hyphenated words kept whole, and dots inside
/// letter runs (`подключено.Завтра`) split off.
struct Tokenizer {
    let units: [UInt16]
    let stemmer: Stemmer
    private var forms: [String: (stem: String, syllables: Int)] = [:]

    init(units: [UInt16], stemmer: Stemmer) {
        self.units = units
        self.stemmer = stemmer
    }

    mutating func tokenize() throws(ICUError) -> [Token] {
        let segments = try ICU.wordSegments(units)
        let scanner = CompoundScanner(units: units)
        var tokens: [Token] = []
        tokens.reserveCapacity(segments.ends.count / 2 + 1)
        var position = 0
        var segment = 0
        let segmentCount = segments.ends.count
        while segment < segmentCount {
            let segmentEnd = Int(segments.ends[segment])
            if position >= segmentEnd { segment += 1; continue }
            let first = units[position]
            if first.isWhitespace {
                position = segmentEnd
                continue
            }
            let segmentClass = segments.classes[segment]
            if let (end, kind) = scanner.scan(at: position) {
                tokens.append(makeToken(position..<end, kind: kind))
                position = end
                continue
            }
            switch ICU.SegmentClass(rawValue: segmentClass) {
            case .letter, .ideographic:
                position = appendWord(from: position, segmentEnd: segmentEnd, to: &tokens)
            case .number:
                tokens.append(makeToken(position..<segmentEnd, kind: .number))
                position = segmentEnd
            default:
                let kind: TokenKind = Self.isPunctuation(at: position, in: units) ? .punctuation : .symbol
                tokens.append(makeToken(position..<segmentEnd, kind: kind))
                position = segmentEnd
            }
        }
        return tokens
    }

    /// A word, extended over inner hyphens (`кто-то`, `М-10`) and cut at inner dots and colons.
    private mutating func appendWord(from start: Int, segmentEnd: Int, to tokens: inout [Token]) -> Int {
        var end = start
        while end < segmentEnd, units[end] != 0x2E, units[end] != 0x3A { end += 1 }
        if end == start { // a dot or colon ICU kept inside a word
            tokens.append(makeToken(start..<start + 1, kind: .punctuation))
            return start + 1
        }
        // Join "кто" "-" "то" when nothing but a hyphen stands between.
        if end == segmentEnd {
            while end + 1 < units.count, units[end] == 0x2D || units[end] == 0x2010 || units[end] == 0x2011,
                  units[end + 1].isLetter || units[end + 1].isASCIIDigit {
                end += 1
                while end < units.count, units[end].isLetter || units[end].isASCIIDigit { end += 1 }
            }
        }
        let range = start..<end
        tokens.append(makeToken(range, kind: wordKind(range)))
        return end
    }

    private func wordKind(_ range: Range<Int>) -> TokenKind {
        var uppers = 0
        var lowers = 0
        var hasDigit = false
        for unit in units[range] {
            if unit.isASCIIDigit { hasDigit = true } else if unit.isUpperLetter { uppers += 1 } else if unit.isLowerLetter { lowers += 1 }
        }
        let letters = uppers + lowers
        // ООО, ЦЗН, ВЛ1, М-10; КоАП, ГИБДД
        if lowers == 0, uppers >= 2 || (uppers == 1 && hasDigit), letters <= 6 { return .abbreviation }
        if uppers >= 2, lowers <= 2, letters <= 6, units[range.lowerBound].isUpperLetter { return .abbreviation }
        let text = String(decoding: units[range], as: UTF16.self)
        if Abbreviations.undotted.contains(text.lowercased()) { return .abbreviation }
        return .word
    }

    private mutating func makeToken(_ range: Range<Int>, kind: TokenKind) -> Token {
        let slice = units[range]
        let normalized = WordNormalizer.normalize(slice)
        var stem = normalized.normalized
        var syllables = 0
        if kind == .word {
            if let known = forms[normalized.normalized] {
                (stem, syllables) = known
            } else {
                stem = stemmer.stem(normalized.normalized)
                syllables = normalized.syllables
                forms[normalized.normalized] = (stem, syllables)
            }
        }
        return Token(range: TextRange(range), kind: kind, normalized: normalized.normalized,
                     stem: stem, syllables: syllables, letterCase: normalized.letterCase)
    }

    /// Unicode punctuation (P*) as opposed to symbols (S*, emoji).
    static func isPunctuation(at index: Int, in units: [UInt16]) -> Bool {
        let unit = units[index]
        if unit < 0x80 {
            switch unit {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D:
                return true
            default:
                return false
            }
        }
        guard let scalar = Unicode.Scalar(unit) else { return false } // surrogate: emoji and the like
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
