import CSQLite

/// A failed SQLite call: the result code, SQLite's message, and the SQL.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?

    public var description: String {
        "SQLite error \(code): \(message)" + (sql.map { " (in: \($0))" } ?? "")
    }

    /// SQLITE_BUSY / SQLITE_LOCKED: another connection holds the lock.
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
    public var isConstraint: Bool { code & 0xFF == SQLITE_CONSTRAINT }
}
