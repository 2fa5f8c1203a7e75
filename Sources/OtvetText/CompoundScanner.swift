/// Recognises the compound tokens of official replies at a given offset:
/// dates, times, phones, e-mails, URLs, legal reference parts and dotted
/// abbreviations. ICU splits these into pieces; the tokenizer asks the
/// scanner first at every segment start. Every scan is a bounded forward
/// walk, so the tokenizer stays linear.
struct CompoundScanner {
    let units: [UInt16]

    private var count: Int { units.count }

    private func unit(_ index: Int) -> UInt16 { index < count ? units[index] : 0 }

    /// The compound token starting at `start`, if any.
    func scan(at start: Int) -> (end: Int, kind: TokenKind)? {
        let first = units[start]
        if first.isASCIIDigit {
            if let end = date(at: start) { return (end, .date) }
            if let end = time(at: start) { return (end, .time) }
            if let end = lawNumber(at: start) { return (end, .legalReference) }
            if let end = phone(at: start) { return (end, .phone) }
            if let end = email(at: start) { return (end, .email) }
            return nil
        }
        switch first {
        case 0x2B, 0x28: // + (
            return phone(at: start).map { ($0, .phone) }
        case 0x2116: // №
            return numberSign(at: start).map { ($0, .legalReference) }
        case 0x4E where unit(start + 1) == 0x20 && unit(start + 2).isASCIIDigit: // "N 861"
            return numberSign(at: start).map { ($0, .legalReference) }
        default:
            break
        }
        guard first.isLetter else { return nil }
        // Most words end at a space or a comma, where nothing compound can start.
        var runEnd = start + 1
        while runEnd < count, units[runEnd].isLetter || units[runEnd].isASCIIDigit || units[runEnd] == 0x2D {
            runEnd += 1
        }
        let after = unit(runEnd)
        switch after {
        case 0x2E, 0x40, 0x3A, 0x5F, 0x25, 0x2B, 0x2F: break
        default: return nil
        }
        let mayBeAddress = after != 0x2E || unit(runEnd + 1).isLetter || unit(runEnd + 1).isASCIIDigit
        if mayBeAddress, let end = url(at: start) { return (end, .url) }
        if first.isASCIILetter, let end = email(at: start) { return (end, .email) }
        if let end = articleReference(at: start) { return (end, .legalReference) }
        if let end = dottedAbbreviation(at: start) { return (end, .abbreviation) }
        return nil
    }

    // MARK: Numbers, dates and times

    /// Digits from `start`; returns the end, or nil if there are none or more than `maximum`.
    private func digits(at start: Int, maximum: Int = 12) -> Int? {
        var index = start
        while index < count, units[index].isASCIIDigit, index - start < maximum { index += 1 }
        if index == start || unit(index).isASCIIDigit { return nil }
        return index
    }

