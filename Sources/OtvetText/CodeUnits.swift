/// Character classes on UTF-16 code units. The analyser scans arrays of
/// code units rather than `Character`s: offsets stay in UTF-16 and the hot
/// loops stay cheap. Cyrillic and ASCII take fast paths; the rest asks the
/// standard library's Unicode properties.
extension UInt16 {
    @inline(__always) var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    @inline(__always) var isASCIIUpper: Bool { self >= 0x41 && self <= 0x5A }
    @inline(__always) var isASCIILower: Bool { self >= 0x61 && self <= 0x7A }
    @inline(__always) var isASCIILetter: Bool { isASCIIUpper || isASCIILower }
    @inline(__always) var isCyrillicUpper: Bool { self >= 0x400 && self <= 0x42F }
    @inline(__always) var isCyrillicLower: Bool { self >= 0x430 && self <= 0x45F }
    @inline(__always) var isCyrillic: Bool { self >= 0x400 && self <= 0x4FF }
    @inline(__always) var isSurrogate: Bool { self >= 0xD800 && self <= 0xDFFF }
    @inline(__always) var isCombiningMark: Bool { self >= 0x300 && self <= 0x36F }

    var isUpperLetter: Bool {
        if isASCIIUpper || isCyrillicUpper { return true }
        if self < 0x80 || isCyrillicLower || isSurrogate { return false }
        return Unicode.Scalar(self).map { $0.properties.isUppercase } ?? false
    }

    var isLowerLetter: Bool {
        if isASCIILower || isCyrillicLower { return true }
        if self < 0x80 || isCyrillicUpper || isSurrogate { return false }
        return Unicode.Scalar(self).map { $0.properties.isLowercase } ?? false
    }

    var isLetter: Bool {
        if isASCIILetter || (self >= 0x400 && self <= 0x45F) { return true }
        if self < 0x80 || isSurrogate { return false }
        return Unicode.Scalar(self).map { $0.properties.isAlphabetic } ?? false
    }

    var isLineBreak: Bool {
        self == 0x0A || self == 0x0D || self == 0x0B || self == 0x0C
            || self == 0x85 || self == 0x2028 || self == 0x2029
    }

    var isWhitespace: Bool {
        if self == 0x20 || self == 0x09 || isLineBreak { return true }
        if self < 0x80 { return false }
        return self == 0xA0 || self == 0x1680 || (self >= 0x2000 && self <= 0x200B)
            || self == 0x202F || self == 0x205F || self == 0x3000 || self == 0xFEFF
    }

    /// Any dash or hyphen a typist may put between parts of a word or number.
    var isDash: Bool {
        self == 0x2D || (self >= 0x2010 && self <= 0x2015) || self == 0x2212
    }

    /// Marks that end a sentence.
    var isTerminalPunctuation: Bool {
        self == 0x2E || self == 0x21 || self == 0x3F || self == 0x2026
    }

    var isRussianVowel: Bool {
        switch self {
        case 0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F, 0x451: true
        default: false
        }
    }

    var isLatinVowel: Bool {
        switch self {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true
        default: false
        }
    }
}
