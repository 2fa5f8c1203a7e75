import Foundation
import OtvetRules
import Testing
@testable import OtvetWorkflow

/// The guide's whole path of a message through the cabinet, on a real SQLite file.
@Suite("Scenario") struct ScenarioTests {
    /// One expected line of «Ход работ».
    struct Line: Equatable, CustomStringConvertible {
        let action: String
        let from: MessageState
        let to: MessageState
        let actorID: Int?
        let role: Role?
        let comment: String?
        let draftVersion: Int?
        var overrideReason: String? = nil
        let at: Timestamp

        init(_ action: String, _ from: MessageState, _ to: MessageState, _ actor: User?, comment: String? = nil,
             draft: Int? = nil, at: Timestamp) {
            self.action = action
            self.from = from
            self.to = to
            actorID = actor?.id
            role = actor?.roles.first
            self.comment = comment
            draftVersion = draft
            self.at = at
        }

        init(_ entry: HistoryEntry) {
            action = entry.action
            from = entry.fromState
            to = entry.toState
            actorID = entry.actorID
            role = entry.role
            comment = entry.comment
            draftVersion = entry.draftVersion
            overrideReason = entry.overrideReason
            at = entry.at
        }

        var description: String {
            "\(action) \(from.rawValue)→\(to.rawValue) by \(actorID.map(String.init) ?? "-") "
                + "comment \(comment ?? "-") draft \(draftVersion.map(String.init) ?? "-") at \(at)"
        }
    }

    @Test func wholeScenarioFromArrivalToRepeatReview() throws {
        let clock = TestClock("2021-07-18T17:34:00Z")
        let world = try World(clock: clock)
        let wf = world.workflow
        let coordinator = try world.actor(world.coordinator)
        let executor = try world.actor(world.executor)
        let head = try world.actor(world.head)
        let admin = try world.actor(world.admin)
        var expected: [Line] = []

        // 1. The message arrives from the platform (no actor).
        let received = clock.now
        let message = try world.receive(number: "170064463", at: received)
        #expect(message.state == .new)
        #expect(message.version == 1)
        #expect(message.repeatCount == 0)
        #expect(message.executorID == nil)
        #expect(message.receivedAt == received)
        #expect(message.deadline == received.adding(days: 10), "the category's term is 10 days")
        #expect(message.answeredAt == nil)
        #expect(message.source == .mobile)
        #expect(message.applicant.name == "Смирнов А. В.")
        expected.append(Line("receive", .new, .new, nil, at: received))

        // 2. The coordinator assigns it to the executor, with a comment.
        let assignedAt = clock.advance(minutes: 30)
        let assigned = try wf.perform(.assign, on: message.id, by: coordinator,
                                      TransitionRequest(comment: "Подготовьте ответ, фонари на Хрустальной",
                                                        executorID: world.executor.id))
        #expect(assigned.message.state == .inWork)
        #expect(assigned.message.executorID == world.executor.id)
        #expect(assigned.message.version == 2)
        #expect(assigned.draft == nil)
        expected.append(Line("assign", .new, .inWork, world.coordinator, comment: "Подготовьте ответ, фонари на Хрустальной",
                             at: assignedAt))

        // 3. The executor's first draft: the guide's bad answer. Saved and checked...
        let draftedAt = clock.advance(hours: 2)
        let first = try wf.perform(.draft, on: message.id, by: executor, TransitionRequest(draft: world.input(Texts.bad)))
        let v1 = try #require(first.draft)
        #expect(v1.version == 1)
        #expect(v1.authorID == world.executor.id)
        #expect(v1.verdict == .fail)
        #expect(v1.score < 5)
        #expect(Set(v1.findings.map(\.rule)).isSuperset(of: ["redirect-elsewhere", "no-deadline"]))
        #expect(v1.findings.filter { $0.rule == "redirect-elsewhere" }.map(\.match)
            == ["относится к полномочиям", "Рекомендуем обратиться"])
        #expect(first.message.state == .inWork)
        expected.append(Line("draft", .inWork, .inWork, world.executor, draft: 1, at: draftedAt))

