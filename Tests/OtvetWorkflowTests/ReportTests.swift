import Foundation
import OtvetRules
import Testing
@testable import OtvetWorkflow

/// A generated month, and the rating computed from the generation plan alone.
@Suite("Rating report") struct ReportTests {
    enum Outcome {
        /// Assigned, answered `after` days after receipt.
        case sent(after: Int, text: String)
        /// Answered, approved past the raised pass mark with a reason.
        case overridden(after: Int)
        /// Answered after 2 days, returned by the applicant after 4, answered again after `again` days.
        case reopenedAnswered(again: Int, text: String)
        /// Answered after 2 days, returned after 4, still open.
        case reopenedOpen
        /// Assigned, never answered.
        case open
        /// Never assigned.
        case untouched
        /// Redirected `after` days after receipt, approved by the head.
        case redirected(after: Int)
        /// Redirect asked for, not yet approved.
        case awaitingRedirect
    }

    struct Plan {
        /// 0: the district, 1: the foreign organisation.
        let org: Int
        /// 0, 1: the district's executors; 2: the foreign executor; nil: nobody.
        let executor: Int?
        let received: Timestamp
        let outcome: Outcome
    }

    /// What the plan says happened to a message, written down as it is generated.
    struct Record {
        let organisationID: Int
        let executorID: Int?
        let received: Timestamp
        let deadline: Timestamp
        var state: MessageState
        var answeredAt: Timestamp?
        var returned = false
        var overrideAt: Timestamp?
        /// The draft sent last, as the approval returned it.
        var sentDraft: DraftVersion?
    }

    static func july(_ day: Int, hour: Int = 9) -> Timestamp {
        Timestamp(String(format: "2021-07-%02dT%02d:00:00Z", day, hour))!
    }

    static let from = Timestamp("2021-07-01T00:00:00Z")!
    static let to = Timestamp("2021-08-01T00:00:00Z")!
    /// When the report is made: after the month, so overdue is counted at its end.
    static let reportTime = Timestamp("2021-08-10T12:00:00Z")!

    static let plans: [Plan] = {
        func p(_ org: Int, _ executor: Int?, _ day: Int, _ outcome: Outcome) -> Plan {
            Plan(org: org, executor: executor, received: july(day), outcome: outcome)
        }
        return [
            // The district, first executor.
            p(0, 0, 1, .sent(after: 2, text: Texts.good)),
            p(0, 0, 3, .sent(after: 5, text: Texts.warningOnly)),
            p(0, 0, 5, .sent(after: 1, text: Texts.suggestions)),
            p(0, 0, 2, .sent(after: 12, text: Texts.good)), // late
            p(0, 0, 4, .open), // overdue
            p(0, 0, 27, .open), // deadline 6 August: not overdue at the month's end
            p(0, 0, 6, .reopenedAnswered(again: 7, text: Texts.suggestions)),
            p(0, 0, 7, .reopenedOpen), // overdue
            p(0, 0, 8, .overridden(after: 4)),
            p(0, 0, 10, .sent(after: 3, text: Texts.suggestions)),
            p(0, 0, 12, .sent(after: 9, text: Texts.good)),
            p(0, 0, 15, .sent(after: 11, text: Texts.warningOnly)), // late
            // The district, second executor.
            p(0, 1, 1, .sent(after: 4, text: Texts.good)),
            p(0, 1, 9, .sent(after: 2, text: Texts.warningOnly)),
            p(0, 1, 11, .open), // overdue
            p(0, 1, 3, .sent(after: 14, text: Texts.suggestions)), // late
            p(0, 1, 13, .reopenedAnswered(again: 8, text: Texts.warningOnly)),
            p(0, 1, 20, .sent(after: 6, text: Texts.suggestions)),
            p(0, 1, 29, .open),
            p(0, 1, 14, .sent(after: 10, text: Texts.good)), // exactly at the deadline: on time
            // The district, nobody assigned.
            p(0, nil, 2, .untouched), // overdue
            p(0, nil, 30, .untouched),
            p(0, nil, 5, .redirected(after: 2)),
            p(0, nil, 16, .redirected(after: 1)),
            p(0, nil, 25, .awaitingRedirect),
            // The foreign organisation.
            p(1, 2, 2, .sent(after: 3, text: Texts.good)),
            p(1, 2, 4, .sent(after: 2, text: Texts.warningOnly)),
            p(1, 2, 6, .sent(after: 12, text: Texts.good)), // late
            p(1, 2, 8, .open), // overdue
            p(1, nil, 10, .redirected(after: 3)),
            p(1, 2, 12, .reopenedAnswered(again: 6, text: Texts.good)),
            p(1, 2, 14, .reopenedOpen), // overdue
            p(1, 2, 16, .overridden(after: 2)),
            p(1, 2, 18, .sent(after: 5, text: Texts.suggestions)),
            p(1, nil, 19, .untouched), // overdue
            p(1, 2, 21, .sent(after: 4, text: Texts.warningOnly)),
            // The period's edges.
            Plan(org: 0, executor: 0, received: from, outcome: .sent(after: 1, text: Texts.good)), // included
            Plan(org: 0, executor: 0, received: Timestamp("2021-06-28T10:00:00Z")!, outcome: .overridden(after: 4)), // approved in July, received before
            Plan(org: 1, executor: 2, received: from.adding(hours: -1), outcome: .sent(after: 1, text: Texts.good)),
            Plan(org: 0, executor: 1, received: to, outcome: .open), // excluded: the period is [from, to)
            Plan(org: 0, executor: 1, received: Timestamp("2021-08-02T08:00:00Z")!, outcome: .sent(after: 1, text: Texts.good)),
        ]
    }()

