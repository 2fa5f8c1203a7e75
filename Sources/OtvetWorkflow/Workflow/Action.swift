import OtvetRules

/// Every transition of the workflow, as the guide's buttons name them.
public enum Action: String, Sendable, Codable, CaseIterable {
    /// Назначить исполнителя.
    case assign
    /// Назначить ответственную организацию (a subordinate one).
    case assignOrg = "assign-org"
    /// Передать в вышестоящую (a reason is required).
    case escalate
    /// Перенаправить в неподведомственную организацию (a head approves it).
    case redirect
    /// Взять в работу (the coordinator answers themselves).
    case take
    /// Вернуть на координацию (a reason is required).
    case `return`
    /// Save a draft version (checked).
    case draft
    /// На согласование: send the draft to a head; refused while it has errors.
    case submit
    /// Отклонить ответ: back to the executor with a comment.
    case reject
    /// Изменить ответ (a head's new version, checked).
    case edit
    /// Передать право утверждения другому руководителю.
    case delegate
    /// Утвердить: the answer goes to the applicant; gated by the policy.
    case approve
    case approveRedirect = "approve-redirect"
    case rejectRedirect = "reject-redirect"
    /// The applicant returns the answer for repeat review.
    case reopen

    /// Who may do it, in which states.
    public var rule: (roles: Set<Role>, states: Set<MessageState>) {
        switch self {
        case .assign, .assignOrg, .escalate, .redirect, .take: ([.coordinator], [.new, .returned])
        case .return, .draft, .submit: ([.executor, .coordinator], [.inWork])
        case .reject, .edit, .delegate, .approve: ([.head], [.prepared])
        case .approveRedirect, .rejectRedirect: ([.head], [.awaitingRedirect])
        case .reopen: ([.admin], [.sent])
        }
    }

    /// Whether the step needs a written comment or reason.
    public var needsComment: Bool {
        switch self {
        case .escalate, .return, .reject, .rejectRedirect: true
        default: false
        }
    }
}

/// What a transition needs besides the action; the fields an action does not use are ignored.
public struct TransitionRequest: Sendable, Codable, Equatable {
    public var comment: String?
    /// `assign`: the executor.
    public var executorID: Int?
    /// `assign-org`: the subordinate organisation.
    public var organisationID: Int?
    /// `redirect`: the non-subordinate organisation, by name.
    public var redirectTo: String?
    /// `delegate`: the other head.
    public var headID: Int?
    /// `draft`, `edit`, and optionally `submit`.
    public var draft: DraftInput?
    /// `approve` past a failing check: the head's written reason.
    public var overrideReason: String?
    /// The version the client saw; a different stored version is a conflict.
    public var expectedVersion: Int?

    public init(comment: String? = nil, executorID: Int? = nil, organisationID: Int? = nil, redirectTo: String? = nil,
                headID: Int? = nil, draft: DraftInput? = nil, overrideReason: String? = nil, expectedVersion: Int? = nil) {
        self.comment = comment
        self.executorID = executorID
        self.organisationID = organisationID
        self.redirectTo = redirectTo
        self.headID = headID
        self.draft = draft
        self.overrideReason = overrideReason
        self.expectedVersion = expectedVersion
    }
}

/// The fields of the «Подготовить ответ» dialog.
public struct DraftInput: Sendable, Codable, Equatable {
    public var type: AnswerType
    public var text: String
    public var signerPosition: String
    public var signerName: String
    public var comment: String?
    public var templateID: Int?

    public init(type: AnswerType, text: String, signerPosition: String, signerName: String, comment: String? = nil,
                templateID: Int? = nil) {
        self.type = type
        self.text = text
        self.signerPosition = signerPosition
        self.signerName = signerName
        self.comment = comment
        self.templateID = templateID
    }
}

/// What a transition did.
public struct TransitionOutcome: Sendable, Codable {
    public let message: Message
    public let draft: DraftVersion?
    public let entry: HistoryEntry
}
