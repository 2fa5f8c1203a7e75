import OtvetRules
import OtvetText

/// `/v1/check` and `/v1/rules`: Otvet's own check API.
enum CheckAPI {
    struct CheckAnswer: Encodable {
        let score: Double
        let verdict: Verdict
        let passMark: Double
        let findings: [Finding]
    }

    /// `{"text", "message"?, "type"?, "policy"?}` → score, verdict, findings (UTF-16 offsets).
    static func check(_ context: RouteContext) throws -> HTTPResponse {
        let service = context.service
        try service.requireCheckAccess(context.request)
        let body = try JSONBody(context.request, allowed: ["text", "message", "type", "policy"])
        let text = try body.requiredString("text")
        var type: AnswerType?
        if let name = try body.string("type") {
            guard let parsed = AnswerType(rawValue: name) else {
                throw Problem(422, "type must be one of \(AnswerType.allCases.map(\.rawValue).joined(separator: ", "))", field: "type")
            }
            type = parsed
        }
        // A signed-in caller gets the policy their drafts will be checked under, so the editor agrees with the gate.
        var policy = service.policy
        if context.request.header("authorization") != nil || context.request.cookies[Service.cookieName] != nil,
           let auth = try? service.authenticate(context.request), let workflow = service.workflow {
            policy = try workflow.policy(for: auth.actor)
        }
        if let yaml = try body.string("policy") {
            do {
                policy = try Policy.parse(yaml, path: "policy", knownRules: Set(service.pack.rules.map(\.id)))
            } catch {
                throw Problem(422, "the policy is not valid: \(error.description)", field: "policy")
            }
        }
        let result = try Checker(pack: service.pack, policy: policy)
            .check(Draft(text: text, message: try body.string("message"), answerType: type))
        service.metrics.recordCheck(rules: result.findings.map(\.rule))
        return .json(CheckAnswer(score: result.score, verdict: result.verdict, passMark: result.passMark,
                                 findings: result.findings))
    }

    struct RuleSummary: Encodable {
        let id, name, kind, severity, summary: String
    }

    struct RuleDetail: Encodable {
        struct Example: Encodable {
            let expectation: String
            let text: String
            let spans: [TextRange]
        }
        let id, name, kind, severity, summary, message, explanation: String
        let settings: [String: Double]
        let examples: [Example]
    }

    static func rules(_ context: RouteContext) throws -> HTTPResponse {
        let service = context.service
        return .json(service.pack.rules.map { rule in
            let description = rule.description
            return RuleSummary(id: description.id, name: description.name, kind: description.kind,
                               severity: description.severity.rawValue, summary: description.summary)
        })
    }

    static func rule(_ context: RouteContext) throws -> HTTPResponse {
        let service = context.service
        let id = context.parameters["id"] ?? ""
        guard let rule = service.pack.rule(id) else { throw Problem(404, "no rule '\(id)'") }
        let description = rule.description
        return .json(RuleDetail(
            id: description.id, name: description.name, kind: description.kind, severity: description.severity.rawValue,
            summary: description.summary, message: description.message, explanation: description.explanation,
            settings: description.settings.values,
            examples: description.examples.map { .init(expectation: $0.expectation.rawValue, text: $0.text, spans: $0.spans) }))
    }
}
