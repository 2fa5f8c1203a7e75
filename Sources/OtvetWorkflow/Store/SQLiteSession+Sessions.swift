extension SQLiteSession {
    func insertSession(_ session: AuthSession) throws {
        try transaction.execute("""
            INSERT INTO sessions (token_hash, user_id, role, csrf, kind, name, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, session.tokenHash, session.userID, session.role.rawValue, session.csrf, session.kind.rawValue,
            session.name, session.createdAt.description, session.expiresAt?.description)
    }

    func session(tokenHash: String) throws -> AuthSession? {
        try transaction.row("SELECT * FROM sessions WHERE token_hash = ?", tokenHash).map { row in
            AuthSession(tokenHash: row.string("token_hash"), userID: row.int("user_id"),
                        role: Role(rawValue: row.string("role")) ?? .curator, csrf: row.string("csrf"),
                        kind: AuthSession.Kind(rawValue: row.string("kind")) ?? .session, name: row.optionalString("name"),
                        createdAt: Timestamp(row.string("created_at")) ?? Timestamp(seconds: 0),
                        expiresAt: row.optionalString("expires_at").flatMap(Timestamp.init))
        }
    }

    func updateSessionRole(tokenHash: String, role: Role) throws {
        try transaction.execute("UPDATE sessions SET role = ? WHERE token_hash = ?", role.rawValue, tokenHash)
    }

    func deleteSession(tokenHash: String) throws {
        try transaction.execute("DELETE FROM sessions WHERE token_hash = ?", tokenHash)
    }

    func deleteExpiredSessions(before: Timestamp) throws {
        try transaction.execute("DELETE FROM sessions WHERE expires_at IS NOT NULL AND expires_at < ?", before.description)
    }
}
