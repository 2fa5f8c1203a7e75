/// Normalises one token: NFC, lower case, `ё`→`е`, and counts its vowels
/// and letter case in the same pass. Russian and ASCII text goes straight
/// to UTF-8; anything else (combining marks, other scripts) goes through ICU.
enum WordNormalizer {
    struct Result {
        var normalized: String
        var syllables: Int
        var letterCase: LetterCase
    }

    static func normalize(_ units: ArraySlice<UInt16>) -> Result {
        if let fast = fastPath(units) { return fast }
        let composed = (try? ICU.nfc(units)) ?? Array(units)
        let lowered = (try? ICU.lowercased(composed[...])) ?? composed
        let folded = lowered.map { $0 == 0x451 ? 0x435 : $0 }
        let syllables = folded.reduce(0) { $0 + (($1.isRussianVowel || $1.isLatinVowel) ? 1 : 0) }
        return Result(normalized: String(decoding: folded, as: UTF16.self),
                      syllables: syllables, letterCase: letterCase(of: composed[...]))
    }

    /// ASCII and basic Cyrillic, written straight into the string's UTF-8.
    private static func fastPath(_ units: ArraySlice<UInt16>) -> Result? {
        var syllables = 0
        var uppers = 0
        var lowers = 0
        var firstIsUpper = false
        var sawLetter = false
        var failed = false
        let string = String(unsafeUninitializedCapacity: units.count * 2) { buffer in
            var written = 0
            for unit in units {
                var lower = unit
                if unit < 0x80 {
                    if unit.isASCIIUpper { lower = unit + 0x20 }
                    buffer[written] = UInt8(truncatingIfNeeded: lower)
                    written += 1
                } else if unit >= 0x400 && unit <= 0x45F {
                    if unit <= 0x40F { lower = unit + 0x50 } else if unit <= 0x42F { lower = unit + 0x20 }
                    if lower == 0x451 { lower = 0x435 }
                    buffer[written] = UInt8(0xC0 | (lower >> 6))
                    buffer[written + 1] = UInt8(0x80 | (lower & 0x3F))
                    written += 2
                } else {
                    failed = true
                    return 0
                }
                let isUpper = unit.isASCIIUpper || unit.isCyrillicUpper
                let isLetter = isUpper || unit.isASCIILower || unit.isCyrillicLower
                if isLetter {
                    if !sawLetter { firstIsUpper = isUpper; sawLetter = true }
                    if isUpper { uppers += 1 } else { lowers += 1 }
                }
                if lower.isRussianVowel || lower.isLatinVowel { syllables += 1 }
            }
            return written
        }
        if failed { return nil }
        return Result(normalized: string, syllables: syllables,
                      letterCase: classify(uppers: uppers, lowers: lowers, firstIsUpper: firstIsUpper))
    }

    static func letterCase(of units: ArraySlice<UInt16>) -> LetterCase {
        var uppers = 0
        var lowers = 0
        var firstIsUpper = false
        var sawLetter = false
        for unit in units {
            let isUpper = unit.isUpperLetter
            let isLower = !isUpper && unit.isLowerLetter
            guard isUpper || isLower else { continue }
            if !sawLetter { firstIsUpper = isUpper; sawLetter = true }
            if isUpper { uppers += 1 } else { lowers += 1 }
        }
        return classify(uppers: uppers, lowers: lowers, firstIsUpper: firstIsUpper)
    }

    private static func classify(uppers: Int, lowers: Int, firstIsUpper: Bool) -> LetterCase {
        switch (uppers, lowers) {
        case (0, 0): .none
        case (0, _): .lower
        case (_, 0): .upper
        case (1, _) where firstIsUpper: .capitalized
        default: .mixed
        }
    }
}
