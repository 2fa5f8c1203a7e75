import OtvetRules

/// The workflow's storage, behind a protocol so a server database can
/// replace SQLite: every unit of work is one session in one transaction.
public protocol WorkflowStore: Sendable {
    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T
    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T
}

/// A message as it arrives, before it has an id.
public struct NewMessage: Sendable, Codable, Equatable {
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
    public var state: MessageState
}

/// A draft version to store, with its check.
public struct NewDraft: Sendable {
    public var messageID: Int
    public var authorID: Int
    public var type: AnswerType
    public var text: String
    public var signerPosition: String
    public var signerName: String
    public var comment: String?
    public var templateID: Int?
    public var createdAt: Timestamp
    public var result: CheckResult
}

public struct NewHistoryEntry: Sendable {
    public var messageID: Int
    public var at: Timestamp
    public var actorID: Int?
    public var role: Role?
    public var action: String
    public var comment: String?
    public var draftVersion: Int?
    public var fromState: MessageState
    public var toState: MessageState
    public var overrideReason: String?
}

/// The operations of one transaction.
public protocol StoreSession {
    func insertOrganisation(name: String, parentID: Int?) throws -> Organisation
    func organisation(id: Int) throws -> Organisation?
    func organisations() throws -> [Organisation]
    func policy(organisationID: Int) throws -> String?
    func setPolicy(organisationID: Int, yaml: String?) throws

    func insertUser(login: String, name: String, organisationID: Int, roles: Set<Role>, passwordHash: String) throws -> User
    func user(id: Int) throws -> User?
    func user(login: String) throws -> User?
    func passwordHash(userID: Int) throws -> String?
    func users(organisationID: Int) throws -> [User]
    func updateUser(id: Int, roles: Set<Role>, active: Bool) throws

    func insertCategory(organisationID: Int, name: String, parentID: Int?, termDays: Int, fastTrackHours: Int) throws -> Category
    func category(id: Int) throws -> Category?
    func categories(organisationID: Int) throws -> [Category]

    func saveTemplate(organisationID: Int, name: String, text: String, result: CheckResult) throws -> AnswerTemplate
    func templates(organisationID: Int) throws -> [AnswerTemplate]
    func template(id: Int) throws -> AnswerTemplate?

    func insertMessage(_ message: NewMessage) throws -> Message
    func message(id: Int) throws -> Message?
    func message(number: String) throws -> Message?
    /// Writes `message` if its stored version is still `expectedVersion`, raising the version; else a conflict.
    func update(_ message: Message, expectedVersion: Int) throws -> Message
    func messages(organisationIDs: [Int], states: [MessageState], limit: Int, offset: Int) throws -> [Message]
    func stateCounts(organisationIDs: [Int]) throws -> [MessageState: Int]
    func messages(receivedFrom: Timestamp, to: Timestamp) throws -> [Message]

    func insertDraft(_ draft: NewDraft) throws -> DraftVersion
    func drafts(messageID: Int) throws -> [DraftVersion]
    func appendHistory(_ entry: NewHistoryEntry) throws -> HistoryEntry
    func history(messageID: Int) throws -> [HistoryEntry]
    func history(from: Timestamp, to: Timestamp) throws -> [HistoryEntry]

    func insertSession(_ session: AuthSession) throws
    func session(tokenHash: String) throws -> AuthSession?
    func updateSessionRole(tokenHash: String, role: Role) throws
    func deleteSession(tokenHash: String) throws
    func deleteExpiredSessions(before: Timestamp) throws
}