    /// The generated world and what the plan recorded.
    final class Month: Sendable {
        let world: World
        let records: [Record]
        let organisations: [Int: String]
        let executors: [Int: String]

        init() throws {
            let clock = TestClock(ReportTests.from)
            let world = try World.shared(clock: clock)
            self.world = world
            let wf = world.workflow
            let foreignCategory = try wf.createCategory(organisationID: world.foreign.id, name: "Освещение", termDays: 10)
            let orgs = [world.district, world.foreign]
            let categories = [world.category.id, foreignCategory.id]
            let executorUsers = [world.executor, world.executor2, world.foreignUsers[.executor]!]
            let coordinators = [world.coordinator, world.foreignUsers[.coordinator]!]
            let heads = [world.head, world.foreignUsers[.head]!]
            let admins = [world.admin, world.foreignUsers[.admin]!]
            organisations = [world.district.id: world.district.name, world.foreign.id: world.foreign.name]
            executors = Dictionary(uniqueKeysWithValues: executorUsers.map { ($0.id, $0.name) })

            var records: [Record] = []
            for (index, plan) in ReportTests.plans.enumerated() {
                let org = orgs[plan.org]
                let coordinator = try Actor(user: coordinators[plan.org], role: .coordinator)
                let head = try Actor(user: heads[plan.org], role: .head)
                let admin = try Actor(user: admins[plan.org], role: .admin)
                let executorUser = plan.executor.map { executorUsers[$0] }
                let executor = try executorUser.map { try Actor(user: $0, role: .executor) }
                func at(_ days: Int, hour: Int = 0) { clock.set(plan.received.adding(days: days, hours: hour)) }

                at(0)
                let message = try wf.importMessage(IncomingMessage(
                    number: "month-\(index)", organisationID: org.id, categoryID: categories[plan.org],
                    text: Texts.citizen, receivedAt: plan.received))
                var record = Record(organisationID: org.id, executorID: executorUser?.id, received: plan.received,
                                    deadline: plan.received.adding(days: 10), state: .new)
                func answer(_ text: String, after days: Int, overrideReason: String? = nil) throws {
                    at(days, hour: -2)
                    try wf.perform(.assign, on: message.id, by: coordinator, TransitionRequest(executorID: executorUser!.id))
                    at(days, hour: -1)
                    try wf.perform(.submit, on: message.id, by: executor!, TransitionRequest(draft: world.input(text)))
                    at(days)
                    let outcome = try wf.perform(.approve, on: message.id, by: head,
                                                 TransitionRequest(overrideReason: overrideReason))
                    #expect(outcome.entry.overrideReason == overrideReason)
                    record.state = .sent
                    record.answeredAt = clock.now
                    record.sentDraft = outcome.draft
                    if overrideReason != nil { record.overrideAt = clock.now }
                }
                switch plan.outcome {
                case .sent(let after, let text):
                    try answer(text, after: after)
                case .overridden(let after):
                    try wf.setPolicy(organisationID: org.id, yaml: "pass_mark: 9.5")
                    try answer(Texts.warningOnly, after: after, overrideReason: "Сокращение понятно жителям")
                    try wf.setPolicy(organisationID: org.id, yaml: nil)
                case .reopenedAnswered(let again, let text):
                    try answer(Texts.good, after: 2)
                    at(4)
                    try wf.perform(.reopen, on: message.id, by: admin)
                    record.returned = true
                    try answer(text, after: again)
                case .reopenedOpen:
                    try answer(Texts.good, after: 2)
                    at(4)
                    try wf.perform(.reopen, on: message.id, by: admin)
                    record.returned = true
                    record.state = .returned
                    record.answeredAt = nil
                    record.sentDraft = nil
                case .open:
                    at(0, hour: 1)
                    try wf.perform(.assign, on: message.id, by: coordinator, TransitionRequest(executorID: executorUser!.id))
                    at(0, hour: 2)
                    try wf.perform(.draft, on: message.id, by: executor!, TransitionRequest(draft: world.input(Texts.bad)))
                    record.state = .inWork
                case .untouched:
                    break
                case .redirected(let after):
                    at(0, hour: 1)
                    try wf.perform(.redirect, on: message.id, by: coordinator, TransitionRequest(redirectTo: "Тверьгорэлектро"))
                    at(after)
                    try wf.perform(.approveRedirect, on: message.id, by: head)
                    record.state = .redirected
                    record.answeredAt = clock.now
                case .awaitingRedirect:
                    at(0, hour: 1)
                    try wf.perform(.redirect, on: message.id, by: coordinator, TransitionRequest(redirectTo: "Тверьгорэлектро"))
                    record.state = .awaitingRedirect
                }
                records.append(record)
            }
            self.records = records
            clock.set(ReportTests.reportTime)
        }

