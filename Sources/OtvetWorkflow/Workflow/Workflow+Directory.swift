extension Workflow {
    /// Active users of the actor's organisation, optionally with one role: the assign and delegate dialogs list them.
    public func users(for actor: Actor, role: Role? = nil) throws -> [User] {
        try store.read { try $0.users(organisationID: actor.user.organisationID) }
            .filter { $0.active && (role.map($0.roles.contains) ?? true) }
    }

    /// The actor's organisation, its higher one and its subordinates: where a message may be passed.
    public func organisations(for actor: Actor) throws -> [Organisation] {
        try store.read { store in
            let own = actor.user.organisationID
            let all = try store.organisations()
            let parent = all.first { $0.id == own }?.parentID
            return all.filter { $0.id == own || $0.id == parent || $0.parentID == own }
        }
    }

    public func templates(for actor: Actor) throws -> [AnswerTemplate] {
        try store.read { try $0.templates(organisationID: actor.user.organisationID) }
    }

    public func categories(for actor: Actor) throws -> [Category] {
        try store.read { try $0.categories(organisationID: actor.user.organisationID) }
    }
}
