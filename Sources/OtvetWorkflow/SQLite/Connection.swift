import CSQLite

/// One SQLite connection: one owner of the `sqlite3` handle, closed in
/// `deinit`; one `check(rc)` that throws a typed error; prepared statements
/// cached by their SQL. Unchecked-Sendable because only `Database` holds it,
/// and only under its lock.
final class Connection: @unchecked Sendable {
    let handle: OpaquePointer
    private var statements: [String: Statement] = [:]

    init(path: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let handle { sqlite3_close_v2(handle) }
            throw SQLiteError(code: code, message: "\(path): \(message)", sql: nil)
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, 5_000)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func check(_ code: Int32, sql: String? = nil) throws(SQLiteError) {
        guard code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW else {
            throw SQLiteError(code: code, message: lastMessage, sql: sql)
        }
    }

    /// Runs SQL without arguments (several statements allowed): schema, pragmas.
    func execute(script sql: String) throws(SQLiteError) {
        try check(sqlite3_exec(handle, sql, nil, nil, nil), sql: sql)
    }

    private func statement(_ sql: String) throws(SQLiteError) -> Statement {
        if let cached = statements[sql] { return cached }
        let statement = try Statement(sql, in: self)
        statements[sql] = statement
        return statement
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws(SQLiteError) -> [SQLiteRow] {
        let statement = try statement(sql)
        try statement.bind(arguments.map(\.sqliteValue))
        return try statement.rows()
    }

    var changes: Int { Int(sqlite3_changes(handle)) }
    var lastInsertID: Int { Int(sqlite3_last_insert_rowid(handle)) }
}
