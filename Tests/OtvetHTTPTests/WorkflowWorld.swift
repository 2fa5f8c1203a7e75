import Foundation
import Synchronization
import Testing
@testable import OtvetHTTP
@testable import OtvetWorkflow

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Timestamp>
    init(_ text: String) { current = Mutex(Timestamp(text)!) }
    var now: Timestamp { current.withLock { $0 } }
    func advance(minutes: Int) { current.withLock { $0 = Timestamp(seconds: $0.seconds + Int64(minutes) * 60) } }
}

/// Organisations, users and a workflow on a real SQLite file, served over HTTP:
///
///     Правительство Тверской области (region)
///     ├── Администрация Калининского района (district, organisation A)
///     │   └── МКУ «Калининское ЖКХ» (subordinate)
///     └── Администрация Торжокского района (foreign, organisation B)
final class WorkflowWorld: Sendable {
    let directory: URL
    let workflow: Workflow
    let clock = TestClock("2021-07-18T17:34:00Z")
    let server: TestServer
    let log = LogLines()

    let district: Organisation
    let foreign: Organisation
    let category: OtvetWorkflow.Category
    /// District users by role.
    let users: [Role: User]
    /// The same roles in the foreign organisation.
    let foreignUsers: [Role: User]
    /// A district user with two roles.
    let multi: User
    let head2: User

    init(checkAccess: Service.Settings.CheckAccess = .loopback) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("otvet-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent("otvet.sqlite").path)
        let clock = self.clock
        let workflow = Workflow(store: store, pack: try loadPack(), hasher: PasswordHasher(strength: .minimal), clock: { clock.now })
        self.workflow = workflow
        let region = try workflow.createOrganisation(name: "Правительство Тверской области")
        district = try workflow.createOrganisation(name: "Администрация Калининского района", parentID: region.id)
        try workflow.createOrganisation(name: "МКУ «Калининское ЖКХ»", parentID: district.id)
        foreign = try workflow.createOrganisation(name: "Администрация Торжокского района", parentID: region.id)
        category = try workflow.createCategory(organisationID: district.id, name: "Освещение", termDays: 10)
        func user(_ login: String, _ organisation: Organisation, _ roles: Set<Role>) throws -> User {
            try workflow.createUser(login: login, name: "Пользователь \(login)", password: "secret-\(login)",
                                    organisationID: organisation.id, roles: roles)
        }
        var users: [Role: User] = [:]
        var foreignUsers: [Role: User] = [:]
        for role in Role.allCases {
            users[role] = try user(role.rawValue, district, [role])
            foreignUsers[role] = try user("foreign.\(role.rawValue)", foreign, [role])
        }
        self.users = users
        self.foreignUsers = foreignUsers
        multi = try user("multi", district, [.executor, .head])
        head2 = try user("head2", district, [.head])
        server = try TestServer(log: log, checkAccess: checkAccess, workflow: workflow)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    var client: HTTPClient { server.client }

    struct Session {
        let token: String
        let csrf: String
        let cookie: String
        let answer: HTTPResult
    }

    /// Signs in over HTTP.
    func login(_ login: String, role: Role? = nil) throws -> Session {
        var body: [String: Any] = ["login": login, "password": "secret-\(login)"]
        if let role { body["role"] = role.rawValue }
        let answer = try client.post("/v1/login", json: body)
        #expect(answer.status == 200, "login \(login): \(answer)")
        let token = try #require(answer.object["token"] as? String)
        let csrf = try #require(answer.object["csrf"] as? String)
        let cookie = try #require(answer.header("Set-Cookie")?.split(separator: ";").first.map(String.init))
        return Session(token: token, csrf: csrf, cookie: cookie, answer: answer)
    }

    /// A client signed in as the district user of `role` (bearer token).
    func as_(_ role: Role) throws -> HTTPClient { client.bearer(try login(role.rawValue).token) }
    func asForeign(_ role: Role) throws -> HTTPClient { client.bearer(try login("foreign.\(role.rawValue)").token) }

    static func draft(_ text: String, type: String = "postponed", comment: String? = nil) -> [String: Any] {
        var draft: [String: Any] = ["type": type, "text": text, "signerPosition": "Заместитель главы", "signerName": "Иванов И. И."]
        if let comment { draft["comment"] = comment }
        return draft
    }

    /// Imports a message into the district as its coordinator; returns its id.
    func importMessage(number: String = "170064463", text: String = GuideTexts.citizen) throws -> Int {
        let answer = try as_(.coordinator).post("/v1/messages", json: [
            "number": number, "categoryID": category.id, "text": text, "receivedAt": "2021-07-18T17:34:00Z",
            "applicant": ["name": "Смирнов А. В.", "email": "smirnov@example.ru"], "region": "Тверская область",
            "problemAddress": "ул. Хрустальная, 32", "source": "mobile",
        ])
        #expect(answer.status == 201, "\(answer)")
        return try #require(answer.object["id"] as? Int)
    }
}

extension HTTPClient {
    /// POSTs one transition.
    func step(_ id: Int, _ action: String, _ body: [String: Any] = [:]) throws -> HTTPResult {
        try post("/v1/messages/\(id)/\(action)", json: body)
    }
}

extension HTTPResult {
    /// `message.state` of a transition outcome, or `state` of a message.
    var state: String? {
        ((object["message"] as? [String: Any])?["state"] ?? object["state"]) as? String
    }
}
