extension Workflow {
    /// Active users of the actor's organisation, optionally with one role: the assign and delegate dialogs list them.
    public func users(for actor: Actor, role: Role? = nil) throws -> [User] {
        try store.read { try $0.users(organisationID: actor.user.organisationID) }
            .filter { $0.active && (role.map($0.roles.contains) ?? true) }
    }

    public func templates(for actor: Actor) throws -> [AnswerTemplate] {
        try store.read { try $0.templates(organisationID: actor.user.organisationID) }
    }

    public func categories(for actor: Actor) throws -> [Category] {
        try store.read { try $0.categories(organisationID: actor.user.organisationID) }
    }
}
