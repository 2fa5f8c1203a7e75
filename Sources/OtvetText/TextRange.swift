/// A span of the analysed text in UTF-16 code units: the unit browsers,
/// LanguageTool clients and editors count in. Every layer of Otvet speaks it.
public struct TextRange: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var offset: Int
    public var length: Int

    public init(offset: Int, length: Int) {
        self.offset = offset
        self.length = length
    }

    public init(_ range: Range<Int>) {
        self.init(offset: range.lowerBound, length: range.count)
    }

    public var end: Int { offset + length }
    public var bounds: Range<Int> { offset..<end }

    /// The smallest range that covers both.
    public func union(_ other: TextRange) -> TextRange {
        TextRange(min(offset, other.offset)..<max(end, other.end))
    }

    public func contains(_ other: TextRange) -> Bool {
        other.offset >= offset && other.end <= end
    }

    public func shifted(by delta: Int) -> TextRange {
        TextRange(offset: offset + delta, length: length)
    }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        (lhs.offset, lhs.length) < (rhs.offset, rhs.length)
    }

    public var description: String { "\(offset)+\(length)" }
}
