import Foundation
import OtvetRules
import Testing
@testable import OtvetWorkflow

@Suite("Store") struct StoreTests {
    // MARK: Migrations and the database

    @Test func migrationsApplyOnce() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path

        let database = try Database(path: path)
        let all = Schema.migrator.migrations.map(\.name)
        #expect(all.first == "001-workflow")
        #expect(try Schema.migrator.migrate(database) == all, "a new database gets every migration")
        #expect(try Schema.migrator.migrate(database) == [], "the second time nothing is applied")
        let recorded = try database.read { try $0.rows("SELECT name FROM schema_migrations ORDER BY name", []).map { $0.string("name") } }
        #expect(recorded == all)

        // Opening the store again applies nothing and keeps the data.
        let store = try SQLiteStore(path: path)
        _ = try store.write { try $0.insertOrganisation(name: "Администрация", parentID: nil) }
        let reopened = try SQLiteStore(path: path)
        #expect(try Schema.migrator.migrate(reopened.database) == [])
        #expect(try reopened.read { try $0.organisations() }.map(\.name) == ["Администрация"])
        #expect(try reopened.database.read { try $0.rows("SELECT COUNT(*) AS n FROM schema_migrations", []) }.first?.int("n")
            == all.count)
    }

    @Test func aNewerDatabaseIsRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path
        let store = try SQLiteStore(path: path)
        try store.database.write { try $0.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                                                  "999-from-the-future", "2030-01-01") }
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            guard let error = error as? MigrationError, case .unknown(let name) = error else { return false }
            return name == "999-from-the-future" && error.description.contains("newer")
        }
    }

    @Test func walModeAndForeignKeys() throws {
        let world = try World()
        let journal = try world.store.database.read { try $0.rows("PRAGMA journal_mode", []) }
        #expect(journal.first?.string("journal_mode") == "wal")
        let foreignKeys = try world.store.database.read { try $0.rows("PRAGMA foreign_keys", []) }
        #expect(foreignKeys.first?.int("foreign_keys") == 1)
        let synchronous = try world.store.database.read { try $0.rows("PRAGMA synchronous", []) }
        #expect(synchronous.first?.int("synchronous") == 2, "FULL")
        // A second connection on the file sees WAL too (it is a property of the file).
        let other = try Database(path: world.path)
        #expect(try other.read { try $0.rows("PRAGMA journal_mode", []) }.first?.string("journal_mode") == "wal")
        #expect(FileManager.default.fileExists(atPath: world.path + "-wal"))

        // Foreign keys are enforced: a message of an organisation that does not exist is refused.
        let error = workflowError {
            try world.store.write { session in
                try session.insertMessage(NewMessage(
                    number: "fk-1", organisationID: 4242, text: "x", applicant: Applicant(), attachments: [],
                    receivedAt: World.start, deadline: World.start, fastTrack: false, source: .portal, state: .new))
            }
        }
        #expect(error != nil)
        #expect(try world.store.read { try $0.message(number: "fk-1") } == nil)
        let sqliteError = #expect(throws: SQLiteError.self) {
            try world.store.database.write { try $0.execute("INSERT INTO history (message_id, at, action, from_state, to_state) VALUES (?, ?, ?, ?, ?)",
                                                            4242, "2021-07-18T00:00:00Z", "receive", "new", "new") }
        }
        #expect(sqliteError?.isConstraint == true)
    }

    @Test func aFailedWriteRollsBack() throws {
        let world = try World()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try world.store.write { session in
                _ = try session.insertOrganisation(name: "Временная", parentID: nil)
                throw Stop()
            }
        }
        #expect(try world.store.read { try $0.organisations() }.contains { $0.name == "Временная" } == false)
        // The connection is usable afterwards.
        #expect(try world.workflow.createOrganisation(name: "Постоянная").name == "Постоянная")
    }

    // MARK: Messages

    @Test func duplicateMessageNumberIsAConflict() throws {
        let world = try World()
        try world.receive(number: "170064463")
        let error = workflowError { try world.receive(number: "170064463") }
        #expect(error?.kind == "conflict")
        #expect(error?.description.contains("170064463") == true)
        // Also across organisations: the platform's numbers are unique.
        #expect(workflowError { try world.receive(in: world.foreign, number: "170064463") }?.kind == "conflict")
        #expect(try world.workflow.folderCounts(for: world.actor(world.coordinator))[.new] == 1)
    }

    @Test func aBatchWithABadMessageKeepsNothing() throws {
        let world = try World()
        let wf = world.workflow
        func incoming(_ number: String, text: String = Texts.citizen) -> IncomingMessage {
            IncomingMessage(number: number, organisationID: world.district.id, text: text)
        }
        try world.receive(number: "exists")
        let batches: [([IncomingMessage], Int, String)] = [
            ([incoming("b-1"), incoming("b-2"), incoming("  "), incoming("b-4")], 2, "invalid"),
            ([incoming("b-1"), incoming("b-2", text: ""), incoming("b-3")], 1, "invalid"),
            ([incoming("b-1"), incoming("b-2"), incoming("b-1")], 2, "conflict"),
            ([incoming("b-1"), incoming("exists")], 1, "conflict"),
            ([incoming("b-1"), IncomingMessage(number: "b-2", organisationID: 4242, text: "x")], 1, "notFound"),
        ]
        for (batch, index, kind) in batches {
            #expect {
                _ = try wf.importMessages(batch)
            } throws: { error in
                guard let error = error as? ImportError else { return false }
                return error.index == index && error.error.kind == kind
                    && error.description.hasPrefix("message \(index + 1): ")
            }
            let counts = try wf.folderCounts(for: world.actor(world.coordinator))
            #expect(counts[.new] == 1, "nothing of the batch is kept")
            #expect(try world.store.read { try $0.message(number: "b-1") } == nil)
        }
        // History lines of a refused batch are gone too.
        #expect(try world.store.read { try $0.history(from: Timestamp(seconds: 0), to: Timestamp("2100-01-01")!) }.count == 1)

        let imported = try wf.importMessages([incoming("b-1"), incoming("b-2"), incoming("b-3")])
        #expect(imported.map(\.number) == ["b-1", "b-2", "b-3"])
        #expect(try wf.folderCounts(for: world.actor(world.coordinator))[.new] == 4)
    }

    @Test func messageFieldsSurviveTheRoundTrip() throws {
        let world = try World()
        let incoming = IncomingMessage(
            number: "170064463", organisationID: world.district.id, categoryID: world.category.id,
            text: "где можно найти сертификат о вакцинации против Ковида? Прошел вакцину …",
            applicant: Applicant(name: "Петров П. П.", address: "Тверь, ул. Советская, 5", email: "p@example.ru",
                                 phone: "+7 900 000-00-00"),
            region: "Тверская область", problemAddress: "-",
            attachments: [Attachment(name: "фото.jpg", size: 2048, type: "image/jpeg")],
            receivedAt: Timestamp("2021-07-18T20:34:00+03:00"), fastTrack: true, source: .widget)
        let message = try world.workflow.importMessage(incoming)
        let stored = try world.message(message.id)
        #expect(stored == message)
        #expect(stored.applicant == incoming.applicant)
        #expect(stored.attachments == incoming.attachments)
        #expect(stored.receivedAt == Timestamp("2021-07-18T17:34:00Z"))
        #expect(stored.deadline == Timestamp("2021-07-19T17:34:00Z"), "fast track: 24 hours")
        #expect(stored.source == .widget)
        #expect(stored.fastTrack)
        #expect(stored.region == "Тверская область")
        #expect(try world.store.read { try $0.message(number: "170064463") } == stored)
        // Stored as ISO-8601 UTC text, so SQLite compares it as text.
        let raw = try world.store.database.read { try $0.rows("SELECT received_at FROM messages WHERE id = ?", [message.id]) }
        #expect(raw.first?.string("received_at") == "2021-07-18T17:34:00Z")
    }

    @Test func draftFindingsSurviveTheRoundTrip() throws {
        let world = try World()
        let message = try world.receive()
        try world.inWork(message)
        let outcome = try world.workflow.perform(.draft, on: message.id, by: world.actor(world.executor),
                                                 TransitionRequest(draft: world.input(Texts.bad, type: .unresolved, comment: "Черновик")))
        let draft = try #require(outcome.draft)
        let stored = try #require(try world.drafts(message.id).first)
        #expect(stored == draft)
        #expect(stored.type == .unresolved)
        #expect(stored.comment == "Черновик")
        #expect(stored.findings.first { $0.rule == "redirect-elsewhere" }?.match == "относится к полномочиям")
        #expect(stored.findings.allSatisfy { !$0.message.isEmpty && $0.line == 1 })
    }

    // MARK: Passwords

    @Test func passwordsAreArgon2idHashes() throws {
        let world = try World()
        let hash = try #require(try world.store.read { try $0.passwordHash(userID: world.executor.id) })
        #expect(hash.hasPrefix("$argon2id$"))
        #expect(!hash.contains("secret-executor"))
        let otherHash = try #require(try world.store.read { try $0.passwordHash(userID: world.executor2.id) })
        #expect(hash != otherHash)

        #expect(try world.workflow.authenticate(login: "executor", password: "secret-executor") == world.executor)
        #expect(try world.workflow.authenticate(login: "executor", password: "secret-executor2") == nil)
        #expect(try world.workflow.authenticate(login: "executor", password: "") == nil)
        #expect(try world.workflow.authenticate(login: "nobody", password: "secret-executor") == nil)
        #expect(try world.workflow.authenticate(login: "EXECUTOR", password: "secret-executor") == nil)

        let hasher = PasswordHasher(strength: .minimal)
        let same = try hasher.hash("пароль")
        #expect(same != (try hasher.hash("пароль")), "salted")
        #expect(hasher.verify("пароль", hash: same))
        #expect(!hasher.verify("Пароль", hash: same))
        #expect(!hasher.verify("пароль", hash: "plain"))
        #expect(workflowError { try hasher.hash("") }?.kind == "invalid")
        #expect(workflowError { try hasher.hash(String(repeating: "x", count: PasswordHasher.maximumLength + 1)) }?.kind == "invalid")
        #expect(!hasher.verify(String(repeating: "x", count: PasswordHasher.maximumLength + 1), hash: same))
    }

    @Test func aDeactivatedUserCannotSignIn() throws {
        let world = try World()
        try world.store.database.write { try $0.execute("UPDATE users SET active = 0 WHERE id = ?", world.executor.id) }
        #expect(try world.workflow.authenticate(login: "executor", password: "secret-executor") == nil)
        #expect(workflowError { try world.workflow.actor(userID: world.executor.id, role: .executor) }?.kind == "forbidden")
    }

    // MARK: Timestamps

    @Test(arguments: [
        ("2021-07-18T17:34:00Z", Int64(1_626_629_640)),
        ("2021-07-18T20:34:00+03:00", 1_626_629_640),
        ("2021-07-18T12:34:00-05:00", 1_626_629_640),
        ("2021-07-18", 1_626_566_400),
        ("1970-01-01T00:00:00Z", 0),
    ])
    func timestampsParse(text: String, seconds: Int64) throws {
        let time = try #require(Timestamp(text))
        #expect(time.seconds == seconds)
    }

    @Test(arguments: ["", "garbage", "2021-07-18T", "18.07.2021", "17:34 | 18.07.2021", "2021-13-45", "2021-07-18 17:34",
                      "2021-07-1x", "today"])
    func timestampsRejectGarbage(text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func timestampsFormatAndCompare() throws {
        let utc = try #require(Timestamp("2021-07-18T17:34:00Z"))
        let moscow = try #require(Timestamp("2021-07-18T20:34:00+03:00"))
        #expect(utc == moscow, "the same instant")
        #expect(moscow.description == "2021-07-18T17:34:00Z")
        #expect(utc.day == "2021-07-18")
        #expect(utc.adding(days: 2, hours: 3) == Timestamp("2021-07-20T20:34:00Z"))
        #expect(utc < utc.adding(hours: 1))
        #expect(Timestamp(utc.date) == utc)
        let encoded = try JSONEncoder().encode([utc])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2021-07-18T17:34:00Z"]"#)
        #expect(try JSONDecoder().decode([Timestamp].self, from: Data(#"["2021-07-18T20:34:00+03:00"]"#.utf8)) == [utc])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Timestamp].self, from: Data(#"["вчера"]"#.utf8)) }
    }

    // MARK: Errors and roles

    @Test func workflowErrorsOfDifferentKindsDiffer() {
        #expect(WorkflowError.forbidden("x") != WorkflowError.notFound("x"))
        #expect(WorkflowError.conflict("x") == WorkflowError.conflict("x"))
        #expect(WorkflowError.conflict("x") != WorkflowError.conflict("y"))
        #expect(WorkflowError.blockedByCheck("x", findings: []).description == "x")
    }

    @Test func roleLists() throws {
        #expect(try Role.parseList("executor, head") == [.executor, .head])
        #expect(workflowError { try Role.parseList("executor,boss") }?.kind == "invalid")
        #expect(workflowError { try Role.parseList(" , ") }?.kind == "invalid")
        #expect(Role.allCases.sorted() == [.coordinator, .executor, .curator, .head, .admin])
        #expect(Role.head.title == "Руководитель")
        #expect(Folder.processed.states == [.sent, .redirected])
        #expect(MessageState.allCases.filter(\.isClosed) == [.sent, .redirected, .rejected])
    }
}
