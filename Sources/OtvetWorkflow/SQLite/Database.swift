import CSQLite
import Synchronization

/// The embedded SQLite database: WAL, foreign keys, full sync, and every
/// unit of work in one transaction. One connection, used by one thread at
/// a time; writes take the write lock up front (`BEGIN IMMEDIATE`) so two
/// writers never deadlock halfway.
public final class Database: Sendable {
    private let connection: Mutex<Connection>
    public let path: String

    public init(path: String) throws(SQLiteError) {
        let connection = try Connection(path: path)
        // Switching a new file to WAL takes it exclusively: a second connection opening it at that
        // moment gets SQLITE_BUSY at once, without the busy handler, so it tries again for a while.
        for attempt in 1... {
            do throws(SQLiteError) {
                try connection.execute(script: "PRAGMA journal_mode = WAL")
                break
            } catch where error.isBusy && attempt < 500 {
                sqlite3_sleep(10)
            }
        }
        try connection.execute(script: """
            PRAGMA synchronous = FULL;
            PRAGMA foreign_keys = ON;
            """)
        self.path = path
        self.connection = Mutex(connection)
    }

    /// Runs `body` in a write transaction: committed if it returns, rolled back if it throws.
    public func write<T>(_ body: (Transaction) throws -> T) throws -> T {
        try connection.withLock { connection in
            try connection.execute(script: "BEGIN IMMEDIATE")
            do {
                let result = try body(Transaction(connection: connection))
                try connection.execute(script: "COMMIT")
                return result
            } catch {
                try? connection.execute(script: "ROLLBACK")
                throw error
            }
        }
    }

    /// Runs `body` in a read transaction: a consistent snapshot.
    public func read<T>(_ body: (Transaction) throws -> T) throws -> T {
        try connection.withLock { connection in
            try connection.execute(script: "BEGIN DEFERRED")
            defer { try? connection.execute(script: "COMMIT") }
            return try body(Transaction(connection: connection))
        }
    }
}

/// The statements of one transaction.
public struct Transaction {
    let connection: Connection

    @discardableResult
    public func execute(_ sql: String, _ arguments: any SQLiteBindable...) throws(SQLiteError) -> [SQLiteRow] {
        try connection.execute(sql, arguments)
    }

    public func rows(_ sql: String, _ arguments: [any SQLiteBindable]) throws(SQLiteError) -> [SQLiteRow] {
        try connection.execute(sql, arguments)
    }

    public func row(_ sql: String, _ arguments: any SQLiteBindable...) throws(SQLiteError) -> SQLiteRow? {
        try connection.execute(sql, arguments).first
    }

    public func script(_ sql: String) throws(SQLiteError) {
        try connection.execute(script: sql)
    }

    /// Rows changed by the last statement: optimistic concurrency reads it.
    public var changes: Int { connection.changes }
    public var lastInsertID: Int { connection.lastInsertID }
}
