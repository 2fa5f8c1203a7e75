import OtvetCorpus
import OtvetRules

/// The trainer's corpus over HTTP: the cases with the linter's agreement,
/// one case with its findings, and a trainee's answer scored against a case.
enum CorpusAPI {
    struct CaseSummary: Encodable {
        let id, section, source: String
        let label: CorpusCase.Label
        let score: Double
        let verdict: Verdict
        let agrees: Bool
        let fired: [String]
    }

    struct CaseDetail: Encodable {
        let id: String
        let label: CorpusCase.Label
        let section: String?
        let message: String?
        let answer: String
        let type: AnswerType?
        let reasons: [String]
        let rules: [String]
        let check: CheckAPI.CheckAnswer
    }

    static func corpus(_ context: RouteContext) throws(Problem) -> [CorpusCase] {
        guard let corpus = context.service.corpus, !corpus.isEmpty else { throw Problem(404, "this server has no corpus loaded") }
        return corpus
    }

    static func list(_ context: RouteContext) throws -> HTTPResponse {
        _ = try context.service.authenticate(context.request)
        let corpus = try corpus(context)
        return try context.service.cachedCorpusSummary {
            let score = try CorpusScore(corpus: corpus, checker: Checker(pack: context.service.pack, policy: context.service.policy))
            let cases = Dictionary(uniqueKeysWithValues: corpus.map { ($0.id, $0) })
            return .json(score.cases.map { result in
                CaseSummary(id: result.id, section: cases[result.id]?.section ?? "", source: cases[result.id]?.source ?? "",
                            label: result.label, score: result.score, verdict: result.verdict, agrees: result.agrees,
                            fired: result.fired)
            })
        }
    }

    static func find(_ context: RouteContext) throws -> CorpusCase {
        let id = context.parameters["id"] ?? ""
        guard let found = try corpus(context).first(where: { $0.id == id }) else { throw Problem(404, "no case '\(id)'") }
        return found
    }

    static func detail(_ context: RouteContext) throws -> HTTPResponse {
        _ = try context.service.authenticate(context.request)
        let item = try find(context)
        let result = try Checker(pack: context.service.pack, policy: context.service.policy).check(item.draft)
        return .json(CaseDetail(
            id: item.id, label: item.label, section: item.section, message: item.message, answer: item.answer,
            type: item.type, reasons: item.reasons, rules: item.rules,
            check: .init(score: result.score, verdict: result.verdict, passMark: result.passMark, findings: result.findings)))
    }

    static func score(_ context: RouteContext) throws -> HTTPResponse {
        _ = try context.service.authenticate(context.request)
        let item = try find(context)
        let body = try JSONBody(context.request, allowed: ["answer"])
        let answer = try body.requiredString("answer")
        let result = try Checker(pack: context.service.pack, policy: context.service.policy)
            .check(Draft(text: answer, message: item.message, answerType: item.type))
        context.service.metrics.recordCheck(rules: result.findings.map(\.rule))
        return .json(CheckAPI.CheckAnswer(score: result.score, verdict: result.verdict, passMark: result.passMark,
                                          findings: result.findings))
    }
}
