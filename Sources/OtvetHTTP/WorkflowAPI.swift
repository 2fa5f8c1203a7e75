import OtvetRules
import OtvetWorkflow

/// `/v1/messages…` and `/v1/reports/rating`: the workflow over HTTP. Every
/// route authenticates and the workflow checks the active role and the
/// organisation, so a user never reads or changes another organisation's messages.
enum WorkflowAPI {
    static func workflow(_ context: RouteContext) throws(Problem) -> Workflow {
        guard let workflow = context.service.workflow else { throw Problem(503, "this server runs without a workflow database") }
        return workflow
    }

    static func importMessage(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        let body = try JSONBody(context.request, allowed: [
            "number", "organisationID", "categoryID", "subcategoryID", "text", "applicant", "region", "problemAddress",
            "attachments", "receivedAt", "fastTrack", "source",
        ])
        let incoming = try body.decode(IncomingMessage.self)
        let message = try workflow(context).importMessage(incoming, by: auth.actor)
        return .json(message, status: 201)
    }

    struct FolderAnswer: Encodable {
        let folder: Folder
        let counts: [String: Int]
        let messages: [MessageSummary]
    }

    struct MessageSummary: Encodable {
        let message: Message
        let overdue: Bool
    }

    static func list(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        let query = context.request.query
        let folderName = query["folder"] ?? "new"
        guard let folder = Folder(rawValue: folderName) else {
            throw Problem(400, "folder must be one of \(Folder.allCases.map(\.rawValue).joined(separator: ", "))", field: "folder")
        }
        func number(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) throws(Problem) -> Int {
            guard let text = query[name] else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw Problem(400, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)", field: name)
            }
            return value
        }
        let workflow = try workflow(context)
        let messages = try workflow.messages(in: folder, for: auth.actor, limit: try number("limit", 50, 1...500),
                                             offset: try number("offset", 0, 0...1_000_000))
        let counts = try workflow.folderCounts(for: auth.actor)
        let now = workflow.now
        return .json(FolderAnswer(folder: folder, counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }),
                                  messages: messages.map { MessageSummary(message: $0, overdue: $0.isOverdue(at: now)) }))
    }

    static func messageID(_ context: RouteContext) throws(Problem) -> Int {
        guard let text = context.parameters["id"], let id = Int(text), id > 0 else {
            throw Problem(404, "no message '\(context.parameters["id"] ?? "")'")
        }
        return id
    }

    static func card(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        return .json(try workflow(context).card(try messageID(context), for: auth.actor))
    }

    static func transition(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        let name = context.parameters["action"] ?? ""
        guard let action = Action(rawValue: name) else {
            throw Problem(404, "no action '\(name)' (actions: \(Action.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let body = try JSONBody(context.request, allowed: [
            "comment", "executorID", "organisationID", "redirectTo", "headID", "draft", "overrideReason", "expectedVersion",
        ])
        if let draft = try body.object("draft") {
            let allowed: Set<String> = ["type", "text", "signerPosition", "signerName", "comment", "templateID"]
            if let unknown = draft.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw Problem(400, "unknown field 'draft.\(unknown)'", field: "draft.\(unknown)")
            }
        }
        let request = try body.decode(TransitionRequest.self)
        let outcome = try workflow(context).perform(action, on: try messageID(context), by: auth.actor, request)
        if let draft = outcome.draft { context.service.metrics.recordCheck(rules: draft.findings.map(\.rule)) }
        return .json(outcome)
    }

    static func rating(_ context: RouteContext) throws -> HTTPResponse {
        let auth = try context.service.authenticate(context.request)
        let query = context.request.query
        guard let fromText = query["from"], let from = Timestamp(fromText) else {
            throw Problem(400, "from must be a date like 2021-07-01", field: "from")
        }
        guard let toText = query["to"], let to = Timestamp(toText) else {
            throw Problem(400, "to must be a date like 2021-08-01", field: "to")
        }
        let report = try workflow(context).rating(from: from, to: to, for: auth.actor)
        switch query["format"] ?? "json" {
        case "json": return .json(report)
        case "csv":
            return .text(report.csv, type: "text/csv; charset=utf-8")
                .adding("Content-Disposition", "attachment; filename=\"rating-\(from.day)-\(to.day).csv\"")
        default: throw Problem(400, "format must be json or csv", field: "format")
        }
    }
}
