import OtvetRules

/// The monthly rating the guide describes, per organisation and per
/// executor, for messages received in `[from, to)`:
/// - received; answered (sent to the applicant) and its share, in the
///   guide's bands 80–100 %, 50–79 %, 0–49 %;
/// - overdue at the end of the period (or now, if earlier);
/// - redirected; returned for repeat review (at least once);
/// - the average check score of the answers sent;
/// - approvals a head overrode past a failing check;
/// - the rules found most often in the answers sent.
public struct RatingReport: Sendable, Codable {
    public struct Row: Sendable, Codable, Equatable {
        public let organisationID: Int
        public let organisation: String
        public let executorID: Int?
        public let executor: String?
        public var received = 0
        public var answered = 0
        public var overdue = 0
        public var redirected = 0
        public var returned = 0
        public var overridden = 0
        public var scoreTotal = 0.0
        public var topFindings: [RuleCount] = []

        public var answeredShare: Double { received == 0 ? 0 : Double(answered) / Double(received) }
        public var averageScore: Double? { answered == 0 ? nil : (scoreTotal / Double(answered) * 10).rounded() / 10 }
        /// «80–100 %», «50–79 %», «0–49 %».
        public var band: String {
            switch Int((answeredShare * 100).rounded(.down)) {
            case 80...: "80–100 %"
            case 50..<80: "50–79 %"
            default: "0–49 %"
            }
        }
    }

    public struct RuleCount: Sendable, Codable, Equatable {
        public let rule: String
        public let count: Int
    }

    public let from: Timestamp
    public let to: Timestamp
    public let organisations: [Row]
    public let executors: [Row]
}

extension RatingReport.Row {
    enum CodingKeys: String, CodingKey {
        case organisationID, organisation, executorID, executor, received, answered, answeredShare, band, overdue
        case redirected, returned, overridden, averageScore, topFindings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(organisationID, forKey: .organisationID)
        try container.encode(organisation, forKey: .organisation)
        try container.encodeIfPresent(executorID, forKey: .executorID)
        try container.encodeIfPresent(executor, forKey: .executor)
        try container.encode(received, forKey: .received)
        try container.encode(answered, forKey: .answered)
        try container.encode((answeredShare * 1000).rounded() / 1000, forKey: .answeredShare)
        try container.encode(band, forKey: .band)
        try container.encode(overdue, forKey: .overdue)
        try container.encode(redirected, forKey: .redirected)
        try container.encode(returned, forKey: .returned)
        try container.encode(overridden, forKey: .overridden)
        try container.encodeIfPresent(averageScore, forKey: .averageScore)
        try container.encode(topFindings, forKey: .topFindings)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        organisationID = try container.decode(Int.self, forKey: .organisationID)
        organisation = try container.decode(String.self, forKey: .organisation)
        executorID = try container.decodeIfPresent(Int.self, forKey: .executorID)
        executor = try container.decodeIfPresent(String.self, forKey: .executor)
        received = try container.decode(Int.self, forKey: .received)
        answered = try container.decode(Int.self, forKey: .answered)
        overdue = try container.decode(Int.self, forKey: .overdue)
        redirected = try container.decode(Int.self, forKey: .redirected)
        returned = try container.decode(Int.self, forKey: .returned)
        overridden = try container.decode(Int.self, forKey: .overridden)
        scoreTotal = (try container.decodeIfPresent(Double.self, forKey: .averageScore) ?? 0) * Double(answered)
        topFindings = try container.decode([RatingReport.RuleCount].self, forKey: .topFindings)
    }

    init(organisationID: Int, organisation: String, executorID: Int? = nil, executor: String? = nil) {
        self.organisationID = organisationID
        self.organisation = organisation
        self.executorID = executorID
        self.executor = executor
    }
}

extension Workflow {
    /// The rating for `[from, to)`. Admins, curators, heads and coordinators see their organisation and its
    /// subordinates; without an actor (the operator's CLI) every organisation.
    public func rating(from: Timestamp, to: Timestamp, for actor: Actor? = nil) throws -> RatingReport {
        guard from < to else { throw WorkflowError.invalid("the period is empty: from must be before to") }
        if let actor, ![.admin, .curator, .head, .coordinator].contains(actor.role) {
            throw WorkflowError.forbidden("\(actor.role.title) does not see the rating")
        }
        let asOf = min(now, to)
        return try store.read { session in
            let organisations = try session.organisations()
            let names = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
            let visible: Set<Int> = actor.map { actor in
                Set(organisations.filter { $0.id == actor.user.organisationID || $0.parentID == actor.user.organisationID }.map(\.id))
            } ?? Set(organisations.map(\.id))
            var byOrganisation: [Int: RatingReport.Row] = [:]
            var byExecutor: [Int: RatingReport.Row] = [:]
            var findings: [String: [String: Int]] = [:] // row key → rule → count
            let overridden = try session.history(from: from, to: to).filter { $0.action == Action.approve.rawValue && $0.overrideReason != nil }
            var overrideByMessage: [Int: Int] = [:]
            for entry in overridden { overrideByMessage[entry.messageID, default: 0] += 1 }

            for message in try session.messages(receivedFrom: from, to: to) where visible.contains(message.organisationID) {
                let org = message.organisationID
                let latest = message.state == .sent ? try session.drafts(messageID: message.id).last : nil
                func tally(_ row: inout RatingReport.Row) {
                    row.received += 1
                    if message.state == .sent { row.answered += 1; row.scoreTotal += latest?.score ?? 0 }
                    if message.isOverdue(at: asOf) { row.overdue += 1 }
                    if message.state == .redirected { row.redirected += 1 }
                    if message.repeatCount > 0 { row.returned += 1 }
                    row.overridden += overrideByMessage[message.id] ?? 0
                }
                tally(&byOrganisation[org, default: RatingReport.Row(organisationID: org, organisation: names[org] ?? "?")])
                if let executorID = message.executorID {
                    let name = try session.user(id: executorID)?.name
                    tally(&byExecutor[executorID, default: RatingReport.Row(organisationID: org, organisation: names[org] ?? "?",
                                                                            executorID: executorID, executor: name)])
                }
                for finding in latest?.findings ?? [] {
                    findings["o\(org)", default: [:]][finding.rule, default: 0] += 1
                    if let executorID = message.executorID { findings["e\(executorID)", default: [:]][finding.rule, default: 0] += 1 }
                }
            }
            func top(_ key: String) -> [RatingReport.RuleCount] {
                (findings[key] ?? [:]).map { RatingReport.RuleCount(rule: $0.key, count: $0.value) }
                    .sorted { ($0.count, $1.rule) > ($1.count, $0.rule) }.prefix(5).map { $0 }
            }
            let organisationRows = byOrganisation.values.map { row in
                var row = row
                row.topFindings = top("o\(row.organisationID)")
                return row
            }.sorted { ($0.answeredShare, $1.organisation) > ($1.answeredShare, $0.organisation) }
            let executorRows = byExecutor.values.map { row in
                var row = row
                row.topFindings = top("e\(row.executorID!)")
                return row
            }.sorted { ($0.organisation, $0.executor ?? "") < ($1.organisation, $1.executor ?? "") }
            return RatingReport(from: from, to: to, organisations: organisationRows, executors: executorRows)
        }
    }
}
