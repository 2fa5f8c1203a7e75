import Foundation
import OtvetRules

extension Workflow {
    /// Performs one transition in one transaction: checks the actor's role,
    /// organisation and the message's state and version, runs the check
    /// where the step needs it, and writes the message, the draft and the
    /// history line together — or nothing.
    @discardableResult
    public func perform(_ action: Action, on messageID: Int, by actor: Actor,
                        _ request: TransitionRequest = TransitionRequest()) throws -> TransitionOutcome {
        try store.write { session in
            guard var message = try session.message(id: messageID),
                  visibleOrganisations(actor).contains(message.organisationID) else {
                throw WorkflowError.notFound("no message \(messageID)")
            }
            let rule = action.rule
            guard rule.roles.contains(actor.role) else {
                throw WorkflowError.forbidden("\(actor.role.title) cannot \(action.rawValue); it needs "
                    + rule.roles.sorted().map(\.title).joined(separator: " or "))
            }
            if let expected = request.expectedVersion, expected != message.version {
                throw WorkflowError.conflict("message \(message.number) changed (version \(message.version), you saw \(expected)); reload it")
            }
            guard rule.states.contains(message.state) else {
                throw WorkflowError.conflict("message \(message.number) is \(message.state.rawValue); \(action.rawValue) needs "
                    + rule.states.map(\.rawValue).sorted().joined(separator: " or "))
            }
            let comment = request.comment?.trimmingWhitespaceOrNil
            if action.needsComment, comment == nil { throw WorkflowError.invalid("\(action.rawValue) needs a comment with the reason") }
            let version = message.version
            let from = message.state
            var draft: DraftVersion?
            var overrideReason: String?
            let policy = try policy(session, organisationID: message.organisationID)

            switch action {
            case .assign:
                guard let id = request.executorID, let executor = try session.user(id: id),
                      executor.organisationID == message.organisationID, executor.roles.contains(.executor), executor.active
                else { throw WorkflowError.invalid("assign needs executorID: an active executor of this organisation") }
                message.executorID = executor.id
                message.state = .inWork
            case .take:
                message.executorID = actor.user.id
                message.state = .inWork
            case .assignOrg:
                guard let id = request.organisationID, let target = try session.organisation(id: id),
                      target.parentID == message.organisationID
                else { throw WorkflowError.invalid("assign-org needs organisationID: a subordinate organisation") }
                message.organisationID = target.id
                message.executorID = nil
                message.state = .new
            case .escalate:
                guard let current = try session.organisation(id: message.organisationID), let parent = current.parentID else {
                    throw WorkflowError.invalid("this organisation has no higher organisation")
                }
                message.organisationID = parent
                message.executorID = nil
                message.state = .new
            case .redirect:
                guard let target = request.redirectTo?.trimmingWhitespaceOrNil else {
                    throw WorkflowError.invalid("redirect needs redirectTo: the organisation's name")
                }
                message.redirectTo = target
                message.state = .awaitingRedirect
            case .return:
                try requireAssignee(message, actor)
                message.executorID = nil
                message.state = .new
            case .draft:
                try requireAssignee(message, actor)
                draft = try saveDraft(request.draft, action: action, message: message, actor: actor, policy: policy, session)
            case .submit:
                try requireAssignee(message, actor)
                if request.draft != nil {
                    draft = try saveDraft(request.draft, action: action, message: message, actor: actor, policy: policy, session)
                } else {
                    draft = try session.drafts(messageID: message.id).last
                }
                guard let submitted = draft else { throw WorkflowError.invalid("there is no draft to submit") }
                let blocking = submitted.findings.filter(policy.blocks)
                if !blocking.isEmpty {
                    throw WorkflowError.blockedByCheck("the draft has \(blocking.count) error(s); fix them before submitting",
                                                       findings: blocking)
                }
                message.state = .prepared
                message.headID = nil
            case .reject:
                try requireApprover(message, actor)
                message.state = .inWork
            case .edit:
                try requireApprover(message, actor)
                draft = try saveDraft(request.draft, action: action, message: message, actor: actor, policy: policy, session)
            case .delegate:
                guard let id = request.headID, id != actor.user.id, let head = try session.user(id: id),
                      head.organisationID == message.organisationID, head.roles.contains(.head), head.active
                else { throw WorkflowError.invalid("delegate needs headID: another head of this organisation") }
                try requireApprover(message, actor)
                message.headID = head.id
            case .approve:
                try requireApprover(message, actor)
                guard let latest = try session.drafts(messageID: message.id).last else {
                    throw WorkflowError.conflict("there is no draft to approve")
                }
                // The policy may have changed since the draft was saved: check again under today's.
                let result = try check(latest.text, message: message.text, type: latest.type, policy: policy)
                if result.verdict == .fail {
                    guard let reason = request.overrideReason?.trimmingWhitespaceOrNil else {
                        throw WorkflowError.blockedByCheck(
                            "the answer does not pass the check (score \(result.score), pass mark \(policy.passMark)); "
                                + "approve with overrideReason to send it anyway",
                            findings: result.findings)
                    }
                    overrideReason = reason
                }
                draft = latest
                message.state = .sent
                message.answeredAt = now
            case .approveRedirect:
                message.state = .redirected
                message.answeredAt = now
            case .rejectRedirect:
                message.redirectTo = nil
                message.state = .new
            case .reopen:
                message.repeatCount += 1
                message.answeredAt = nil
                message.headID = nil
                message.state = .returned
            }
            let saved = try session.update(message, expectedVersion: version)
            let entry = try session.appendHistory(NewHistoryEntry(
                messageID: message.id, at: now, actorID: actor.user.id, role: actor.role, action: action.rawValue,
                comment: comment ?? request.draft?.comment, draftVersion: draft?.version, fromState: from,
                toState: saved.state, overrideReason: overrideReason))
            return TransitionOutcome(message: saved, draft: draft, entry: entry)
        }
    }

