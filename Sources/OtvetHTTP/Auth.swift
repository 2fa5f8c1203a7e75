import OtvetWorkflow

/// Who is asking, and how they proved it.
struct Authenticated {
    let actor: Actor
    let session: AuthSession
    let token: String
}

extension Service {
    static let cookieName = "otvet_session"

    /// The actor behind a request: `Authorization: Bearer <token>` for scripts, or the session
    /// cookie for browsers, which must also send `X-CSRF-Token` on anything but GET and HEAD.
    func authenticate(_ request: HTTPRequest) throws(Problem) -> Authenticated {
        guard let workflow else { throw Problem(503, "this server runs without a workflow database") }
        var token: String?
        var viaCookie = false
        if let header = request.header("authorization") {
            guard header.hasPrefix("Bearer ") else { throw Problem(401, "Authorization must be 'Bearer <token>'") }
            token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        } else if let cookie = request.cookies[Self.cookieName] {
            token = cookie
            viaCookie = true
        }
        guard let token, !token.isEmpty else { throw Problem(401, "sign in: POST /v1/login, then send the token or the cookie") }
        let found: (session: AuthSession, actor: Actor)?
        do { found = try workflow.session(token: token) } catch { throw Problem(503, "the session store is unavailable") }
        guard let found else { throw Problem(401, "the token is unknown or has expired; sign in again") }
        if viaCookie, request.method != "GET", request.method != "HEAD", request.header("x-csrf-token") != found.session.csrf {
            throw Problem(403, "a browser request with the session cookie must send the X-CSRF-Token it got at sign-in")
        }
        return Authenticated(actor: found.actor, session: found.session, token: token)
    }

    /// `/v1/check` and `/v2/check` with a token (when the setting asks for one).
    func authenticateCheck(_ request: HTTPRequest) throws(Problem) {
        _ = try authenticate(request)
    }
}

/// `/v1/login`, `/v1/logout`, `/v1/me`, `/v1/me/role`, `/v1/tokens`.
enum AuthAPI {
    struct UserJSON: Encodable {
        let id: Int
        let login, name: String
        let roles: [Role]
        let organisation: Organisation?
    }

    struct LoginAnswer: Encodable {
        let token, csrf: String
        let expiresAt: Timestamp?
        let role: Role
        let user: UserJSON
    }

    static func userJSON(_ user: User, _ service: Service) -> UserJSON {
        let organisation = try? service.workflow?.store.read { try $0.organisation(id: user.organisationID) }
        return UserJSON(id: user.id, login: user.login, name: user.name, roles: user.roles.sorted(), organisation: organisation ?? nil)
    }

    static func login(_ context: RouteContext) throws -> HTTPResponse {
        let service = context.service
        guard let workflow = service.workflow else { throw Problem(503, "this server runs without a workflow database") }
        let body = try JSONBody(context.request, allowed: ["login", "password", "role"])
        let login = try body.requiredString("login")
        let password = try body.requiredString("password")
        var role: Role?
        if let name = try body.string("role") {
            guard let parsed = Role(rawValue: name) else { throw Problem(422, "unknown role '\(name)'", field: "role") }
            role = parsed
        }
        let result: (token: String, session: AuthSession, user: User)
        do {
            result = try workflow.login(login: login, password: password, role: role)
        } catch let error as WorkflowError {
            if case .forbidden(let text) = error { throw Problem(401, text) }
            throw error
        }
        let cookie = "\(Service.cookieName)=\(result.token); HttpOnly; SameSite=Strict; Path=/; Max-Age=\(Workflow.sessionHours * 3600)"
        return HTTPResponse.json(LoginAnswer(token: result.token, csrf: result.session.csrf, expiresAt: result.session.expiresAt,
                                             role: result.session.role, user: userJSON(result.user, service)))
            .adding("Set-Cookie", cookie)
    }

    static func logout(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        try context.service.workflow?.logout(token: auth.token)
        return HTTPResponse(status: 204).adding("Set-Cookie", "\(Service.cookieName)=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0")
    }

    struct MeAnswer: Encodable {
        let user: UserJSON
        let activeRole: Role
        let csrf: String?
    }

    static func me(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        return .json(MeAnswer(user: userJSON(auth.actor.user, context.service), activeRole: auth.actor.role,
                              csrf: auth.session.kind == .session ? auth.session.csrf : nil))
    }

    static func switchRole(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        let body = try JSONBody(context.request, allowed: ["role"])
        let name = try body.requiredString("role")
        guard let role = Role(rawValue: name) else { throw Problem(422, "unknown role '\(name)'", field: "role") }
        let actor = try context.service.workflow!.switchRole(token: auth.token, to: role)
        return .json(MeAnswer(user: userJSON(actor.user, context.service), activeRole: actor.role,
                              csrf: auth.session.kind == .session ? auth.session.csrf : nil))
    }

    struct TokenAnswer: Encodable { let token, name: String }

    static func createToken(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        let body = try JSONBody(context.request, allowed: ["name"])
        let name = try body.requiredString("name")
        let token = try context.service.workflow!.createAPIToken(name: name, by: auth.actor)
        return .json(TokenAnswer(token: token, name: name), status: 201)
    }
}
