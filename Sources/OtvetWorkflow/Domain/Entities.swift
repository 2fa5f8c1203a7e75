import OtvetRules

public struct Organisation: Sendable, Codable, Equatable {
    public let id: Int
    public var name: String
    /// The higher organisation, when there is one.
    public var parentID: Int?
}

public struct User: Sendable, Codable, Equatable {
    public let id: Int
    public var login: String
    public var name: String
    public var organisationID: Int
    public var roles: Set<Role>
    public var active: Bool
}

/// A user acting in one of their roles: every transition is checked against it.
public struct Actor: Sendable, Equatable {
    public let user: User
    public let role: Role

    public init(user: User, role: Role) throws(WorkflowError) {
        guard user.roles.contains(role) else {
            throw .forbidden("\(user.login) has no role \(role.rawValue) (has \(user.roles.sorted().map(\.rawValue).joined(separator: ", ")))")
        }
        guard user.active else { throw .forbidden("\(user.login) is deactivated") }
        self.user = user
        self.role = role
    }
}

public struct Category: Sendable, Codable, Equatable {
    public let id: Int
    public var organisationID: Int
    public var name: String
    /// The category a subcategory belongs to.
    public var parentID: Int?
    /// The answer term in days, and the shorter term of fast-track messages in hours.
    public var termDays: Int
    public var fastTrackHours: Int
}

public struct Applicant: Sendable, Codable, Equatable {
    public var name: String?
    public var address: String?
    public var email: String?
    public var phone: String?

    public init(name: String? = nil, address: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.address = address
        self.email = email
        self.phone = phone
    }
}

public struct Attachment: Sendable, Codable, Equatable {
    public var name: String
    public var size: Int?
    public var type: String?
}

/// Where a message came from.
public enum MessageSource: String, Sendable, Codable, CaseIterable {
    case portal, mobile, widget
}

public struct Message: Sendable, Codable, Equatable {
    public let id: Int
    public var number: String
    public var organisationID: Int
    public var categoryID: Int?
    public var subcategoryID: Int?
    public var text: String
    public var applicant: Applicant
    public var region: String?
    public var problemAddress: String?
    public var attachments: [Attachment]
    public var receivedAt: Timestamp
    public var deadline: Timestamp
    public var fastTrack: Bool
    public var source: MessageSource
    public var repeatCount: Int
    public var state: MessageState
    public var executorID: Int?
    /// The head the approval was handed to, if any.
    public var headID: Int?
    public var redirectTo: String?
    public var answeredAt: Timestamp?
    /// Raised by every transition: optimistic concurrency.
    public var version: Int

    /// Overdue at `now`: not answered in time, or still open past the deadline.
    public func isOverdue(at now: Timestamp) -> Bool {
        if let answeredAt { return answeredAt > deadline }
        return !state.isClosed && now > deadline
    }
}

/// One saved version of an answer, with the check that ran on it.
public struct DraftVersion: Sendable, Codable, Equatable {
    public let id: Int
    public let messageID: Int
    public let version: Int
    public let authorID: Int
    public let type: AnswerType
    public let text: String
    public let signerPosition: String
    public let signerName: String
    public let comment: String?
    public let templateID: Int?
    public let createdAt: Timestamp
    public let score: Double
    public let verdict: Verdict
    public let findings: [Finding]
}

/// One line of «Ход работ».
public struct HistoryEntry: Sendable, Codable, Equatable {
    public let id: Int
    public let messageID: Int
    public let at: Timestamp
    public let actorID: Int?
    public let role: Role?
    public let action: String
    public let comment: String?
    public let draftVersion: Int?
    public let fromState: MessageState
    public let toState: MessageState
    /// A head's written reason for approving past the check's gate.
    public let overrideReason: String?
}

public struct AnswerTemplate: Sendable, Codable, Equatable {
    public let id: Int
    public let organisationID: Int
    public var name: String
    public var text: String
    public var score: Double
    public var verdict: Verdict
    public var findings: [Finding]
}
