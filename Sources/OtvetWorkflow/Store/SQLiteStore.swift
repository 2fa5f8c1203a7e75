import Foundation
import OtvetRules

/// The embedded default store: SQLite, migrated on open.
public final class SQLiteStore: WorkflowStore {
    public let database: Database

    /// Opens (creating if needed) and migrates the database at `path`.
    public init(path: String) throws {
        database = try Database(path: path)
        try Schema.migrator.migrate(database)
    }

    public func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try database.write { try body(SQLiteSession(transaction: $0)) }
    }

    public func read<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try database.read { try body(SQLiteSession(transaction: $0)) }
    }
}

/// JSON columns (applicant, attachments, findings).
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

struct SQLiteSession: StoreSession {
    let transaction: Transaction

    // MARK: Organisations

    func insertOrganisation(name: String, parentID: Int?) throws -> Organisation {
        if let parentID, try organisation(id: parentID) == nil { throw WorkflowError.notFound("no organisation \(parentID)") }
        do {
            try transaction.execute("INSERT INTO organisations (name, parent_id) VALUES (?, ?)", name, parentID)
        } catch {
            throw error.isConstraint ? WorkflowError.conflict("an organisation named '\(name)' exists") : error
        }
        return Organisation(id: transaction.lastInsertID, name: name, parentID: parentID)
    }

    func organisation(id: Int) throws -> Organisation? {
        try transaction.row("SELECT * FROM organisations WHERE id = ?", id).map(Self.organisation)
    }

    func organisations() throws -> [Organisation] {
        try transaction.rows("SELECT * FROM organisations ORDER BY id", []).map(Self.organisation)
    }

    func policy(organisationID: Int) throws -> String? {
        try transaction.row("SELECT policy FROM organisations WHERE id = ?", organisationID)?.optionalString("policy")
    }

    func setPolicy(organisationID: Int, yaml: String?) throws {
        try transaction.execute("UPDATE organisations SET policy = ? WHERE id = ?", yaml, organisationID)
    }

    static func organisation(_ row: SQLiteRow) -> Organisation {
        Organisation(id: row.int("id"), name: row.string("name"), parentID: row.optionalInt("parent_id"))
    }

    // MARK: Users

    func insertUser(login: String, name: String, organisationID: Int, roles: Set<Role>, passwordHash: String) throws -> User {
        guard try organisation(id: organisationID) != nil else { throw WorkflowError.notFound("no organisation \(organisationID)") }
        let roleList = roles.sorted().map(\.rawValue).joined(separator: ",")
        do {
            try transaction.execute("""
                INSERT INTO users (login, name, organisation_id, roles, password_hash) VALUES (?, ?, ?, ?, ?)
                """, login, name, organisationID, roleList, passwordHash)
        } catch {
            throw error.isConstraint ? WorkflowError.conflict("a user with login '\(login)' exists") : error
        }
        return User(id: transaction.lastInsertID, login: login, name: name, organisationID: organisationID,
                    roles: roles, active: true)
    }

    func user(id: Int) throws -> User? {
        try transaction.row("SELECT * FROM users WHERE id = ?", id).map(Self.user)
    }

    func user(login: String) throws -> User? {
        try transaction.row("SELECT * FROM users WHERE login = ?", login).map(Self.user)
    }

    func passwordHash(userID: Int) throws -> String? {
        try transaction.row("SELECT password_hash FROM users WHERE id = ?", userID)?.optionalString("password_hash")
    }

    func users(organisationID: Int) throws -> [User] {
        try transaction.rows("SELECT * FROM users WHERE organisation_id = ? ORDER BY id", [organisationID]).map(Self.user)
    }

    func updateUser(id: Int, roles: Set<Role>, active: Bool) throws {
        try transaction.execute("UPDATE users SET roles = ?, active = ? WHERE id = ?",
                                roles.sorted().map(\.rawValue).joined(separator: ","), active, id)
    }

    static func user(_ row: SQLiteRow) -> User {
        let roles = Set(row.string("roles").split(separator: ",").compactMap { Role(rawValue: String($0)) })
        return User(id: row.int("id"), login: row.string("login"), name: row.string("name"),
                    organisationID: row.int("organisation_id"), roles: roles, active: row.bool("active"))
    }

    // MARK: Categories and templates

    func insertCategory(organisationID: Int, name: String, parentID: Int?, termDays: Int, fastTrackHours: Int) throws -> Category {
        guard try organisation(id: organisationID) != nil else { throw WorkflowError.notFound("no organisation \(organisationID)") }
        if let parentID {
            guard let parent = try category(id: parentID), parent.organisationID == organisationID else {
                throw WorkflowError.notFound("no category \(parentID) in organisation \(organisationID)")
            }
        }
        do {
            try transaction.execute("""
                INSERT INTO categories (organisation_id, name, parent_id, term_days, fast_track_hours) VALUES (?, ?, ?, ?, ?)
                """, organisationID, name, parentID, termDays, fastTrackHours)
        } catch {
            throw error.isConstraint ? WorkflowError.conflict("category '\(name)' exists") : error
        }
        return Category(id: transaction.lastInsertID, organisationID: organisationID, name: name, parentID: parentID,
                        termDays: termDays, fastTrackHours: fastTrackHours)
    }

    func category(id: Int) throws -> Category? {
        try transaction.row("SELECT * FROM categories WHERE id = ?", id).map(Self.category)
    }

    func categories(organisationID: Int) throws -> [Category] {
        try transaction.rows("SELECT * FROM categories WHERE organisation_id = ? ORDER BY id", [organisationID]).map(Self.category)
    }

    static func category(_ row: SQLiteRow) -> Category {
        Category(id: row.int("id"), organisationID: row.int("organisation_id"), name: row.string("name"),
                 parentID: row.optionalInt("parent_id"), termDays: row.int("term_days"),
                 fastTrackHours: row.int("fast_track_hours"))
    }

    func saveTemplate(organisationID: Int, name: String, text: String, result: CheckResult) throws -> AnswerTemplate {
        try transaction.execute("""
            INSERT INTO templates (organisation_id, name, text, score, verdict, findings) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (organisation_id, name) DO UPDATE SET text = excluded.text, score = excluded.score,
                verdict = excluded.verdict, findings = excluded.findings
            """, organisationID, name, text, result.score, result.verdict.rawValue, JSONColumn.encode(result.findings))
        let row = try transaction.row("SELECT * FROM templates WHERE organisation_id = ? AND name = ?", organisationID, name)
        return try Self.template(row!)
    }

    func templates(organisationID: Int) throws -> [AnswerTemplate] {
        try transaction.rows("SELECT * FROM templates WHERE organisation_id = ? ORDER BY name", [organisationID]).map(Self.template)
    }

    func template(id: Int) throws -> AnswerTemplate? {
        try transaction.row("SELECT * FROM templates WHERE id = ?", id).map(Self.template)
    }

    static func template(_ row: SQLiteRow) throws -> AnswerTemplate {
        AnswerTemplate(id: row.int("id"), organisationID: row.int("organisation_id"), name: row.string("name"),
                       text: row.string("text"), score: row.double("score") ?? 0,
                       verdict: Verdict(rawValue: row.string("verdict")) ?? .fail,
                       findings: try JSONColumn.decode([Finding].self, row.string("findings")))
    }
}
