/// Turns UTF-16 text into tokens: ICU word segments, with compound tokens
/// (dates, phones, legal references, dotted abbreviations…) claimed first
/// by `CompoundScanner`, hyphenated words kept whole, and dots inside
/// letter runs (`подключено.Завтра`) split off.
struct Tokenizer {
    let units: [UInt16]
    let stemmer: Stemmer
    private var words = FormTable()
    private var others = FormTable()

    let shared: SharedForms

    init(units: [UInt16], stemmer: Stemmer, shared: SharedForms) {
        self.units = units
        self.stemmer = stemmer
        self.shared = shared
    }

    mutating func tokenize() throws(ICUError) -> [Token] {
        var segments = try BreakIterator(.word, units: units)
        let scanner = CompoundScanner(units: units)
        var tokens: [Token] = []
        tokens.reserveCapacity(units.count / 6 + 1)
        var position = 0
        while let (segmentEnd, segmentClass) = segments.next() {
            while position < segmentEnd {
                let first = units[position]
                if first.isWhitespace {
                    position = segmentEnd
                    break
                }
                if let (end, kind) = scanner.scan(at: position) {
                    tokens.append(compoundToken(position..<end, kind: kind))
                    position = end
                    continue
                }
                switch segmentClass {
                case .letter, .ideographic, .number where first.isLetter: // ICU calls "ВЛ1" a number
                    position = appendWord(from: position, segmentEnd: segmentEnd, to: &tokens)
                case .number:
                    tokens.append(token(position..<segmentEnd, kind: .number))
                    position = segmentEnd
                case .none:
                    let kind: TokenKind = Self.isPunctuation(at: position, in: units) ? .punctuation : .symbol
                    tokens.append(token(position..<segmentEnd, kind: kind))
                    position = segmentEnd
                }
            }
        }
        return tokens
    }

    /// A word, extended over inner hyphens (`кто-то`, `М-10`) and cut at inner dots and colons.
    private mutating func appendWord(from start: Int, segmentEnd: Int, to tokens: inout [Token]) -> Int {
        var end = start
        while end < segmentEnd, units[end] != 0x2E, units[end] != 0x3A { end += 1 }
        if end == start { // a dot or colon ICU kept inside a word
            tokens.append(token(start..<start + 1, kind: .punctuation))
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
        tokens.append(wordToken(start..<end))
        return end
    }

    private static func wordKind(_ units: ArraySlice<UInt16>) -> TokenKind {
        var uppers = 0
        var lowers = 0
        var hasDigit = false
        for unit in units {
            if unit.isASCIIDigit { hasDigit = true } else if unit.isUpperLetter { uppers += 1 } else if unit.isLowerLetter { lowers += 1 }
        }
        let letters = uppers + lowers
        // ООО, ЦЗН, ВЛ1, М-10; КоАП, ГИБДД
        if lowers == 0, uppers >= 2 || (uppers == 1 && hasDigit), letters <= 6 { return .abbreviation }
        if uppers >= 2, lowers <= 2, letters <= 6, units[units.startIndex].isUpperLetter { return .abbreviation }
        if units.contains(0x2D) {
            let text = String(decoding: units, as: UTF16.self).lowercased()
            if Abbreviations.undotted.contains(text) { return .abbreviation }
        }
        return .word
    }

    /// A word or acronym; its kind, forms and stem come from the table after the first sighting.
    private mutating func wordToken(_ range: Range<Int>) -> Token {
        let slice = units[range]
        let stemmer = self.stemmer
        let shared = self.shared
        let form = words.form(for: slice) { hash in shared.form(slice, hash: hash) {
            let kind = Self.wordKind(slice)
            let normalized = WordNormalizer.normalize(slice)
            let stem = kind == .word ? stemmer.stem(normalized.normalized) : normalized.normalized
            let word = Word(normalized.normalized)
            return FormTable.Form(normalized: word, stem: kind == .word ? Word(stem) : word, syllables: normalized.syllables,
                                  letterCase: normalized.letterCase, kind: kind)
        } }
        return Token(range: TextRange(range), kind: form.kind, normalized: form.normalized, stem: form.stem,
                     syllables: form.kind == .word ? form.syllables : 0, letterCase: form.letterCase)
    }

    /// A number, punctuation mark or symbol.
    private mutating func token(_ range: Range<Int>, kind: TokenKind) -> Token {
        let slice = units[range]
        let form = others.form(for: slice) { _ in
            let normalized = WordNormalizer.normalize(slice)
            let word = Word(normalized.normalized)
            return FormTable.Form(normalized: word, stem: word, syllables: 0,
                                  letterCase: normalized.letterCase, kind: kind)
        }
        return Token(range: TextRange(range), kind: kind, normalized: form.normalized, stem: form.stem,
                     syllables: 0, letterCase: form.letterCase)
    }

    /// Dates, phones and the like are mostly unique: normalised directly.
    private func compoundToken(_ range: Range<Int>, kind: TokenKind) -> Token {
        let normalized = WordNormalizer.normalize(units[range])
        let word = Word(normalized.normalized)
        return Token(range: TextRange(range), kind: kind, normalized: word, stem: word, syllables: 0,
                     letterCase: normalized.letterCase)
    }

    /// Unicode punctuation (P*) as opposed to symbols (S*, emoji).
    static func isPunctuation(at index: Int, in units: [UInt16]) -> Bool {
        let unit = units[index]
        if unit == 0xAB || unit == 0xBB || (unit >= 0x2010 && unit <= 0x2027) { return true }
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
