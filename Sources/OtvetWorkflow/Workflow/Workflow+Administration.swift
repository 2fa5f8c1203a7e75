import OtvetRules

extension Workflow {
    /// Admins manage their own organisation; the very first set-up has no actor (`otvet admin init`).
    private func requireAdmin(_ actor: Actor?, of organisationID: Int?) throws {
        guard let actor else { return }
        guard actor.role == .admin else { throw WorkflowError.forbidden("only an administrator may do this") }
        if let organisationID, organisationID != actor.user.organisationID,
           try store.read({ try $0.organisation(id: organisationID)?.parentID }) != actor.user.organisationID {
            throw WorkflowError.forbidden("organisation \(organisationID) is not administered by this administrator")
        }
    }

    @discardableResult
    public func createOrganisation(name: String, parentID: Int? = nil, by actor: Actor? = nil) throws -> Organisation {
        try requireAdmin(actor, of: parentID)
        // An administrator adds organisations under their own; top-level ones are the operator's (no actor).
        if actor != nil, parentID == nil { throw WorkflowError.forbidden("only the operator creates a top-level organisation") }
        guard let name = name.trimmingWhitespaceOrNil else { throw WorkflowError.invalid("the organisation needs a name") }
        return try store.write { try $0.insertOrganisation(name: name, parentID: parentID) }
    }

    @discardableResult
    public func createUser(login: String, name: String, password: String, organisationID: Int, roles: Set<Role>,
                           by actor: Actor? = nil) throws -> User {
        try requireAdmin(actor, of: organisationID)
        guard let login = login.trimmingWhitespaceOrNil, login.count <= 64,
              login.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) else {
            throw WorkflowError.invalid("a login is 1–64 letters, digits, '.', '_', '-', '@'")
        }
        guard !roles.isEmpty else { throw WorkflowError.invalid("a user needs at least one role") }
        let hash = try hasher.hash(password)
        return try store.write {
            try $0.insertUser(login: login, name: name.trimmingWhitespaceOrNil ?? login, organisationID: organisationID,
                              roles: roles, passwordHash: hash)
        }
    }

    /// Changes a user's roles or switches the account off. A switched-off account's sessions stop working at once.
    @discardableResult
    public func updateUser(login: String, roles: Set<Role>? = nil, active: Bool? = nil, by actor: Actor? = nil) throws -> User {
        try store.write { session in
            guard var user = try session.user(login: login) else { throw WorkflowError.notFound("no user '\(login)'") }
            if let actor {
                guard actor.role == .admin, actor.user.organisationID == user.organisationID else {
                    throw WorkflowError.forbidden("only an administrator of the user's organisation may change them")
                }
            }
            if let roles {
                guard !roles.isEmpty else { throw WorkflowError.invalid("a user needs at least one role") }
                user.roles = roles
            }
            if let active { user.active = active }
            try session.updateUser(id: user.id, roles: user.roles, active: user.active)
            return user
        }
    }

    @discardableResult
    public func createCategory(organisationID: Int, name: String, parentID: Int? = nil, termDays: Int = 30,
                               fastTrackHours: Int = 24, by actor: Actor? = nil) throws -> Category {
        try requireAdmin(actor, of: organisationID)
        guard let name = name.trimmingWhitespaceOrNil else { throw WorkflowError.invalid("the category needs a name") }
        guard (1...365).contains(termDays), (1...720).contains(fastTrackHours) else {
            throw WorkflowError.invalid("termDays must be 1–365 and fastTrackHours 1–720")
        }
        return try store.write {
            try $0.insertCategory(organisationID: organisationID, name: name, parentID: parentID, termDays: termDays,
                                  fastTrackHours: fastTrackHours)
        }
    }

    /// Saves an answer template; it is checked like a draft, and its findings are kept with it.
    @discardableResult
    public func saveTemplate(organisationID: Int, name: String, text: String, by actor: Actor? = nil) throws -> AnswerTemplate {
        try requireAdmin(actor, of: organisationID)
        guard let name = name.trimmingWhitespaceOrNil, text.trimmingWhitespaceOrNil != nil else {
            throw WorkflowError.invalid("a template needs a name and a text")
        }
        return try store.write { session in
            let result = try check(text, message: nil, type: nil, policy: try policy(session, organisationID: organisationID))
            return try session.saveTemplate(organisationID: organisationID, name: name, text: text, result: result)
        }
    }

    /// Sets (or with nil clears) the organisation's check policy; a policy that does not parse is refused.
    public func setPolicy(organisationID: Int, yaml: String?, by actor: Actor? = nil) throws {
        try requireAdmin(actor, of: organisationID)
        if let yaml { _ = try parsePolicy(yaml) }
        try store.write { session in
            guard try session.organisation(id: organisationID) != nil else { throw WorkflowError.notFound("no organisation \(organisationID)") }
            try session.setPolicy(organisationID: organisationID, yaml: yaml)
        }
    }
}