        /// The rows computed from the records alone.
        func expected(from: Timestamp, to: Timestamp, asOf: Timestamp, organisations visible: Set<Int>)
            -> (organisations: [RatingReport.Row], executors: [RatingReport.Row]) {
            let inPeriod = records.filter { $0.received >= from && $0.received < to && visible.contains($0.organisationID) }
            func row(_ records: [Record], organisationID: Int, executorID: Int?) -> RatingReport.Row {
                var row = RatingReport.Row(organisationID: organisationID, organisation: organisations[organisationID]!,
                                           executorID: executorID, executor: executorID.map { executors[$0]! })
                row.received = records.count
                let sent = records.filter { $0.state == .sent }
                row.answered = sent.count
                row.scoreTotal = sent.reduce(0) { $0 + $1.sentDraft!.score }
                row.overdue = records.filter { record in
                    if let answeredAt = record.answeredAt { return answeredAt > record.deadline }
                    return asOf > record.deadline
                }.count
                row.redirected = records.filter { $0.state == .redirected }.count
                row.returned = records.filter(\.returned).count
                row.overridden = records.filter { $0.overrideAt.map { $0 >= from && $0 < to } ?? false }.count
                var counts: [String: Int] = [:]
                for record in sent { for finding in record.sentDraft!.findings { counts[finding.rule, default: 0] += 1 } }
                row.topFindings = counts.map { RatingReport.RuleCount(rule: $0.key, count: $0.value) }
                    .sorted { $0.count != $1.count ? $0.count > $1.count : $0.rule < $1.rule }
                    .prefix(5).map { $0 }
                return row
            }
            let byOrg = Dictionary(grouping: inPeriod, by: \.organisationID)
                .map { row($0.value, organisationID: $0.key, executorID: nil) }
                .sorted { $0.answeredShare != $1.answeredShare ? $0.answeredShare > $1.answeredShare
                    : $0.organisation < $1.organisation }
            let byExecutor = Dictionary(grouping: inPeriod.filter { $0.executorID != nil }, by: \.executorID!)
                .map { row($0.value, organisationID: $0.value[0].organisationID, executorID: $0.key) }
                .sorted { ($0.organisation, $0.executor!) < ($1.organisation, $1.executor!) }
            return (byOrg, byExecutor)
        }
    }

