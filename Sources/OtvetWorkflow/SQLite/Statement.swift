import CSQLite

/// A prepared statement: one owner of its `sqlite3_stmt`, finalised in `deinit`.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    private unowned let connection: Connection

    init(_ sql: String, in connection: Connection) throws(SQLiteError) {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteError(code: code, message: connection.lastMessage, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    func bind(_ arguments: [SQLiteValue]) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard Int(sqlite3_bind_parameter_count(handle)) == arguments.count else {
            throw SQLiteError(code: SQLITE_RANGE, message:
                "expected \(sqlite3_bind_parameter_count(handle)) arguments, got \(arguments.count)", sql: sql)
        }
        for (offset, value) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32 = switch value {
            case .null: sqlite3_bind_null(handle, index)
            case .integer(let number): sqlite3_bind_int64(handle, index, number)
            case .real(let number): sqlite3_bind_double(handle, index, number)
            case .text(let text): otvet_sqlite3_bind_text_transient(handle, index, text, Int32(text.utf8.count))
            }
            try connection.check(code, sql: sql)
        }
    }

    /// Steps to the end, collecting rows.
    func rows() throws(SQLiteError) -> [SQLiteRow] {
        defer { sqlite3_reset(handle) }
        var result: [SQLiteRow] = []
        let count = sqlite3_column_count(handle)
        let names = (0..<count).map { String(cString: sqlite3_column_name(handle, $0)) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return result }
            guard code == SQLITE_ROW else { throw SQLiteError(code: code, message: connection.lastMessage, sql: sql) }
            var columns: [String: SQLiteValue] = [:]
            for column in 0..<count {
                columns[names[Int(column)]] = switch sqlite3_column_type(handle, column) {
                case SQLITE_INTEGER: .integer(sqlite3_column_int64(handle, column))
                case SQLITE_FLOAT: .real(sqlite3_column_double(handle, column))
                case SQLITE_NULL: .null
                default: .text(String(cString: sqlite3_column_text(handle, column)))
                }
            }
            result.append(SQLiteRow(columns: columns))
        }
    }
}
