import Foundation
import OtvetWorkflow

/// The OpenAPI 3.1 document of the whole API (served at `/openapi.json`).
/// A test checks every route of the router against it and validates real
/// answers against its schemas, so it stays true. The paths are here; the
/// schemas, responses and security schemes are in `OpenAPI+Components.swift`.
enum OpenAPI {
    typealias JSON = [String: Any]

    static let document: String = {
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data(#"{"openapi":"3.1.0"}"#.utf8)
        return String(decoding: data, as: UTF8.self)
    }()

    static var root: JSON {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Otvet",
                "version": "0.1.0",
                "summary": "Checks officials' replies to citizens (ПОС) and runs their approval workflow.",
                "description": """
                    Every failure is an RFC 9457 problem document (`application/problem+json`). Offsets in findings \
                    count UTF-16 code units, as JavaScript and Java strings do. Any path answers 405 (with `Allow`) \
                    to a method it does not have, 413 to a body over the server's limit, and 503 when the server \
                    has more open connections than it accepts; libmicrohttpd itself answers 431 to a header section \
                    over its limit. Sign in with `POST /v1/login`: scripts send `Authorization: Bearer <token>`, \
                    browsers keep the `otvet_session` cookie and send `X-CSRF-Token` on every request but GET and HEAD.
                    """,
            ] as JSON,
            "servers": [["url": "http://127.0.0.1:8080", "description": "otvet serve (the default host and port)"]],
            "tags": [
                ["name": "service", "description": "Health, metrics and this document"],
                ["name": "check", "description": "Otvet's own check API"],
                ["name": "languagetool", "description": "LanguageTool's HTTP API, for existing LanguageTool clients"],
                ["name": "auth", "description": "Sign-in, sessions, roles and API tokens"],
                ["name": "workflow", "description": "Messages, their answers and the approval steps"],
                ["name": "reports", "description": "The monthly rating"],
                ["name": "cabinet", "description": "The web cabinet's pages"],
                ["name": "corpus", "description": "The trainers' corpus of good and bad cases"],
            ],
            "security": [["bearer": [String]()], ["cookie": [String](), "csrf": [String]()]],
            "paths": paths.merging(cabinetPaths) { first, _ in first },
            "components": components,
        ]
    }

    // MARK: Paths

    static var paths: JSON {
        [
            "/healthz": ["get": operation(
                "health", tag: "service", summary: "Whether the service and its database answer", security: .none,
                responses: [
                    "200": jsonResponse("Healthy", ref("Health")),
                    "503": jsonResponse("The database does not answer (status `degraded`)", ref("Health")),
                ])],
            "/metrics": ["get": operation(
                "metrics", tag: "service", summary: "Prometheus metrics (text exposition format 0.0.4)", security: .none,
                responses: ["200": ["description": "Request counters by route, method and status; a latency histogram; checks and findings by rule",
                                    "content": ["text/plain": ["schema": ["type": "string"]]]]])],
            "/openapi.json": ["get": operation(
                "openapi", tag: "service", summary: "This document", security: .none,
                responses: ["200": jsonResponse("The OpenAPI 3.1 document", ["type": "object"])])],
            "/v1/check": ["post": operation(
                "check", tag: "check", summary: "Check a draft answer: score, verdict and findings",
                description: "Open to loopback clients by default; a server started with `--check-access token` needs a bearer token.",
                security: .check, body: jsonBody(ref("CheckRequest")),
                responses: ["200": jsonResponse("The check", ref("CheckAnswer"))],
                problems: [400, 401, 413, 415, 422, 503])],
            "/v1/rules": ["get": operation(
                "listRules", tag: "check", summary: "The rules of the loaded pack", security: .none,
                responses: ["200": jsonResponse("Every rule", ["type": "array", "items": ref("RuleSummary")])])],
            "/v1/rules/{id}": ["get": operation(
                "getRule", tag: "check", summary: "One rule: its explanation, settings and examples", security: .none,
                parameters: [pathParameter("id", "The rule's id, like `bureaucratese`", ["type": "string"])],
                responses: ["200": jsonResponse("The rule", ref("RuleDetail"))], problems: [404])],
            "/v2/check": [
                "post": operation(
                    "languageToolCheck", tag: "languagetool", summary: "LanguageTool's check, with Otvet's rules",
                    description: "Fields may also come in the query; the body's win.",
                    security: .check, body: ["required": true, "content": [
                        "application/x-www-form-urlencoded": ["schema": ref("LanguageToolCheckForm")]]],
                    responses: ["200": jsonResponse("The matches", ref("LanguageToolAnswer"))],
                    problems: [400, 401, 413, 415, 503]),
                "get": operation(
                    "languageToolCheckQuery", tag: "languagetool", summary: "LanguageTool's check with the fields in the query",
                    security: .check, parameters: languageToolQuery,
                    responses: ["200": jsonResponse("The matches", ref("LanguageToolAnswer"))],
                    problems: [400, 401, 503]),
            ],
            "/v2/languages": ["get": operation(
                "languageToolLanguages", tag: "languagetool", summary: "The languages this server checks (Russian)",
                security: .none,
                responses: ["200": jsonResponse("The languages", ["type": "array", "items": ref("LanguageToolLanguage")])])],
            "/v1/login": ["post": operation(
                "login", tag: "auth", summary: "Sign in: a token for scripts and a session cookie for browsers",
                security: .none, body: jsonBody(ref("LoginRequest")),
                responses: ["200": jsonResponse("Signed in", ref("LoginAnswer"), headers: [
                    "Set-Cookie": ["description": "`otvet_session=<token>; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200`",
                                   "schema": ["type": "string"]]])],
                problems: [400, 401, 413, 415, 422, 503])],
            "/v1/logout": ["post": operation(
                "logout", tag: "auth", summary: "End the session: its token stops working", security: .signedIn,
                responses: ["204": ["description": "Signed out; the cookie is cleared",
                                    "headers": ["Set-Cookie": ["schema": ["type": "string"]]]]],
                problems: [401, 403, 503])],
            "/v1/me": ["get": operation(
                "me", tag: "auth", summary: "Who is signed in, in which role", security: .reading,
                responses: ["200": jsonResponse("The user and the active role", ref("MeAnswer"))],
                problems: [401, 503])],
            "/v1/me/role": ["post": operation(
                "switchRole", tag: "auth", summary: "Act in another of the user's roles from now on", security: .signedIn,
                body: jsonBody(closedObject(["role": ref("Role")], required: ["role"])),
                responses: ["200": jsonResponse("The user and the new active role", ref("MeAnswer"))],
                problems: [400, 401, 403, 413, 415, 422, 503])],
            "/v1/tokens": ["post": operation(
                "createToken", tag: "auth", summary: "An API token for an integration (administrators only)",
                description: "The token acts as the administrator who made it and never expires; it is shown once.",
                security: .signedIn,
                body: jsonBody(closedObject(["name": ["type": "string", "maxLength": 100]], required: ["name"])),
                responses: ["201": jsonResponse("The token", ref("TokenAnswer"))],
                problems: [400, 401, 403, 413, 415, 422, 503])],
            "/v1/messages": [
                "post": operation(
                    "importMessage", tag: "workflow", summary: "Import a citizen's message (coordinators and administrators)",
                    security: .signedIn, body: jsonBody(ref("IncomingMessage")),
                    responses: ["201": jsonResponse("The message, in state `new`", ref("Message"))],
                    problems: [400, 401, 403, 404, 413, 415, 422, 503]),
                "get": operation(
                    "listMessages", tag: "workflow", summary: "One folder of the user's organisation, soonest deadline first",
                    security: .reading, parameters: [
                        queryParameter("folder", "The folder (default `new`)", ["type": "string", "enum": Folder.allCases.map(\.rawValue), "default": "new"]),
                        queryParameter("limit", "At most this many (default 50)", ["type": "integer", "minimum": 1, "maximum": 500, "default": 50]),
                        queryParameter("offset", "Skip this many (default 0)", ["type": "integer", "minimum": 0, "maximum": 1_000_000, "default": 0]),
                    ],
                    responses: ["200": jsonResponse("The folder's messages and every folder's count", ref("FolderAnswer"))],
                    problems: [400, 401, 503]),
            ],
            "/v1/messages/{id}": ["get": operation(
                "getMessage", tag: "workflow", summary: "A message's card: fields, every draft with its check, and the history",
                description: "A message of another organisation is not found (404), never forbidden.",
                security: .reading, parameters: [messageID],
                responses: ["200": jsonResponse("The card", ref("MessageCard"))], problems: [401, 404, 503])],
            "/v1/messages/{id}/{action}": ["post": operation(
                "transition", tag: "workflow", summary: "One step of the workflow",
                description: """
                    Who may do what: assign, assign-org, escalate, redirect, take — coordinator, in new or returned; \
                    return, draft, submit — the assigned executor (or the coordinator who took it), in in-work; \
                    reject, edit, delegate, approve — head, in prepared; approve-redirect, reject-redirect — head, in \
                    awaiting-redirect; reopen — admin, in sent. escalate, return, reject and reject-redirect need a \
                    comment. 403: the role may not; 409: the message is in another state or its version is not \
                    `expectedVersion`; 422: the request is incomplete, or the check blocks the step (the problem \
                    carries the blocking `findings`). An empty body without Content-Type counts as `{}`.
                    """,
                security: .signedIn, parameters: [messageID, pathParameter(
                    "action", "The step", ["type": "string", "enum": Action.allCases.map(\.rawValue)])],
                body: jsonBody(ref("TransitionRequest"), required: false),
                responses: ["200": jsonResponse("The message after the step, the draft it saved or sent, and its history line",
                                                ref("TransitionOutcome"))],
                problems: [400, 401, 403, 404, 409, 413, 415, 422, 503])],
            "/v1/reports/rating": ["get": operation(
                "rating", tag: "reports", summary: "The rating per organisation and executor for messages received in [from, to)",
                description: "Administrators, curators, heads and coordinators see their organisation and its subordinates.",
                security: .reading, parameters: [
                    queryParameter("from", "The first day (`2021-07-01`) or an ISO-8601 time", ["type": "string"], required: true),
                    queryParameter("to", "The day after the last (`2021-08-01`) or an ISO-8601 time", ["type": "string"], required: true),
                    queryParameter("format", "json (default) or csv", ["type": "string", "enum": ["json", "csv"], "default": "json"]),
                ],
                responses: ["200": [
                    "description": "The rating",
                    "content": [
                        "application/json": ["schema": ref("RatingReport")],
                        "text/csv": ["schema": ["type": "string", "description": """
                            A header row (level, organisation_id, organisation, executor_id, executor, received, answered, answered_share, band, \
                            overdue, redirected, returned, overridden, average_score, top_findings), then one row per \
                            organisation and per executor; RFC 4180 quoting, CRLF line ends.
                            """]],
                    ],
                ] as JSON],
                problems: [400, 401, 403, 422, 503])],
        ]
    }

    static var languageToolQuery: [JSON] {
        [
            queryParameter("language", "ru-RU, ru or auto", ["type": "string"], required: true),
            queryParameter("text", "The plain text (or send `data`)", ["type": "string"]),
            queryParameter("data", "Annotated text as JSON: `{\"annotation\": [{\"text\": \"…\"}, {\"markup\": \"<b>\", \"interpretAs\": \"\"}]}`",
                           ["type": "string"]),
            queryParameter("enabledRules", "Comma-separated rule ids to switch on", ["type": "string"]),
            queryParameter("disabledRules", "Comma-separated rule ids to switch off", ["type": "string"]),
            queryParameter("enabledOnly", "`true`: only `enabledRules`", ["type": "string", "enum": ["true", "false"]]),
            queryParameter("disabledCategories", "Comma-separated categories: TYPOS, STYLE, COURTESY, CONTENT", ["type": "string"]),
        ]
    }

    static var messageID: JSON { pathParameter("id", "The message's id", ["type": "integer", "minimum": 1]) }

    // MARK: Building blocks

    /// Who may call an operation.
    enum Access {
        /// Anyone.
        case none
        /// Open on loopback (by default), else a bearer token.
        case check
        /// A bearer token, or the cookie (GET and HEAD need no CSRF token).
        case reading
        /// A bearer token, or the cookie with `X-CSRF-Token`.
        case signedIn

        var requirement: [JSON] {
            switch self {
            case .none: []
            case .check: [[:], ["bearer": [String]()]]
            case .reading: [["bearer": [String]()], ["cookie": [String]()]]
            case .signedIn: [["bearer": [String]()], ["cookie": [String](), "csrf": [String]()]]
            }
        }
    }

    static func operation(_ id: String, tag: String, summary: String, description: String? = nil, security: Access,
                          parameters: [JSON] = [], body: JSON? = nil, responses: JSON, problems: [Int] = []) -> JSON {
        var responses = responses
        // Any request may meet the connection limit.
        for status in problems + [503] where responses[String(status)] == nil {
            responses[String(status)] = ["$ref": "#/components/responses/\(problemResponseName(status))"]
        }
        var operation: JSON = ["operationId": id, "tags": [tag], "summary": summary, "security": security.requirement,
                               "responses": responses]
        if let description { operation["description"] = description }
        if !parameters.isEmpty { operation["parameters"] = parameters }
        if let body { operation["requestBody"] = body }
        return operation
    }

    static func ref(_ schema: String) -> JSON { ["$ref": "#/components/schemas/\(schema)"] }

    static func jsonBody(_ schema: JSON, required: Bool = true) -> JSON {
        ["required": required, "content": ["application/json": ["schema": schema]]]
    }

    static func jsonResponse(_ description: String, _ schema: JSON, headers: JSON? = nil) -> JSON {
        var response: JSON = ["description": description, "content": ["application/json": ["schema": schema]]]
        if let headers { response["headers"] = headers }
        return response
    }

    static func pathParameter(_ name: String, _ description: String, _ schema: JSON) -> JSON {
        ["name": name, "in": "path", "required": true, "description": description, "schema": schema]
    }

    static func queryParameter(_ name: String, _ description: String, _ schema: JSON, required: Bool = false) -> JSON {
        ["name": name, "in": "query", "required": required, "description": description, "schema": schema]
    }
}