    private static let month = Result { try Month() }

    static func band(_ answered: Int, of received: Int) -> String {
        let percent = received == 0 ? 0 : answered * 100 / received
        return percent >= 80 ? "80–100 %" : percent >= 50 ? "50–79 %" : "0–49 %"
    }

    // MARK: Tests

    @Test func thePlanIsWhatTheStoreHolds() throws {
        let month = try Self.month.get()
        #expect(month.records.count == Self.plans.count)
        for (index, record) in month.records.enumerated() {
            let message = try #require(try month.world.store.read { try $0.message(number: "month-\(index)") })
            #expect(message.state == record.state, "month-\(index)")
            #expect(message.deadline == record.deadline)
            #expect(message.answeredAt == record.answeredAt)
            #expect(message.executorID == record.executorID)
        }
        // The texts behave as the plan assumes.
        let scores = Set(month.records.compactMap { $0.sentDraft.map { "\($0.text.prefix(30))=\($0.score)" } })
        #expect(scores.count == 3, "\(scores)")
    }

    @Test func monthlyRatingMatchesThePlan() throws {
        let month = try Self.month.get()
        let report = try month.world.workflow.rating(from: Self.from, to: Self.to)
        #expect(report.from == Self.from)
        #expect(report.to == Self.to)
        let expected = month.expected(from: Self.from, to: Self.to, asOf: Self.to,
                                      organisations: [month.world.district.id, month.world.foreign.id])
        #expect(report.organisations == expected.organisations)
        #expect(report.executors == expected.executors)

        // The headline figures, spelled out from the plan above.
        let district = try #require(report.organisations.first { $0.organisationID == month.world.district.id })
        #expect(district.received == 26)
        #expect(district.answered == 16)
        #expect(district.overdue == 7)
        #expect(district.redirected == 2)
        #expect(district.returned == 3)
        #expect(district.overridden == 1)
        #expect(district.band == Self.band(16, of: 26))
        #expect(district.band == "50–79 %")
        let foreign = try #require(report.organisations.first { $0.organisationID == month.world.foreign.id })
        #expect(foreign.received == 11)
        #expect(foreign.answered == 7)
        #expect(foreign.overdue == 4)
        #expect(foreign.redirected == 1)
        #expect(foreign.returned == 2)
        #expect(foreign.overridden == 1)
        #expect(foreign.band == "50–79 %")
        #expect(report.organisations.map(\.organisationID) == [month.world.foreign.id, month.world.district.id],
                "the higher share first")
        #expect(report.executors.map(\.executorID) == [month.world.executor.id, month.world.executor2.id,
                                                       month.world.foreignUsers[.executor]!.id])

        // Average score from the drafts that were sent.
        for row in report.organisations + report.executors {
            let sent = month.records.filter {
                $0.state == .sent && $0.received >= Self.from && $0.received < Self.to
                    && $0.organisationID == row.organisationID && (row.executorID == nil || $0.executorID == row.executorID)
            }
            let average = sent.map { $0.sentDraft!.score }.reduce(0, +) / Double(sent.count)
            #expect(abs(row.averageScore! - average) <= 0.05, "\(row.organisation) \(row.executor ?? "")")
            #expect(row.answered == sent.count)
        }

        // The rules found most often, from the findings of the sent drafts.
        #expect(district.topFindings.map(\.rule) == ["bureaucratese", "unexplained-abbreviation"])
        #expect(district.topFindings.allSatisfy { $0.count > 0 })
    }

    @Test func aLaterWindowCountsOnlyWhatWasReceivedInIt() throws {
        let month = try Self.month.get()
        let from = Self.july(15)
        let report = try month.world.workflow.rating(from: from, to: Self.to)
        let expected = month.expected(from: from, to: Self.to, asOf: Self.to,
                                      organisations: [month.world.district.id, month.world.foreign.id])
        #expect(report.organisations == expected.organisations)
        #expect(report.executors == expected.executors)
        #expect(report.organisations.reduce(0) { $0 + $1.received } < 37)
    }

    @Test func aHeadSeesOnlyTheirOrganisation() throws {
        let month = try Self.month.get()
        let world = month.world
        for role in [Role.head, .curator, .admin] {
            let report = try world.workflow.rating(from: Self.from, to: Self.to, for: world.actor(world.districtUser(role)))
            let expected = month.expected(from: Self.from, to: Self.to, asOf: Self.to, organisations: [world.district.id])
            #expect(report.organisations == expected.organisations, "\(role.rawValue)")
            #expect(report.executors == expected.executors)
            #expect(report.organisations.map(\.organisationID) == [world.district.id])
        }
        // The region administers the district and the foreign one: it sees both.
        let regionAdmin = try world.workflow.createUser(login: "region.admin", name: "Админ", password: "pw",
                                                        organisationID: world.region.id, roles: [.admin])
        let regional = try world.workflow.rating(from: Self.from, to: Self.to, for: Actor(user: regionAdmin, role: .admin))
        #expect(Set(regional.organisations.map(\.organisationID)) == [world.district.id, world.foreign.id])
    }

    @Test func refusals() throws {
        let month = try Self.month.get()
        let world = month.world
        #expect(workflowError { try world.workflow.rating(from: Self.to, to: Self.from) }?.kind == "invalid")
        #expect(workflowError { try world.workflow.rating(from: Self.from, to: Self.from) }?.kind == "invalid")
        #expect(workflowError { try world.workflow.rating(from: Self.from, to: Self.to, for: world.actor(world.executor)) }?
            .kind == "forbidden")
    }

    @Test func anEmptyPeriodHasNoRows() throws {
        let month = try Self.month.get()
        let report = try month.world.workflow.rating(from: Timestamp("2020-01-01")!, to: Timestamp("2020-02-01")!)
        #expect(report.organisations.isEmpty)
        #expect(report.executors.isEmpty)
    }

    @Test(arguments: [(0, 0, "0–49 %"), (0, 10, "0–49 %"), (4, 10, "0–49 %"), (5, 10, "50–79 %"), (79, 100, "50–79 %"),
                      (8, 10, "80–100 %"), (10, 10, "80–100 %"), (2, 3, "50–79 %"), (4, 5, "80–100 %")])
    func bands(answered: Int, received: Int, band: String) {
        var row = RatingReport.Row(organisationID: 1, organisation: "x")
        row.answered = answered
        row.received = received
        #expect(row.band == band)
        #expect(Self.band(answered, of: received) == band)
    }

    @Test func theReportRoundTripsThroughJSON() throws {
        let month = try Self.month.get()
        let report = try month.world.workflow.rating(from: Self.from, to: Self.to)
        let data = try JSONEncoder().encode(report)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"band\""))
        #expect(text.contains("\"answeredShare\""))
        let decoded = try JSONDecoder().decode(RatingReport.self, from: data)
        #expect(decoded.organisations.map(\.received) == report.organisations.map(\.received))
        #expect(decoded.organisations.map(\.averageScore) == report.organisations.map(\.averageScore))
        #expect(decoded.executors.map(\.topFindings) == report.executors.map(\.topFindings))
    }
}