    private func value(_ range: Range<Int>) -> Int {
        units[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// `02.03.2021`, `2.3.21`, `02/03/2021`, `2021-03-02`, with an optional `г.`/`г` after it.
    func date(at start: Int) -> Int? {
        guard let dayEnd = digits(at: start, maximum: 4) else { return nil }
        let separator = unit(dayEnd)
        var end: Int
        if dayEnd - start == 4, separator == 0x2D { // ISO
            guard let monthEnd = digits(at: dayEnd + 1, maximum: 2), unit(monthEnd) == 0x2D,
                  let dayEnd2 = digits(at: monthEnd + 1, maximum: 2),
                  (1...12).contains(value(dayEnd + 1..<monthEnd)),
                  (1...31).contains(value(monthEnd + 1..<dayEnd2)) else { return nil }
            return dayEnd2
        }
        guard dayEnd - start <= 2, separator == 0x2E || separator == 0x2F,
              let monthEnd = digits(at: dayEnd + 1, maximum: 2), unit(monthEnd) == separator,
              let yearEnd = digits(at: monthEnd + 1, maximum: 4),
              yearEnd - monthEnd - 1 == 2 || yearEnd - monthEnd - 1 == 4,
              (1...31).contains(value(start..<dayEnd)),
              (1...12).contains(value(dayEnd + 1..<monthEnd)) else { return nil }
        end = yearEnd
        // An attached or spaced "г." / "г" (год), but not the word "года".
        var next = end
        if unit(next) == 0x20 || unit(next) == 0xA0 { next += 1 }
        if unit(next) == 0x433 && !unit(next + 1).isLetter {
            end = next + 1
            if unit(end) == 0x2E { end += 1 }
        }
        return end
    }

    /// `17:34`, `9:05`, `17:34:10`.
    func time(at start: Int) -> Int? {
        guard let hoursEnd = digits(at: start, maximum: 2), unit(hoursEnd) == 0x3A,
              let minutesEnd = digits(at: hoursEnd + 1, maximum: 2), minutesEnd - hoursEnd == 3,
              value(start..<hoursEnd) < 24, value(hoursEnd + 1..<minutesEnd) < 60 else { return nil }
        if unit(minutesEnd) == 0x3A, let secondsEnd = digits(at: minutesEnd + 1, maximum: 2),
           secondsEnd - minutesEnd == 3 {
            return secondsEnd
        }
        return minutesEnd
    }

    // MARK: Legal references

    private static let lawSuffixes: [[UInt16]] = ["ФКЗ", "ФЗ", "ЗО", "КЗ", "ОЗ"].map { Array($0.utf16) }

    /// `59-ФЗ`, `131-ФЗ`, `34-ЗО`.
    func lawNumber(at start: Int) -> Int? {
        guard let numberEnd = digits(at: start, maximum: 5), unit(numberEnd).isDash else { return nil }
        let suffixStart = numberEnd + 1
        for suffix in Self.lawSuffixes {
            let end = suffixStart + suffix.count
            guard end <= count, Array(units[suffixStart..<end]) == suffix, !unit(end).isLetter else { continue }
            return end
        }
        return nil
    }

    /// `№ 861`, `№861-р`, `N 59-ФЗ`, `№ 28/1`.
    func numberSign(at start: Int) -> Int? {
        var index = start + 1
        if unit(index) == 0x20 || unit(index) == 0xA0 { index += 1 }
        guard unit(index).isASCIIDigit else { return nil }
        var end = index
        while end < count, end - index < 24 {
            let current = units[end]
            if current.isASCIIDigit || current.isLetter {
                end += 1
            } else if current == 0x2F || current.isDash || current == 0x2E,
                      unit(end + 1).isASCIIDigit || unit(end + 1).isLetter {
                end += 1
            } else {
                break
            }
        }
        return end
    }

    private static let articleWords = Set(["ст", "п", "пп", "ч", "подп", "абз", "гл", "разд", "пт"].map(ShortKey.init))

    /// `ст. 14.4`, `п. 31(б)`, `ч.2`, `пп. 3.1.2`.
    func articleReference(at start: Int) -> Int? {
        var index = start
        while index < count, units[index].isCyrillic, index - start < 5 { index += 1 }
        guard unit(index) == 0x2E, index - start <= 4,
              Self.articleWords.contains(ShortKey(units[start..<index]))
        else { return nil }
        index += 1
        if unit(index) == 0x20 || unit(index) == 0xA0 { index += 1 }
        guard var end = digits(at: index, maximum: 4) else { return nil }
        while unit(end) == 0x2E, unit(end + 1).isASCIIDigit, let next = digits(at: end + 1, maximum: 4) {
            end = next
        }
        if unit(end) == 0x28, unit(end + 1).isLetter, unit(end + 2) == 0x29 { // 31(б)
            end += 3
        } else if unit(end).isCyrillicLower, !unit(end + 1).isLetter { // 31б
            end += 1
        }
        return end
    }

    // MARK: Contacts

    /// `8-800-100-70-10`, `+7 (4822) 32-10-00`, `89206883015`, `32-10-00`.
    func phone(at start: Int) -> Int? {
        // Not from the middle of a longer run of number groups ("10-20-30-40-…").
        if start >= 2, units[start - 1].isDash || units[start - 1] == 0x20, units[start - 2].isASCIIDigit { return nil }
        var index = start
        let hasPlus = unit(index) == 0x2B
        if hasPlus { index += 1 }
        var digitCount = 0
        var dashes = 0
        var hasParentheses = false
        var firstDigit: UInt16 = 0
        var lastDigitEnd = start
        while index < count, index - start < 24 {
            let current = units[index]
            let next = unit(index + 1)
            if current.isASCIIDigit {
                if digitCount == 0 { firstDigit = current }
                digitCount += 1
                index += 1
                lastDigitEnd = index
            } else if current.isDash, next.isASCIIDigit, digitCount > 0 {
                dashes += 1
                index += 1
            } else if current == 0x28, next.isASCIIDigit {
                hasParentheses = true
                index += 1
            } else if current == 0x29, digitCount > 0 {
                index += 1
            } else if current == 0x20 || current == 0xA0, digitCount > 0, next.isASCIIDigit || next == 0x28 {
                index += 1
            } else {
                break
            }
        }
        if unit(lastDigitEnd).isLetter { return nil }
        let isPhone = switch digitCount {
        case 10...13 where hasPlus: true
        case 11 where firstDigit == 0x38 || firstDigit == 0x37: true
        case 10 where hasParentheses: true
        case 5...11 where dashes >= 2: true
        default: false
        }
        return isPhone ? lastDigitEnd : nil
    }

    /// `ivan.petrov@tver.ru`, `info@адм.рф`.
    func email(at start: Int) -> Int? {
        var index = start
        while index < count, index - start < 64 {
            let current = units[index]
            guard current.isASCIILetter || current.isASCIIDigit || current == 0x2E || current == 0x5F
                || current == 0x25 || current == 0x2B || current == 0x2D else { break }
            index += 1
        }
        guard index > start, unit(index) == 0x40 else { return nil }
        return domain(at: index + 1, requireKnownTopLevel: false)
    }

    private static let topLevelDomains: Set<String> = [
        "ru", "рф", "su", "com", "org", "net", "info", "gov", "рус", "moscow", "online", "site", "pro",
    ]

    /// Labels of letters, digits and hyphens joined by dots; returns the end of the last label.
    private func domain(at start: Int, requireKnownTopLevel: Bool) -> Int? {
        var index = start
        var labelStart = start
        var labels = 0
        var end: Int?
        while index < count, index - start < 253 {
            let current = units[index]
            if current.isASCIILetter || current.isASCIIDigit || current.isCyrillic || current == 0x2D {
                index += 1
                continue
            }
            guard index > labelStart else { break }
            labels += 1
            end = index
            guard current == 0x2E, unit(index + 1).isLetter || unit(index + 1).isASCIIDigit else { break }
            index += 1
            labelStart = index
        }
        if index == count, index > labelStart { labels += 1; end = index }
        guard let last = end, labels >= 2 else { return nil }
        var topStart = last
        while topStart > start, units[topStart - 1] != 0x2E { topStart -= 1 }
        let topLevel = String(decoding: units[topStart..<last], as: UTF16.self).lowercased()
        guard last - topStart >= 2, topLevel.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else {
            return nil
        }
        if requireKnownTopLevel, !Self.topLevelDomains.contains(topLevel) { return nil }
        return last
    }

    private static let schemes: [[UInt16]] = ["https://", "http://", "www."].map { Array($0.utf16) }

    /// `https://pos.gosuslugi.ru/admin/`, `www.tver.ru`, `gosuslugi.ru/123`.
    func url(at start: Int) -> Int? {
        let hasScheme = Self.schemes.contains { scheme in
            start + scheme.count <= count
                && zip(units[start..<start + scheme.count], scheme).allSatisfy { $0 | 0x20 == $1 | 0x20 }
        }
        var end: Int
        if hasScheme {
            end = start
        } else {
            guard units[start].isASCIILetter || units[start].isCyrillic,
                  let domainEnd = domain(at: start, requireKnownTopLevel: true) else { return nil }
            if unit(domainEnd) != 0x2F { return domainEnd }
            end = domainEnd
        }
        while end < count, end - start < 2048 {
            let current = units[end]
            if current.isWhitespace || current == 0x3C || current == 0x3E || current == 0x22
                || current == 0xAB || current == 0xBB || current == 0x7C { break }
            end += 1
        }
        // Trailing punctuation belongs to the sentence, not the address.
        var opens = units[start..<end].reduce(0) { $0 + ($1 == 0x28 ? 1 : 0) - ($1 == 0x29 ? 1 : 0) }
        while end > start {
            let last = units[end - 1]
            if last == 0x29, opens < 0 { opens += 1; end -= 1; continue }
            guard [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F].contains(last) else { break }
            end -= 1
        }
        return end > start + 4 ? end : nil
    }

    // MARK: Abbreviations

    /// `ул.`, `т.е.`, `т. д.`, `И.`; the dot belongs to the abbreviation.
    func dottedAbbreviation(at start: Int) -> Int? {
        func letters(from index: Int) -> Int {
            var end = index
            while end < count, units[end].isLetter, end - index < 8 { end += 1 }
            return end
        }
        let firstEnd = letters(from: start)
        // No known abbreviation is longer than five letters: the common case, a
        // sentence-final word, leaves here without building a string.
        guard firstEnd > start, firstEnd - start <= 5, unit(firstEnd) == 0x2E else { return nil }
        // "кВ." is a kilovolt, not "кв.": inner capitals are not an abbreviation's.
        if units[start + 1..<firstEnd].contains(where: { $0.isUpperLetter }) { return nil }
        let first = ShortKey(units[start..<firstEnd])
        // Two-part: "т.е.", "т. д.", "и.о."
        var secondStart = firstEnd + 1
        if unit(secondStart) == 0x20 { secondStart += 1 }
        let secondEnd = letters(from: secondStart)
        if firstEnd - start <= 2, secondEnd > secondStart, secondEnd - secondStart <= 3,
           unit(secondEnd) == 0x2E || first == ShortKey("и") {
            let pair = first.appending(0x2E).appending(units[secondStart..<secondEnd])
            if Abbreviations.dottedKeys.contains(pair) {
                return unit(secondEnd) == 0x2E ? secondEnd + 1 : secondEnd
            }
        }
        if Abbreviations.dottedKeys.contains(first) { return firstEnd + 1 }
        // An initial: one capital letter and a dot ("И. И. Петров").
        if firstEnd - start == 1, units[start].isUpperLetter { return firstEnd + 1 }
        return nil
    }
}
