import Foundation

/// A moment, stored as ISO-8601 UTC text (`2021-07-18T17:34:00Z`) so that
/// SQLite sorts and compares it as text.
public struct Timestamp: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public let seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }
    public init(_ date: Date) { seconds = Int64(date.timeIntervalSince1970.rounded(.down)) }

    public static var now: Timestamp { Timestamp(Date()) }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    public func adding(days: Int = 0, hours: Int = 0) -> Timestamp {
        Timestamp(seconds: seconds + Int64(days) * 86_400 + Int64(hours) * 3_600)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    public var description: String { date.formatted(Self.style) }

    /// The date part, `2021-07-18`.
    public var day: String { String(description.prefix(10)) }

    /// Parses `2021-07-18T17:34:00Z`, `2021-07-18T17:34:00+03:00` or a date `2021-07-18` (midnight UTC).
    public init?(_ text: String) {
        if let date = try? Date(text, strategy: Self.style) {
            self.init(date)
        } else if text.count == 10, let date = try? Date(text + "T00:00:00Z", strategy: Self.style) {
            self.init(date)
        } else {
            return nil
        }
    }

    private static let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = Timestamp(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO-8601 time: \(text)"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
