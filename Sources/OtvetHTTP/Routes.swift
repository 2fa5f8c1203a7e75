import OtvetRules

/// The route table: one line per route, the handlers live with their API.
enum Routes {
    static func build() -> Router {
        var router = Router()
        router.add("GET", "/healthz") { $0.service.health() }
        router.add("GET", "/metrics") { .text($0.service.metrics.text, type: "text/plain; version=0.0.4; charset=utf-8") }
        router.add("GET", "/openapi.json") { _ in
            HTTPResponse(status: 200, headers: [("Content-Type", "application/json; charset=utf-8")],
                         body: Array(OpenAPI.document.utf8))
        }
        router.add("POST", "/v1/check", CheckAPI.check)
        router.add("GET", "/v1/rules", CheckAPI.rules)
        router.add("GET", "/v1/rules/{id}", CheckAPI.rule)
        router.add("POST", "/v2/check", LanguageToolAPI.check)
        router.add("GET", "/v2/check", LanguageToolAPI.check)
        router.add("GET", "/v2/languages", LanguageToolAPI.languages)
        router.add("POST", "/v1/login", AuthAPI.login)
        router.add("POST", "/v1/logout", AuthAPI.logout)
        router.add("GET", "/v1/me", AuthAPI.me)
        router.add("POST", "/v1/me/role", AuthAPI.switchRole)
        router.add("POST", "/v1/tokens", AuthAPI.createToken)
        router.add("POST", "/v1/messages", WorkflowAPI.importMessage)
        router.add("GET", "/v1/messages", WorkflowAPI.list)
        router.add("GET", "/v1/messages/{id}", WorkflowAPI.card)
        router.add("POST", "/v1/messages/{id}/{action}", WorkflowAPI.transition)
        router.add("GET", "/v1/reports/rating", WorkflowAPI.rating)
        router.add("GET", "/v1/users", DirectoryAPI.users)
        router.add("GET", "/v1/organisations", DirectoryAPI.organisations)
        router.add("GET", "/v1/templates", DirectoryAPI.templates)
        router.add("POST", "/v1/templates", DirectoryAPI.saveTemplate)
        router.add("GET", "/v1/categories", DirectoryAPI.categories)
        router.add("GET", "/v1/corpus", CorpusAPI.list)
        router.add("GET", "/v1/corpus/{id}", CorpusAPI.detail)
        router.add("POST", "/v1/corpus/{id}/score", CorpusAPI.score)
        router.add("GET", "/", { _ in WebAssets.redirect("/app/") })
        router.add("GET", "/app", WebAssets.app)
        router.add("GET", "/app/{file}", WebAssets.appFile)
        router.add("GET", "/app/{dir}/{file}", WebAssets.appFile)
        router.add("GET", "/check", WebAssets.publicCheck)
        return router
    }
}

extension Service {
    func health() -> HTTPResponse {
        struct Health: Encodable { let status: String; let rules: Int; let database: String? }
        var database: String?
        if let workflow {
            database = (try? workflow.store.read { _ in true }) == true ? "ok" : "unavailable"
        }
        let healthy = database != "unavailable"
        return .json(Health(status: healthy ? "ok" : "degraded", rules: pack.rules.count, database: database),
                     status: healthy ? 200 : 503)
    }

    /// `/v1/check` and `/v2/check` are open on loopback by default, need a token elsewhere.
    func requireCheckAccess(_ request: HTTPRequest) throws(Problem) {
        switch settings.checkAccess {
        case .open: return
        case .loopback where Self.isLoopback(request.remoteAddress): return
        default:
            guard request.header("authorization")?.hasPrefix("Bearer ") == true else {
                throw Problem(401, "this server checks texts for signed-in users only: send Authorization: Bearer <token>")
            }
            try authenticateCheck(request)
        }
    }

    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
