import Foundation
import OtvetRules
import OtvetText
import Synchronization
import Testing
@testable import OtvetWorkflow

/// The package's `Rules/` directory, found from this file's path.
let workflowRulesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Rules").path

/// The real rule pack, loaded once for the whole suite (a failure is reported by every test that needs it).
let sharedPackResult: Result<RulePack, any Error> = Result {
    try RulePack.load(directory: workflowRulesDirectory, analyzer: try TextAnalyzer())
}

func loadPack() throws -> RulePack { try sharedPackResult.get() }

private let leftovers = Mutex<[URL]>([])

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Timestamp>

    init(_ start: Timestamp) { current = Mutex(start) }
    convenience init(_ text: String) { self.init(Timestamp(text)!) }

    var now: Timestamp { current.withLock { $0 } }

    func set(_ time: Timestamp) { current.withLock { $0 = time } }

    @discardableResult
    func advance(days: Int = 0, hours: Int = 0, minutes: Int = 0) -> Timestamp {
        current.withLock {
            $0 = Timestamp(seconds: $0.seconds + Int64(days) * 86_400 + Int64(hours) * 3_600 + Int64(minutes) * 60)
            return $0
        }
    }
}

/// A fresh directory under the system temporary directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("otvet-wf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Texts from the guide and around it, with their behaviour under the standard policy
/// and the answer type `postponed` (measured with `otvet check`).
enum Texts {
    /// The citizen's message.
    static let citizen = "Здравствуйте! На улице Хрустальной у домов 32 и 33 уже полгода не горят фонари. "
        + "Вечером идти страшно, прошу починить."
    /// The guide's bad answer: redirect-elsewhere ×2, no-deadline, answer-type (errors).
    static let bad = "Здравствуйте! Вопрос электроснабжения населения в границах поселения, в том числе и уличного "
        + "освещения, относится к полномочиям поселения. Рекомендуем обратиться в администрацию Бурашевского "
        + "сельского поселения для решения поставленного Вами вопроса."
    /// The rule's «Стало»: no findings, score 10.
    static let good = "Здравствуйте! Фонари на улице Хрустальной у домов 32 и 33 починят до 20 июня. Мы передали "
        + "заявку в администрацию Бурашевского сельского поселения и проследим за работами."
    /// A second good answer, for the revision.
    static let revision = "Здравствуйте! Фонари на улице Хрустальной у домов 32 и 33 починят до 20 июня. Заявку мы "
        + "передали в администрацию Бурашевского сельского поселения 19 июля, работы проверит наш специалист."
    /// Only a warning (unexplained-abbreviation «МУП»): score 9, passes the standard pass mark 5.
    static let warningOnly = "Здравствуйте! Спасибо, что сообщили о фонарях. Мы передали заявку в МУП «Тверьгорэлектро»: "
        + "фонари на улице Хрустальной у домов 32 и 33 починят до 20 июня."
    /// Two suggestions (bureaucratese «Данный», «на контроле»): score 9.7.
    static let suggestions = "Здравствуйте! Фонари на улице Хрустальной у домов 32 и 33 починят до 20 июня. "
        + "Данный вопрос находится на контроле администрации."
}

/// Organisations, users and a workflow on a real SQLite file in a temporary directory:
///
///     Правительство Тверской области (region)
///     ├── Администрация Калининского района (district: the one under test)
///     │   └── МКУ «Калининское ЖКХ» (subordinate)
///     └── Администрация Торжокского района (foreign)
final class World: Sendable {
    let directory: URL
    let path: String
    let store: SQLiteStore
    let workflow: Workflow
    let clock: TestClock
    let pack: RulePack

    let region: Organisation
    let district: Organisation
    let subordinate: Organisation
    let foreign: Organisation
    let category: Category

    // The district's users, one role each.
    let coordinator: User
    let coordinator2: User
    let executor: User
    let executor2: User
    let curator: User
    let head: User
    let head2: User
    let admin: User
    /// The region's coordinator (sees escalated messages).
    let regionCoordinator: User
    /// The foreign organisation's users by role.
    let foreignUsers: [Role: User]

    private let counter = Mutex(0)

    static let start = Timestamp("2021-07-18T17:34:00Z")!

