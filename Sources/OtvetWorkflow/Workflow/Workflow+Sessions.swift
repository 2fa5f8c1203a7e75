extension Workflow {
    /// How long a login lasts.
    public static let sessionHours = 12

    /// Logs in: a new session acting in `role` (or the user's first role); returns the token, shown once.
    public func login(login: String, password: String, role: Role? = nil) throws -> (token: String, session: AuthSession, user: User) {
        guard let user = try authenticate(login: login, password: password) else {
            throw WorkflowError.forbidden("wrong login or password")
        }
        let active = role ?? user.roles.sorted().first!
        _ = try Actor(user: user, role: active)
        let token = Tokens.make()
        let session = AuthSession(tokenHash: Tokens.hash(token), userID: user.id, role: active, csrf: Tokens.make(),
                                  kind: .session, name: nil, createdAt: now, expiresAt: now.adding(hours: Self.sessionHours))
        try store.write { store in
            try store.deleteExpiredSessions(before: now)
            try store.insertSession(session)
        }
        return (token, session, user)
    }

    /// The session and actor a token stands for; nil when unknown or expired.
    public func session(token: String) throws -> (session: AuthSession, actor: Actor)? {
        guard token.utf8.count == 64 else { return nil }
        return try store.read { store in
            guard let session = try store.session(tokenHash: Tokens.hash(token)) else { return nil }
            if let expiry = session.expiresAt, expiry < now { return nil }
            guard let user = try store.user(id: session.userID), let actor = try? Actor(user: user, role: session.role) else {
                return nil
            }
            return (session, actor)
        }
    }

    public func logout(token: String) throws {
        try store.write { try $0.deleteSession(tokenHash: Tokens.hash(token)) }
    }

    /// Acts in another of the user's roles from now on.
    public func switchRole(token: String, to role: Role) throws -> Actor {
        guard let (session, actor) = try session(token: token) else { throw WorkflowError.forbidden("the session has ended") }
        let switched = try Actor(user: actor.user, role: role)
        try store.write { try $0.updateSessionRole(tokenHash: session.tokenHash, role: role) }
        return switched
    }

    /// A long-lived token for an integration, acting as the administrator who made it.
    public func createAPIToken(name: String, by actor: Actor) throws -> String {
        guard actor.role == .admin else { throw WorkflowError.forbidden("only an administrator makes API tokens") }
        guard let name = name.trimmingWhitespaceOrNil, name.count <= 100 else {
            throw WorkflowError.invalid("an API token needs a name (up to 100 characters)")
        }
        let token = Tokens.make()
        try store.write {
            try $0.insertSession(AuthSession(tokenHash: Tokens.hash(token), userID: actor.user.id, role: .admin,
                                             csrf: Tokens.make(), kind: .api, name: name, createdAt: now, expiresAt: nil))
        }
        return token
    }
}
