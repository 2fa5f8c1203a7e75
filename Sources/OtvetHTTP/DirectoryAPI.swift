import OtvetWorkflow

/// What the cabinet's dialogs list: users, templates, categories of the caller's organisation.
enum DirectoryAPI {
    struct UserEntry: Encodable {
        let id: Int
        let login, name: String
        let roles: [Role]
    }

    static func users(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        var role: Role?
        if let name = context.request.query["role"] {
            guard let parsed = Role(rawValue: name) else { throw Problem(400, "unknown role '\(name)'", field: "role") }
            role = parsed
        }
        let users = try WorkflowAPI.workflow(context).users(for: auth.actor, role: role)
        return .json(users.map { UserEntry(id: $0.id, login: $0.login, name: $0.name, roles: $0.roles.sorted()) })
    }

    static func organisations(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        return .json(try WorkflowAPI.workflow(context).organisations(for: auth.actor))
    }

    static func templates(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        return .json(try WorkflowAPI.workflow(context).templates(for: auth.actor))
    }

    /// An administrator saves a template; it is checked like a draft and its findings come back.
    static func saveTemplate(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        let body = try JSONBody(context.request, allowed: ["name", "text"])
        let template = try WorkflowAPI.workflow(context).saveTemplate(
            organisationID: auth.actor.user.organisationID, name: try body.requiredString("name"),
            text: try body.requiredString("text"), by: auth.actor)
        return .json(template, status: 201)
    }

    static func categories(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        return .json(try WorkflowAPI.workflow(context).categories(for: auth.actor))
    }
}