    init(clock: TestClock = TestClock(World.start)) throws {
        directory = try temporaryDirectory()
        path = directory.appendingPathComponent("otvet.sqlite").path
        store = try SQLiteStore(path: path)
        pack = try loadPack()
        self.clock = clock
        workflow = Workflow(store: store, pack: pack, hasher: PasswordHasher(strength: .minimal), clock: { clock.now })
        let wf = workflow
        region = try wf.createOrganisation(name: "Правительство Тверской области")
        district = try wf.createOrganisation(name: "Администрация Калининского района", parentID: region.id)
        subordinate = try wf.createOrganisation(name: "МКУ «Калининское ЖКХ»", parentID: district.id)
        foreign = try wf.createOrganisation(name: "Администрация Торжокского района", parentID: region.id)
        category = try wf.createCategory(organisationID: district.id, name: "Освещение", termDays: 10, fastTrackHours: 24)
        func user(_ login: String, _ org: Organisation, _ role: Role) throws -> User {
            try wf.createUser(login: login, name: login, password: "secret-\(login)", organisationID: org.id, roles: [role])
        }
        coordinator = try user("coordinator", district, .coordinator)
        coordinator2 = try user("coordinator2", district, .coordinator)
        executor = try user("executor", district, .executor)
        executor2 = try user("executor2", district, .executor)
        curator = try user("curator", district, .curator)
        head = try user("head", district, .head)
        head2 = try user("head2", district, .head)
        admin = try user("admin", district, .admin)
        regionCoordinator = try user("region.coordinator", region, .coordinator)
        var foreignUsers: [Role: User] = [:]
        for role in Role.allCases { foreignUsers[role] = try user("foreign.\(role.rawValue)", foreign, role) }
        self.foreignUsers = foreignUsers
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A world shared by a suite lives as long as the process: its directory goes when the process exits.
    static func shared(clock: TestClock = TestClock(World.start)) throws -> World {
        let world = try World(clock: clock)
        leftovers.withLock { directories in
            if directories.isEmpty {
                atexit { for url in leftovers.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) } }
            }
            directories.append(world.directory)
        }
        return world
    }

    /// The district user acting in their (only) role.
    func actor(_ user: User) throws -> Actor { try Actor(user: user, role: user.roles.first!) }

    /// The district's user of a role (the first of two, where there are two).
    func districtUser(_ role: Role) -> User {
        switch role {
        case .coordinator: coordinator
        case .executor: executor
        case .curator: curator
        case .head: head
        case .admin: admin
        }
    }

    func nextNumber() -> String { "17006\(counter.withLock { $0 += 1; return $0 })" }

    /// A new message in the district (or `organisation`), received now unless `at` is given.
    @discardableResult
    func receive(in organisation: Organisation? = nil, number: String? = nil, at: Timestamp? = nil,
                 text: String = Texts.citizen, category: Bool = true) throws -> Message {
        let org = organisation ?? district
        return try workflow.importMessage(IncomingMessage(
            number: number ?? nextNumber(), organisationID: org.id,
            categoryID: category && org.id == district.id ? self.category.id : nil, text: text,
            applicant: Applicant(name: "Смирнов А. В.", email: "smirnov@example.ru"), region: "Тверская область",
            problemAddress: "ул. Хрустальная, 32", receivedAt: at, source: .mobile))
    }

    func input(_ text: String, type: AnswerType = .postponed, comment: String? = nil, templateID: Int? = nil) -> DraftInput {
        DraftInput(type: type, text: text, signerPosition: "Заместитель главы", signerName: "Иванов И. И.",
                   comment: comment, templateID: templateID)
    }

    // MARK: Legal paths to each state

    /// new → in-work, assigned to `to` (the executor by default; a coordinator takes it).
    func inWork(_ message: Message, by assignee: User? = nil) throws {
        let assignee = assignee ?? executor
        if assignee.roles.contains(.coordinator) {
            try workflow.perform(.take, on: message.id, by: actor(assignee))
        } else {
            try workflow.perform(.assign, on: message.id, by: actor(coordinator), TransitionRequest(executorID: assignee.id))
        }
    }

    /// → prepared, with `text` submitted.
    @discardableResult
    func prepared(_ message: Message, by assignee: User? = nil, text: String = Texts.good) throws -> TransitionOutcome {
        let assignee = assignee ?? executor
        try inWork(message, by: assignee)
        return try workflow.perform(.submit, on: message.id, by: actor(assignee), TransitionRequest(draft: input(text)))
    }

    /// → sent, approved by the head.
    @discardableResult
    func sent(_ message: Message, text: String = Texts.good) throws -> TransitionOutcome {
        try prepared(message, text: text)
        return try workflow.perform(.approve, on: message.id, by: actor(head))
    }

    func message(_ id: Int) throws -> Message { try store.read { try $0.message(id: id)! } }
    func history(_ id: Int) throws -> [HistoryEntry] { try store.read { try $0.history(messageID: id) } }
    func drafts(_ id: Int) throws -> [DraftVersion] { try store.read { try $0.drafts(messageID: id) } }
}

/// Runs `body` and returns the WorkflowError it threw (nil when it did not throw one).
func workflowError<T>(_ body: () throws -> T) -> WorkflowError? {
    do {
        _ = try body()
        return nil
    } catch let error as WorkflowError {
        return error
    } catch {
        Issue.record("expected a WorkflowError, got \(error)")
        return nil
    }
}

extension WorkflowError {
    var kind: String {
        switch self {
        case .invalid: "invalid"
        case .forbidden: "forbidden"
        case .notFound: "notFound"
        case .conflict: "conflict"
        case .blockedByCheck: "blockedByCheck"
        }
    }

    var findings: [Finding] {
        if case .blockedByCheck(_, let findings) = self { return findings }
        return []
    }
}
