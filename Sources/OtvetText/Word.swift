/// A normalised word form (NFC, lower case, `ё`→`е`) as rules compare it.
///
/// Swift's `String` hashes and compares by canonical equivalence, which for
/// Cyrillic means a normalisation check on every look-up; rules look words
/// up in sets millions of times. A `Word` is already NFC, so it compares its
/// UTF-8 bytes and carries a hash computed once.
public struct Word: Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let text: String
    /// FNV-1a of the UTF-8 bytes, computed once.
    public let fingerprint: Int

    public init(_ text: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        self.text = text
        self.fingerprint = Int(truncatingIfNeeded: hash)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public static func == (lhs: Word, rhs: Word) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }

    public static func < (lhs: Word, rhs: Word) -> Bool { lhs.text < rhs.text }

    public var description: String { text }

    public var isEmpty: Bool { text.isEmpty }
    public func hasPrefix(_ prefix: String) -> Bool { text.hasPrefix(prefix) }
    public func hasSuffix(_ suffix: String) -> Bool { text.hasSuffix(suffix) }
    public var count: Int { text.count }
    public var utf16: String.UTF16View { text.utf16 }
}
