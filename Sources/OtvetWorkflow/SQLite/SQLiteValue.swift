/// A value bound to or read from a statement.
public enum SQLiteValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public var int: Int? { if case .integer(let value) = self { return Int(value) } else { return nil } }
    public var double: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }
    public var string: String? { if case .text(let value) = self { return value } else { return nil } }
    public var bool: Bool { int.map { $0 != 0 } ?? false }
}

/// Types that bind as a statement argument.
public protocol SQLiteBindable: Sendable {
    var sqliteValue: SQLiteValue { get }
}

extension Int: SQLiteBindable { public var sqliteValue: SQLiteValue { .integer(Int64(self)) } }
extension Int64: SQLiteBindable { public var sqliteValue: SQLiteValue { .integer(self) } }
extension Double: SQLiteBindable { public var sqliteValue: SQLiteValue { .real(self) } }
extension String: SQLiteBindable { public var sqliteValue: SQLiteValue { .text(self) } }
extension Bool: SQLiteBindable { public var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) } }
extension SQLiteValue: SQLiteBindable { public var sqliteValue: SQLiteValue { self } }
extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    public var sqliteValue: SQLiteValue { self?.sqliteValue ?? .null }
}

/// One result row, by column name.
public struct SQLiteRow: Sendable {
    let columns: [String: SQLiteValue]

    public subscript(name: String) -> SQLiteValue { columns[name] ?? .null }
    public func int(_ name: String) -> Int { self[name].int ?? 0 }
    public func string(_ name: String) -> String { self[name].string ?? "" }
    public func optionalString(_ name: String) -> String? { self[name].string }
    public func optionalInt(_ name: String) -> Int? { self[name].int }
    public func double(_ name: String) -> Double? { self[name].double }
    public func bool(_ name: String) -> Bool { self[name].bool }
}
