import OtvetRules

/// A message as the card shows it: fields, drafts with their checks, and «Ход работ».
public struct MessageCard: Sendable, Codable {
    public let message: Message
    public let overdue: Bool
    public let drafts: [DraftVersion]
    public let history: [HistoryEntry]
}

/// A message as it arrives from the platform or an import file.
public struct IncomingMessage: Sendable, Codable, Equatable {
    public var number: String
    public var organisationID: Int?
    public var categoryID: Int?
    public var subcategoryID: Int?
    public var text: String
    public var applicant: Applicant?
    public var region: String?
    public var problemAddress: String?
    public var attachments: [Attachment]?
    public var receivedAt: Timestamp?
    public var fastTrack: Bool?
    public var source: MessageSource?

    public init(number: String, organisationID: Int? = nil, categoryID: Int? = nil, subcategoryID: Int? = nil,
                text: String, applicant: Applicant? = nil, region: String? = nil, problemAddress: String? = nil,
                attachments: [Attachment]? = nil, receivedAt: Timestamp? = nil, fastTrack: Bool? = nil,
                source: MessageSource? = nil) {
        self.number = number
        self.organisationID = organisationID
        self.categoryID = categoryID
        self.subcategoryID = subcategoryID
        self.text = text
        self.applicant = applicant
        self.region = region
        self.problemAddress = problemAddress
        self.attachments = attachments
        self.receivedAt = receivedAt
        self.fastTrack = fastTrack
        self.source = source
    }
}

extension Workflow {
    public static let maximumMessageBytes = 64 << 10

    /// Imports one message. Coordinators and admins import into their own organisation.
    @discardableResult
    public func importMessage(_ incoming: IncomingMessage, by actor: Actor? = nil) throws -> Message {
        try store.write { try insert(incoming, by: actor, session: $0) }
    }

    /// Imports messages all or nothing: the first bad one is reported with its position and nothing is kept.
    public func importMessages(_ batch: [IncomingMessage], by actor: Actor? = nil) throws -> [Message] {
        try store.write { session in
            try batch.enumerated().map { index, incoming in
                do {
                    return try insert(incoming, by: actor, session: session)
                } catch let error as WorkflowError {
                    throw ImportError(index: index, error: error)
                }
            }
        }
    }

    private func insert(_ incoming: IncomingMessage, by actor: Actor?, session: any StoreSession) throws -> Message {
        if let actor, actor.role != .coordinator, actor.role != .admin {
            throw WorkflowError.forbidden("only a coordinator or an administrator imports messages")
        }
        guard let organisationID = incoming.organisationID ?? actor?.user.organisationID else {
            throw WorkflowError.invalid("organisationID is missing")
        }
        if let actor, organisationID != actor.user.organisationID {
            throw WorkflowError.forbidden("messages are imported into the actor's own organisation")
        }
        guard try session.organisation(id: organisationID) != nil else { throw WorkflowError.notFound("no organisation \(organisationID)") }
        guard let number = incoming.number.trimmingWhitespaceOrNil, number.count <= 64 else {
            throw WorkflowError.invalid("number is missing or longer than 64 characters")
        }
        guard incoming.text.trimmingWhitespaceOrNil != nil else { throw WorkflowError.invalid("text is empty") }
        guard incoming.text.utf8.count <= Self.maximumMessageBytes else {
            throw WorkflowError.invalid("text is longer than \(Self.maximumMessageBytes) bytes")
        }
        var category: Category?
        if let id = incoming.categoryID {
            guard let found = try session.category(id: id), found.organisationID == organisationID else {
                throw WorkflowError.invalid("no category \(id) in organisation \(organisationID)")
            }
            category = found
        }
        if let id = incoming.subcategoryID {
            guard let parent = incoming.categoryID, let found = try session.category(id: id), found.parentID == parent else {
                throw WorkflowError.invalid("no subcategory \(id) under category \(incoming.categoryID.map(String.init) ?? "none")")
            }
        }
        let received = incoming.receivedAt ?? now
        let fastTrack = incoming.fastTrack ?? false
        let deadline = fastTrack ? received.adding(hours: category?.fastTrackHours ?? 24)
            : received.adding(days: category?.termDays ?? 30)
        let message = try session.insertMessage(NewMessage(
            number: number, organisationID: organisationID, categoryID: incoming.categoryID,
            subcategoryID: incoming.subcategoryID, text: incoming.text, applicant: incoming.applicant ?? Applicant(),
            region: incoming.region, problemAddress: incoming.problemAddress, attachments: incoming.attachments ?? [],
            receivedAt: received, deadline: deadline, fastTrack: fastTrack, source: incoming.source ?? .portal,
            state: .new))
        _ = try session.appendHistory(NewHistoryEntry(
            messageID: message.id, at: now, actorID: actor?.user.id, role: actor?.role, action: "receive",
            comment: nil, draftVersion: nil, fromState: .new, toState: .new, overrideReason: nil))
        return message
    }

    /// The card of a message the actor may see.
    public func card(_ messageID: Int, for actor: Actor) throws -> MessageCard {
        try store.read { session in
            guard let message = try session.message(id: messageID),
                  visibleOrganisations(actor).contains(message.organisationID) else {
                throw WorkflowError.notFound("no message \(messageID)")
            }
            return MessageCard(message: message, overdue: message.isOverdue(at: now),
                               drafts: try session.drafts(messageID: messageID),
                               history: try session.history(messageID: messageID))
        }
    }

    /// The messages of one folder, soonest deadline first.
    public func messages(in folder: Folder, for actor: Actor, limit: Int = 50, offset: Int = 0) throws -> [Message] {
        try store.read {
            try $0.messages(organisationIDs: visibleOrganisations(actor), states: folder.states,
                            limit: max(1, min(limit, 500)), offset: max(0, offset))
        }
    }

    /// How many messages each folder holds.
    public func folderCounts(for actor: Actor) throws -> [Folder: Int] {
        let counts = try store.read { try $0.stateCounts(organisationIDs: visibleOrganisations(actor)) }
        var result: [Folder: Int] = [:]
        for folder in Folder.allCases { result[folder] = folder.states.reduce(0) { $0 + (counts[$1] ?? 0) } }
        return result
    }
}

/// A batch import stopped at one message; nothing of the batch was kept.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    /// 0-based position in the batch.
    public let index: Int
    public let error: WorkflowError
    public var description: String { "message \(index + 1): \(error.description)" }
}
