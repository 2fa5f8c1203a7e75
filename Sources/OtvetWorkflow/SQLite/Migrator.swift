/// Ordered, named schema migrations, each applied once and recorded in the
/// database, as GRDB's `DatabaseMigrator`.
public struct Migrator: Sendable {
    public struct Migration: Sendable {
        public let name: String
        public let sql: String
    }

    public private(set) var migrations: [Migration] = []

    public init() {}

    public mutating func register(_ name: String, _ sql: String) {
        precondition(!migrations.contains { $0.name == name }, "migration \(name) registered twice")
        migrations.append(Migration(name: name, sql: sql))
    }

    /// Applies what is missing, each migration in its own transaction; returns the names applied.
    @discardableResult
    public func migrate(_ database: Database) throws -> [String] {
        try database.write { transaction in
            try transaction.script("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        }
        let applied = Set(try database.read { try $0.rows("SELECT name FROM schema_migrations", []).map { $0.string("name") } })
        if let unknown = applied.first(where: { name in !migrations.contains { $0.name == name } }) {
            throw MigrationError.unknown(unknown)
        }
        var done: [String] = []
        for migration in migrations where !applied.contains(migration.name) {
            let ran = try database.write { transaction in
                // Another connection opening the same new file may have applied it since we looked.
                guard try transaction.row("SELECT name FROM schema_migrations WHERE name = ?", migration.name) == nil else {
                    return false
                }
                try transaction.script(migration.sql)
                try transaction.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, datetime('now'))",
                                        migration.name)
                return true
            }
            if ran { done.append(migration.name) }
        }
        return done
    }
}

public enum MigrationError: Error, CustomStringConvertible {
    /// The database was migrated by a newer Otvet.
    case unknown(String)

    public var description: String {
        switch self {
        case .unknown(let name): "the database has migration '\(name)' that this Otvet does not know: it is newer"
        }
    }
}