        // ... and refused at submit, with the blocking findings.
        clock.advance(minutes: 5)
        let versionBefore = try world.message(message.id).version
        let blocked = try #require(workflowError {
            try wf.perform(.submit, on: message.id, by: executor, TransitionRequest(comment: "На утверждение"))
        })
        #expect(blocked.kind == "blockedByCheck")
        let blockingRules = Set(blocked.findings.map(\.rule))
        #expect(blockingRules.contains("redirect-elsewhere"))
        #expect(blockingRules.contains("no-deadline"))
        #expect(blocked.findings.allSatisfy { $0.severity == .error }, "only errors block")
        #expect(!blockingRules.contains("off-topic"), "a suggestion does not block")
        // A refused submit changes nothing.
        #expect(try world.message(message.id).state == .inWork)
        #expect(try world.message(message.id).version == versionBefore)

        // Submitting the bad text inline is refused too, and that draft is not kept (all or nothing).
        let inline = try #require(workflowError {
            try wf.perform(.submit, on: message.id, by: executor, TransitionRequest(draft: world.input(Texts.bad)))
        })
        #expect(inline.kind == "blockedByCheck")
        #expect(try world.drafts(message.id).count == 1)

        // 4. The fixed draft (a good answer with a date) is submitted.
        let submittedAt = clock.advance(hours: 1)
        let submitted = try wf.perform(.submit, on: message.id, by: executor,
                                       TransitionRequest(comment: "На утверждение", draft: world.input(Texts.good)))
        let v2 = try #require(submitted.draft)
        #expect(v2.version == 2)
        #expect(v2.verdict == .pass)
        #expect(v2.score == 10)
        #expect(v2.findings.isEmpty)
        #expect(submitted.message.state == .prepared)
        expected.append(Line("submit", .inWork, .prepared, world.executor, comment: "На утверждение", draft: 2, at: submittedAt))

        // 5. The head rejects it once: a comment is required.
        clock.advance(hours: 3)
        for missing in [nil, "", "   \n "] as [String?] {
            let error = try #require(workflowError {
                try wf.perform(.reject, on: message.id, by: head, TransitionRequest(comment: missing))
            })
            #expect(error.kind == "invalid")
        }
        #expect(try world.message(message.id).state == .prepared)
        let rejectedAt = clock.now
        let rejected = try wf.perform(.reject, on: message.id, by: head,
                                      TransitionRequest(comment: "  Укажите, кто и когда проверит работы  "))
        #expect(rejected.message.state == .inWork)
        #expect(rejected.message.executorID == world.executor.id, "back to the same executor")
        expected.append(Line("reject", .prepared, .inWork, world.head, comment: "Укажите, кто и когда проверит работы",
                             at: rejectedAt))

        // 6. The executor submits a revision.
        let revisedAt = clock.advance(hours: 20)
        let revised = try wf.perform(.submit, on: message.id, by: executor,
                                     TransitionRequest(draft: world.input(Texts.revision, comment: "Исправил")))
        #expect(revised.draft?.version == 3)
        #expect(revised.draft?.comment == "Исправил")
        #expect(revised.message.state == .prepared)
        expected.append(Line("submit", .inWork, .prepared, world.executor, comment: "Исправил", draft: 3, at: revisedAt))

        // 7. The head approves: sent, with the time it was answered.
        let approvedAt = clock.advance(hours: 1)
        let approved = try wf.perform(.approve, on: message.id, by: head, TransitionRequest(comment: "Согласовано"))
        #expect(approved.message.state == .sent)
        #expect(approved.message.answeredAt == approvedAt)
        #expect(approved.draft?.version == 3, "the latest version is what is sent")
        #expect(approved.entry.overrideReason == nil)
        expected.append(Line("approve", .prepared, .sent, world.head, comment: "Согласовано", draft: 3, at: approvedAt))
        // Sent on time: not overdue.
        #expect(try wf.card(message.id, for: head).overdue == false)

        // 8. The applicant returns it (the platform integration acts as an admin).
        let reopenedAt = clock.advance(days: 2)
        let reopened = try wf.perform(.reopen, on: message.id, by: admin,
                                      TransitionRequest(comment: "Заявитель: фонари так и не горят"))
        #expect(reopened.message.state == .returned)
        #expect(reopened.message.repeatCount == 1)
        #expect(reopened.message.answeredAt == nil)
        expected.append(Line("reopen", .sent, .returned, world.admin, comment: "Заявитель: фонари так и не горят",
                             at: reopenedAt))
        #expect(try wf.messages(in: .returned, for: coordinator).map(\.id) == [message.id])

        // 9. Round again: assign, draft, submit, approve.
        let reassignedAt = clock.advance(hours: 1)
        try wf.perform(.assign, on: message.id, by: coordinator,
                       TransitionRequest(comment: "Повторное рассмотрение", executorID: world.executor.id))
        expected.append(Line("assign", .returned, .inWork, world.coordinator, comment: "Повторное рассмотрение",
                             at: reassignedAt))
        let redraftedAt = clock.advance(hours: 1)
        let v4 = try #require(try wf.perform(.draft, on: message.id, by: executor,
                                             TransitionRequest(draft: world.input(Texts.good))).draft)
        #expect(v4.version == 4)
        expected.append(Line("draft", .inWork, .inWork, world.executor, draft: 4, at: redraftedAt))
        let resubmittedAt = clock.advance(minutes: 10)
        let resubmitted = try wf.perform(.submit, on: message.id, by: executor)
        #expect(resubmitted.draft?.version == 4, "submit without a draft submits the latest saved version")
        expected.append(Line("submit", .inWork, .prepared, world.executor, draft: 4, at: resubmittedAt))
        let reapprovedAt = clock.advance(hours: 2)
        let final = try wf.perform(.approve, on: message.id, by: head)
        expected.append(Line("approve", .prepared, .sent, world.head, draft: 4, at: reapprovedAt))

        #expect(final.message.state == .sent)
        #expect(final.message.answeredAt == reapprovedAt)
        #expect(final.message.repeatCount == 1)
        #expect(final.message.version == 1 + expected.count - 1, "every transition raised the version by one")

        // The card: the whole history, in order, and every draft version with its check.
        let card = try wf.card(message.id, for: try Actor(user: world.curator, role: .curator))
        let history = card.history.map(Line.init)
        #expect(history == expected, "history:\n\(history.map(\.description).joined(separator: "\n"))")
        #expect(card.history.allSatisfy { $0.messageID == message.id && $0.overrideReason == nil })
        #expect(card.history.map(\.id) == card.history.map(\.id).sorted())
        #expect(card.drafts.map(\.version) == [1, 2, 3, 4])
        #expect(card.drafts.map(\.text) == [Texts.bad, Texts.good, Texts.revision, Texts.good])
        #expect(card.drafts.map(\.verdict) == [.fail, .pass, .pass, .pass])
        #expect(card.drafts[0] == v1, "a stored version keeps its score, verdict and findings")
        #expect(card.drafts[1] == v2)
        #expect(card.drafts.allSatisfy { $0.authorID == world.executor.id && $0.signerName == "Иванов И. И." })
        #expect(card.drafts.map(\.createdAt) == [draftedAt, submittedAt, revisedAt, redraftedAt])
        #expect(card.message == final.message)
        #expect(card.overdue == false)
    }

    @Test func coordinatorTakesAndAnswersHimself() throws {
        let world = try World()
        let wf = world.workflow
        let message = try world.receive()
        let taken = try wf.perform(.take, on: message.id, by: world.actor(world.coordinator))
        #expect(taken.message.state == .inWork)
        #expect(taken.message.executorID == world.coordinator.id)
        // The executors of the organisation are not the assignee.
        #expect(workflowError { try wf.perform(.draft, on: message.id, by: world.actor(world.executor),
                                               TransitionRequest(draft: world.input(Texts.good))) }?.kind == "forbidden")
        let submitted = try wf.perform(.submit, on: message.id, by: world.actor(world.coordinator),
                                       TransitionRequest(draft: world.input(Texts.good)))
        #expect(submitted.message.state == .prepared)
        #expect(submitted.draft?.authorID == world.coordinator.id)
        #expect(try world.history(message.id).map(\.action) == ["receive", "take", "submit"])
    }

    @Test func executorReturnsToCoordinationWithAReason() throws {
        let world = try World()
        let wf = world.workflow
        let message = try world.receive()
        try world.inWork(message)
        let executor = try world.actor(world.executor)
        #expect(workflowError { try wf.perform(.return, on: message.id, by: executor) }?.kind == "invalid")
        #expect(workflowError { try wf.perform(.return, on: message.id, by: executor, TransitionRequest(comment: " ")) }?
            .kind == "invalid")
        let returned = try wf.perform(.return, on: message.id, by: executor,
                                      TransitionRequest(comment: "Это вопрос отдела ЖКХ"))
        #expect(returned.message.state == .new)
        #expect(returned.message.executorID == nil)
        #expect(returned.entry.comment == "Это вопрос отдела ЖКХ")
        #expect(try wf.messages(in: .new, for: world.actor(world.coordinator)).map(\.id) == [message.id])
    }

    @Test func assignNeedsAnActiveExecutorOfTheOrganisation() throws {
        let world = try World()
        let wf = world.workflow
        let message = try world.receive()
        let coordinator = try world.actor(world.coordinator)
        for executorID in [nil, world.foreignUsers[.executor]!.id, world.head.id, world.coordinator2.id, 999_999] as [Int?] {
            let error = workflowError {
                try wf.perform(.assign, on: message.id, by: coordinator, TransitionRequest(executorID: executorID))
            }
            #expect(error?.kind == "invalid", "executorID \(String(describing: executorID))")
        }
        #expect(try world.message(message.id).state == .new)
        #expect(try world.history(message.id).map(\.action) == ["receive"])
    }

    // MARK: Policy gate

    @Test func headApprovalIsGatedOnTheOrganisationPolicy() throws {
        let world = try World()
        let wf = world.workflow
        let head = try world.actor(world.head)
        let message = try world.receive()

        // Under the standard policy the warning-only answer would pass; the organisation raises the pass mark.
        try wf.setPolicy(organisationID: world.district.id, yaml: "name: Строгая\npass_mark: 9.5\n", by: world.actor(world.admin))

        // Submission only refuses errors: a warning-only draft goes through.
        let submitted = try world.prepared(message, text: Texts.warningOnly)
        let draft = try #require(submitted.draft)
        #expect(submitted.message.state == .prepared)
        #expect(draft.score == 9)
        #expect(draft.verdict == .fail, "9 is below the pass mark 9.5")
        #expect(draft.findings.map(\.rule) == ["unexplained-abbreviation"])
        #expect(draft.findings.allSatisfy { $0.severity == .warning })

        // Approval without a reason is blocked, with the findings.
        for reason in [nil, "", "   "] as [String?] {
            let error = try #require(workflowError {
                try wf.perform(.approve, on: message.id, by: head, TransitionRequest(overrideReason: reason))
            })
            #expect(error.kind == "blockedByCheck")
            #expect(error.findings.map(\.rule) == ["unexplained-abbreviation"])
            #expect(error.description.contains("9.5"))
        }
        #expect(try world.message(message.id).state == .prepared)
        #expect(try world.history(message.id).filter { $0.action == "approve" }.isEmpty)

        // With a written reason the head sends it anyway; «Ход работ» keeps the reason.
        let approved = try wf.perform(.approve, on: message.id, by: head,
                                      TransitionRequest(overrideReason: "Тверьгорэлектро — известная всем организация"))
        #expect(approved.message.state == .sent)
        #expect(approved.entry.overrideReason == "Тверьгорэлектро — известная всем организация")
        let last = try #require(try world.history(message.id).last)
        #expect(last.action == "approve")
        #expect(last.overrideReason == "Тверьгорэлектро — известная всем организация")
        #expect(last.draftVersion == draft.version)

        // A passing answer needs no reason; a reason given anyway is not recorded as an override.
        let other = try world.receive()
        try world.prepared(other, text: Texts.good)
        let plain = try wf.perform(.approve, on: other.id, by: head, TransitionRequest(overrideReason: "на всякий случай"))
        #expect(plain.entry.overrideReason == nil)

        // The gate reads today's policy: cleared, the standard pass mark 5 lets 9 through.
        let third = try world.receive()
        try world.prepared(third, text: Texts.warningOnly)
        try wf.setPolicy(organisationID: world.district.id, yaml: nil, by: world.actor(world.admin))
        #expect(try wf.perform(.approve, on: third.id, by: head).message.state == .sent)
    }

    @Test func policyChangesAreForAdminsAndMustParse() throws {
        let world = try World()
        let wf = world.workflow
        #expect(workflowError { try wf.setPolicy(organisationID: world.district.id, yaml: "pass_mark: 11",
                                                 by: world.actor(world.admin)) }?.kind == "invalid")
        #expect(workflowError { try wf.setPolicy(organisationID: world.district.id, yaml: "rules:\n  no-such-rule: {enabled: false}",
                                                 by: world.actor(world.admin)) }?.kind == "invalid")
        #expect(workflowError { try wf.setPolicy(organisationID: world.district.id, yaml: "pass_mark: 6",
                                                 by: world.actor(world.head)) }?.kind == "forbidden")
        #expect(workflowError { try wf.setPolicy(organisationID: world.foreign.id, yaml: "pass_mark: 6",
                                                 by: world.actor(world.admin)) }?.kind == "forbidden")
        // An admin administers the subordinate organisation too.
        try wf.setPolicy(organisationID: world.subordinate.id, yaml: "pass_mark: 6", by: world.actor(world.admin))
        #expect(try world.store.read { try $0.policy(organisationID: world.subordinate.id) } == "pass_mark: 6")
        #expect(try world.store.read { try $0.policy(organisationID: world.district.id) } == nil)
    }

    @Test func aPolicyThatDisablesARuleUnblocksSubmission() throws {
        let world = try World()
        let wf = world.workflow
        try wf.setPolicy(organisationID: world.district.id,
                         yaml: "rules:\n  redirect-elsewhere: {blocking: false}\n  no-deadline: {enabled: false}\n  answer-type: {severity: warning}\n")
        let message = try world.receive()
        try world.inWork(message)
        let outcome = try wf.perform(.submit, on: message.id, by: world.actor(world.executor),
                                     TransitionRequest(draft: world.input(Texts.bad)))
        #expect(outcome.message.state == .prepared)
        let rules = outcome.draft?.findings.map(\.rule) ?? []
        #expect(rules.contains("redirect-elsewhere"))
        #expect(!rules.contains("no-deadline"))
        #expect(outcome.draft?.findings.first { $0.rule == "answer-type" }?.severity == .warning)
    }

    // MARK: Templates

    @Test func templatesAreCheckedWhenSaved() throws {
        let world = try World()
        let wf = world.workflow
        let admin = try world.actor(world.admin)
        let bad = try wf.saveTemplate(organisationID: world.district.id, name: "Освещение: отписка", text: Texts.bad, by: admin)
        #expect(bad.verdict == .fail)
        #expect(Set(bad.findings.map(\.rule)).isSuperset(of: ["redirect-elsewhere", "no-deadline"]))
        #expect(bad.score < 5)
        let good = try wf.saveTemplate(organisationID: world.district.id, name: "Освещение", text: Texts.good, by: admin)
        #expect(good.verdict == .pass)
        #expect(good.findings.isEmpty)
        #expect(good.score == 10)
        let stored = try world.store.read { try $0.templates(organisationID: world.district.id) }
        #expect(stored == [good, bad], "sorted by name, with the findings kept")

        // Saving under the same name replaces the text and the check.
        let fixed = try wf.saveTemplate(organisationID: world.district.id, name: "Освещение: отписка", text: Texts.good, by: admin)
        #expect(fixed.id == bad.id)
        #expect(fixed.verdict == .pass)
        #expect(fixed.findings.isEmpty)

        #expect(workflowError { try wf.saveTemplate(organisationID: world.district.id, name: " ", text: Texts.good, by: admin) }?
            .kind == "invalid")
        #expect(workflowError { try wf.saveTemplate(organisationID: world.district.id, name: "x", text: Texts.good,
                                                    by: world.actor(world.executor)) }?.kind == "forbidden")

        // A draft may name a template of its organisation, not another's.
        let foreignTemplate = try wf.saveTemplate(organisationID: world.foreign.id, name: "Чужой", text: Texts.good)
        let message = try world.receive()
        try world.inWork(message)
        let executor = try world.actor(world.executor)
        #expect(workflowError { try wf.perform(.draft, on: message.id, by: executor,
                                               TransitionRequest(draft: world.input(Texts.good, templateID: foreignTemplate.id))) }?
            .kind == "invalid")
        let drafted = try wf.perform(.draft, on: message.id, by: executor,
                                     TransitionRequest(draft: world.input(Texts.good, templateID: good.id)))
        #expect(drafted.draft?.templateID == good.id)
    }

    @Test func draftNeedsTextAndSigner() throws {
        let world = try World()
        let wf = world.workflow
        let message = try world.receive()
        try world.inWork(message)
        let executor = try world.actor(world.executor)
        let inputs: [DraftInput?] = [
            nil,
            world.input("  \n "),
            DraftInput(type: .resolved, text: Texts.good, signerPosition: " ", signerName: "Иванов"),
            DraftInput(type: .resolved, text: Texts.good, signerPosition: "Глава", signerName: ""),
            world.input(String(repeating: "а", count: Workflow.maximumAnswerBytes / 2 + 1)),
        ]
        for input in inputs {
            #expect(workflowError { try wf.perform(.draft, on: message.id, by: executor, TransitionRequest(draft: input)) }?
                .kind == "invalid")
        }
        #expect(try world.drafts(message.id).isEmpty)
        #expect(workflowError { try wf.perform(.submit, on: message.id, by: executor) }?.kind == "invalid",
                "there is no draft to submit")
    }

    // MARK: Redirect, escalate, assign-org

    @Test func redirectAwaitsTheHead() throws {
        let world = try World()
        let wf = world.workflow
        let coordinator = try world.actor(world.coordinator)
        let head = try world.actor(world.head)
        let message = try world.receive()

        #expect(workflowError { try wf.perform(.redirect, on: message.id, by: coordinator) }?.kind == "invalid")
        #expect(workflowError { try wf.perform(.redirect, on: message.id, by: coordinator, TransitionRequest(redirectTo: "  ")) }?
            .kind == "invalid")
        let redirected = try wf.perform(.redirect, on: message.id, by: coordinator,
                                        TransitionRequest(comment: "Сети обслуживает Тверьгорэлектро",
                                                          redirectTo: " ООО «Тверьгорэлектро» "))
        #expect(redirected.message.state == .awaitingRedirect)
        #expect(redirected.message.redirectTo == "ООО «Тверьгорэлектро»")
        #expect(try wf.messages(in: .awaitingRedirect, for: head).map(\.id) == [message.id])
        #expect(try wf.folderCounts(for: head)[.awaitingRedirect] == 1)

        world.clock.advance(hours: 4)
        let approved = try wf.perform(.approveRedirect, on: message.id, by: head)
        #expect(approved.message.state == .redirected)
        #expect(approved.message.answeredAt == world.clock.now)
        #expect(approved.message.redirectTo == "ООО «Тверьгорэлектро»")
        #expect(try world.history(message.id).map(\.action) == ["receive", "redirect", "approve-redirect"])
        let counts = try wf.folderCounts(for: head)
        #expect(counts[.redirected] == 1)
        #expect(counts[.processed] == 1)
        #expect(counts[.awaitingRedirect] == 0)

        // The head may refuse the redirect, with a reason: back to «Новые».
        let second = try world.receive()
        try wf.perform(.redirect, on: second.id, by: coordinator, TransitionRequest(redirectTo: "Роспотребнадзор"))
        #expect(workflowError { try wf.perform(.rejectRedirect, on: second.id, by: head) }?.kind == "invalid")
        let refused = try wf.perform(.rejectRedirect, on: second.id, by: head,
                                     TransitionRequest(comment: "Ответьте сами: это наш вопрос"))
        #expect(refused.message.state == .new)
        #expect(refused.message.redirectTo == nil)
        #expect(refused.entry.fromState == .awaitingRedirect)
        #expect(refused.entry.comment == "Ответьте сами: это наш вопрос")
        #expect(try world.history(second.id).map(\.action) == ["receive", "redirect", "reject-redirect"])
    }

    @Test func escalateNeedsAReasonAndAParent() throws {
        let world = try World()
        let wf = world.workflow
        let coordinator = try world.actor(world.coordinator)
        let message = try world.receive()
        #expect(workflowError { try wf.perform(.escalate, on: message.id, by: coordinator) }?.kind == "invalid")
        #expect(try world.message(message.id).organisationID == world.district.id)

        let escalated = try wf.perform(.escalate, on: message.id, by: coordinator,
                                       TransitionRequest(comment: "Вопрос областного значения: региональная дорога"))
        #expect(escalated.message.organisationID == world.region.id)
        #expect(escalated.message.state == .new)
        #expect(escalated.message.executorID == nil)
        #expect(escalated.entry.comment == "Вопрос областного значения: региональная дорога")
        // The district no longer sees it; the region does.
        #expect(workflowError { try wf.card(message.id, for: coordinator) }?.kind == "notFound")
        let regional = try world.actor(world.regionCoordinator)
        #expect(try wf.messages(in: .new, for: regional).map(\.id) == [message.id])
        #expect(try wf.card(message.id, for: regional).history.map(\.action) == ["receive", "escalate"])

        // The region has no higher organisation.
        #expect(workflowError { try wf.perform(.escalate, on: message.id, by: regional, TransitionRequest(comment: "Выше некуда")) }?
            .kind == "invalid")
    }

    @Test func assignOrgOnlyToASubordinate() throws {
        let world = try World()
        let wf = world.workflow
        let coordinator = try world.actor(world.coordinator)
        let message = try world.receive()
        for target in [nil, world.region.id, world.foreign.id, world.district.id, 999_999] as [Int?] {
            #expect(workflowError { try wf.perform(.assignOrg, on: message.id, by: coordinator,
                                                   TransitionRequest(organisationID: target)) }?.kind == "invalid",
                    "organisation \(String(describing: target))")
        }
        try world.inWork(message)
        try wf.perform(.return, on: message.id, by: world.actor(world.executor), TransitionRequest(comment: "Не мой участок"))
        let moved = try wf.perform(.assignOrg, on: message.id, by: coordinator,
                                   TransitionRequest(comment: "Это участок МКУ", organisationID: world.subordinate.id))
        #expect(moved.message.organisationID == world.subordinate.id)
        #expect(moved.message.state == .new)
        #expect(moved.message.executorID == nil)
        #expect(workflowError { try wf.card(message.id, for: coordinator) }?.kind == "notFound")
        #expect(try wf.folderCounts(for: coordinator)[.new] == 0)
    }

    // MARK: Delegation

    @Test func afterDelegationOnlyTheNamedHeadApproves() throws {
        let world = try World()
        let wf = world.workflow
        let head = try world.actor(world.head)
        let head2 = try world.actor(world.head2)
        let message = try world.receive()
        try world.prepared(message)

        for target in [nil, world.head.id, world.executor.id, world.foreignUsers[.head]!.id, 999_999] as [Int?] {
            #expect(workflowError { try wf.perform(.delegate, on: message.id, by: head, TransitionRequest(headID: target)) }?
                .kind == "invalid", "head \(String(describing: target))")
        }
        let delegated = try wf.perform(.delegate, on: message.id, by: head,
                                       TransitionRequest(comment: "Это вопрос вашего направления", headID: world.head2.id))
        #expect(delegated.message.headID == world.head2.id)
        #expect(delegated.message.state == .prepared)

        // The first head can neither approve nor hand it on again.
        #expect(workflowError { try wf.perform(.approve, on: message.id, by: head) }?.kind == "forbidden")
        #expect(workflowError { try wf.perform(.delegate, on: message.id, by: head, TransitionRequest(headID: world.head2.id)) }?
            .kind == "forbidden")
        #expect(try world.message(message.id).state == .prepared)

        let approved = try wf.perform(.approve, on: message.id, by: head2)
        #expect(approved.message.state == .sent)
        #expect(approved.entry.actorID == world.head2.id)
        #expect(try world.history(message.id).map(\.action) == ["receive", "assign", "submit", "delegate", "approve"])

        // A new submission clears the delegation.
        let other = try world.receive()
        try world.prepared(other)
        try wf.perform(.delegate, on: other.id, by: head, TransitionRequest(headID: world.head2.id))
        try wf.perform(.reject, on: other.id, by: head2, TransitionRequest(comment: "Добавьте срок"))
        let resubmitted = try wf.perform(.submit, on: other.id, by: world.actor(world.executor),
                                         TransitionRequest(draft: world.input(Texts.revision)))
        #expect(resubmitted.message.headID == nil)
        #expect(try wf.perform(.approve, on: other.id, by: head).message.state == .sent)
    }

    @Test func headEditsTheAnswerBeforeApproving() throws {
        let world = try World()
        let wf = world.workflow
        let head = try world.actor(world.head)
        let message = try world.receive()
        try world.prepared(message, text: Texts.warningOnly)
        #expect(workflowError { try wf.perform(.edit, on: message.id, by: head) }?.kind == "invalid")
        let edited = try wf.perform(.edit, on: message.id, by: head,
                                    TransitionRequest(comment: "Расшифровал сокращение", draft: world.input(Texts.good)))
        #expect(edited.message.state == .prepared)
        #expect(edited.draft?.version == 2)
        #expect(edited.draft?.authorID == world.head.id)
        #expect(edited.entry.comment == "Расшифровал сокращение")
        let approved = try wf.perform(.approve, on: message.id, by: head)
        #expect(approved.draft?.text == Texts.good)
        #expect(approved.draft?.version == 2)
    }

    @Test func aHeadsEditWithErrorsIsNotApprovedWithoutAReason() throws {
        let world = try World()
        let wf = world.workflow
        let head = try world.actor(world.head)
        let message = try world.receive()
        try world.prepared(message)
        let edited = try wf.perform(.edit, on: message.id, by: head, TransitionRequest(draft: world.input(Texts.bad)))
        #expect(edited.draft?.verdict == .fail)
        let error = try #require(workflowError { try wf.perform(.approve, on: message.id, by: head) })
        #expect(error.kind == "blockedByCheck")
        #expect(error.findings.contains { $0.rule == "redirect-elsewhere" })
        let forced = try wf.perform(.approve, on: message.id, by: head, TransitionRequest(overrideReason: "Заявитель просил контакты"))
        #expect(forced.entry.overrideReason == "Заявитель просил контакты")
    }

    @Test func wrongStateIsAConflictAndChangesNothing() throws {
        let world = try World()
        let wf = world.workflow
        let message = try world.receive()
        let head = try world.actor(world.head)
        let error = try #require(workflowError { try wf.perform(.approve, on: message.id, by: head) })
        #expect(error.kind == "conflict")
        #expect(error.description.contains("new"))
        #expect(workflowError { try wf.perform(.reopen, on: message.id, by: world.actor(world.admin)) }?.kind == "conflict")
        try world.sent(message)
        #expect(workflowError { try wf.perform(.assign, on: message.id, by: world.actor(world.coordinator),
                                               TransitionRequest(executorID: world.executor.id)) }?.kind == "conflict")
        #expect(try world.history(message.id).map(\.action) == ["receive", "assign", "submit", "approve"])
        #expect(try world.message(message.id).version == 4)
    }

    @Test func unknownMessageIsNotFound() throws {
        let world = try World()
        #expect(workflowError { try world.workflow.perform(.take, on: 424_242, by: world.actor(world.coordinator)) }?.kind
            == "notFound")
        #expect(workflowError { try world.workflow.card(424_242, for: world.actor(world.coordinator)) }?.kind == "notFound")
    }

    @Test func fastTrackDeadlineUsesTheCategoryHours() throws {
        let world = try World()
        let received = Timestamp("2021-07-18T17:34:00Z")!
        let fast = try world.workflow.importMessage(IncomingMessage(
            number: "fast-1", organisationID: world.district.id, categoryID: world.category.id, text: Texts.citizen,
            receivedAt: received, fastTrack: true))
        #expect(fast.deadline == received.adding(hours: 24))
        #expect(fast.fastTrack)
        let plain = try world.workflow.importMessage(IncomingMessage(
            number: "plain-1", organisationID: world.foreign.id, text: Texts.citizen, receivedAt: received))
        #expect(plain.deadline == received.adding(days: 30), "no category: 30 days")
        #expect(plain.source == .portal)
    }

    @Test func overdueOnTheCard() throws {
        let clock = TestClock("2021-07-18T17:34:00Z")
        let world = try World(clock: clock)
        let message = try world.receive(at: clock.now)
        let curator = try Actor(user: world.curator, role: .curator)
        clock.advance(days: 10)
        #expect(try world.workflow.card(message.id, for: curator).overdue == false, "at the deadline itself: not yet")
        clock.advance(minutes: 1)
        #expect(try world.workflow.card(message.id, for: curator).overdue == true)
        // Answered late stays overdue.
        try world.sent(message)
        clock.advance(days: 5)
        #expect(try world.workflow.card(message.id, for: curator).overdue == true)
    }
}