    /// Only the executor it is assigned to (or the coordinator who took it) works on a message.
    private func requireAssignee(_ message: Message, _ actor: Actor) throws {
        guard message.executorID == actor.user.id else {
            throw WorkflowError.forbidden("message \(message.number) is assigned to someone else")
        }
    }

    /// Once delegated, only that head decides: approves, rejects or edits.
    private func requireApprover(_ message: Message, _ actor: Actor) throws {
        if let head = message.headID, head != actor.user.id {
            throw WorkflowError.forbidden("the approval of message \(message.number) was handed to another head")
        }
    }

    private func saveDraft(_ input: DraftInput?, action: Action, message: Message, actor: Actor, policy: Policy,
                           _ session: any StoreSession) throws -> DraftVersion {
        guard let input else { throw WorkflowError.invalid("\(action.rawValue) needs draft: type, text, signerPosition, signerName") }
        guard input.text.trimmingWhitespaceOrNil != nil else { throw WorkflowError.invalid("the answer text is empty") }
        guard input.signerPosition.trimmingWhitespaceOrNil != nil, input.signerName.trimmingWhitespaceOrNil != nil else {
            throw WorkflowError.invalid("the signer's position and name are required")
        }
        guard input.text.utf8.count <= Self.maximumAnswerBytes else {
            throw WorkflowError.invalid("the answer is longer than \(Self.maximumAnswerBytes) bytes")
        }
        if let templateID = input.templateID {
            guard let template = try session.template(id: templateID), template.organisationID == message.organisationID else {
                throw WorkflowError.invalid("no template \(templateID) in this organisation")
            }
        }
        let result = try check(input.text, message: message.text, type: input.type, policy: policy)
        return try session.insertDraft(NewDraft(
            messageID: message.id, authorID: actor.user.id, type: input.type, text: input.text,
            signerPosition: input.signerPosition, signerName: input.signerName, comment: input.comment,
            templateID: input.templateID, createdAt: now, result: result))
    }

    public static let maximumAnswerBytes = 64 << 10
}

extension String {
    /// The text without surrounding whitespace, or nil when nothing is left.
    var trimmingWhitespaceOrNil: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
