import Foundation
import OtvetCLI
import OtvetRules
import OtvetText
import OtvetWorkflow
import Testing

/// The shipped rule pack, for the tests that open a Workflow directly.
func cliTestPack() throws -> RulePack {
    let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Rules").path
    return try RulePack.load(directory: rules, analyzer: try TextAnalyzer())
}

/// Cheap password hashes: these tests create many users.
let fastHashing = ["OTVET_PASSWORD_HASH": "minimal"]

func scratchDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "otvet-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A database with organisation 1 «Администрация» and its administrator `boss`.
func initialisedDatabase() throws -> String {
    let db = try scratchDirectory() + "/otvet.sqlite"
    let run = Run(["admin", "init", "--db", db, "--org", "Администрация", "--admin", "boss"],
                  stdin: Array("s3cret-pass\n".utf8), environment: fastHashing)
    #expect(run.code == 0, "\(run.stderr)")
    return db
}

func withStore<T>(_ db: String, _ body: (any StoreSession) throws -> T) throws -> T {
    try SQLiteStore(path: db).read(body)
}

func allMessages(_ db: String) throws -> [Message] {
    try withStore(db) { try $0.messages(receivedFrom: Timestamp(seconds: 0), to: Timestamp(seconds: 1 << 40)) }
}

@Suite("Workflow command line") struct WorkflowCLITests {
    @Test func initAddsOrganisationUserAndCategory() throws {
        let db = try initialisedDatabase()
        let org = Run(["admin", "org", "add", "--db", db, "--name", "Отдел ЖКХ", "--parent", "1"])
        #expect(org.code == 0, "\(org.stderr)")
        #expect(org.stdout == "created organisation 2 «Отдел ЖКХ» under organisation 1\n")
        let passwordFile = try temporaryFile(Array("file-pass\r\n".utf8))
        let user = Run(["admin", "user", "add", "--db", db, "--login", "ivanova", "--roles", "executor,head", "--org", "2",
                        "--name", "Иванова А. П.", "--password-file", passwordFile], environment: fastHashing)
        #expect(user.code == 0, "\(user.stderr)")
        #expect(!(user.stdout + user.stderr).contains("file-pass"), "the password is never echoed")
        let category = Run(["admin", "category", "add", "--db", db, "--org", "2", "--name", "Дороги", "--term-days", "15"])
        #expect(category.code == 0, "\(category.stderr)")
        let sub = Run(["admin", "category", "add", "--db", db, "--org", "2", "--name", "Ямы", "--parent", "1",
                       "--fast-track-hours", "48"])
        #expect(sub.code == 0, "\(sub.stderr)")

        try withStore(db) { session in
            #expect(try session.organisations().map(\.name) == ["Администрация", "Отдел ЖКХ"])
            #expect(try session.organisation(id: 2)?.parentID == 1)
            let admin = try #require(try session.user(login: "boss"))
            #expect(admin.roles == [.admin] && admin.organisationID == 1)
            let hasher = PasswordHasher(strength: .minimal)
            #expect(hasher.verify("s3cret-pass", hash: try #require(try session.passwordHash(userID: admin.id))))
            let executor = try #require(try session.user(login: "ivanova"))
            #expect(executor.roles == [.executor, .head] && executor.name == "Иванова А. П." && executor.organisationID == 2)
            #expect(hasher.verify("file-pass", hash: try #require(try session.passwordHash(userID: executor.id))),
                    "one CRLF line ending is dropped")
            let categories = try session.categories(organisationID: 2)
            #expect(categories.map(\.name) == ["Дороги", "Ямы"])
            #expect(categories[0].termDays == 15 && categories[0].fastTrackHours == 24)
            #expect(categories[1].parentID == categories[0].id && categories[1].termDays == 30 && categories[1].fastTrackHours == 48)
        }
    }

    @Test func passwordsComeFromStdinOrAFileAndMustNotBeEmpty() throws {
        let db = try initialisedDatabase()
        let add = ["admin", "user", "add", "--db", db, "--roles", "executor", "--org", "1", "--login"]
        let empty = Run(add + ["a"], stdin: Array("\n".utf8), environment: fastHashing)
        #expect(empty.code == 2)
        #expect(empty.stderr.contains("no password"), "\(empty.stderr)")
        let emptyFile = try temporaryFile([])
        #expect(Run(add + ["b", "--password-file", emptyFile], environment: fastHashing).stderr.contains("the password is empty"))
        #expect(Run(add + ["c", "--password-file", "/no/such/file"], environment: fastHashing).stderr.contains("no such file"))
        // Only one trailing newline goes: the rest belongs to the password.
        #expect(Run(add + ["d"], stdin: Array("two\n\n".utf8), environment: fastHashing).code == 0)
        try withStore(db) { session in
            let user = try #require(try session.user(login: "d"))
            let hash = try #require(try session.passwordHash(userID: user.id))
            #expect(PasswordHasher(strength: .minimal).verify("two\n", hash: hash))
            #expect(try session.user(login: "a") == nil && session.user(login: "b") == nil)
        }
    }

    @Test func initRefusesAnInitialisedDatabaseAndFinishesAnInterruptedOne() throws {
        let db = try initialisedDatabase()
        let again = Run(["admin", "init", "--db", db, "--org", "Другая", "--admin", "root"], stdin: Array("pw".utf8),
                        environment: fastHashing)
        #expect(again.code == 2)
        #expect(again.stderr.contains("already initialised"), "\(again.stderr)")

        let fresh = try scratchDirectory() + "/new.sqlite"
        let badLogin = Run(["admin", "init", "--db", fresh, "--org", "Мэрия", "--admin", "bad login"], stdin: Array("pw".utf8),
                           environment: fastHashing)
        #expect(badLogin.code == 2)
        let retry = Run(["admin", "init", "--db", fresh, "--org", "Мэрия", "--admin", "mayor"], stdin: Array("pw".utf8),
                        environment: fastHashing)
        #expect(retry.code == 0, "\(retry.stderr)")
        #expect(try withStore(fresh) { try $0.organisations().map(\.name) } == ["Мэрия"])
    }

    @Test func adminAndReportErrorsExitTwo() throws {
        let db = try initialisedDatabase()
        let cases: [([String], String)] = [
            (["admin", "org", "add", "--db", db, "--name", "Администрация"], "exists"),
            (["admin", "org", "add", "--db", db, "--name", "X", "--parent", "9"], "no organisation 9"),
            (["admin", "org", "add", "--db", db, "--name", "X", "--parent", "one"], "--parent must be an id"),
            (["admin", "category", "add", "--db", db, "--org", "7", "--name", "Дороги"], "no organisation 7"),
            (["admin", "category", "add", "--db", db, "--org", "1", "--name", "X", "--term-days", "0"], "--term-days"),
            (["admin", "user", "add", "--db", db, "--org", "1", "--login", "x", "--roles", "boss"], "unknown role 'boss'"),
            (["admin", "user", "add", "--db", db, "--org", "1", "--login", "x"], "--roles is required"),
            (["admin", "org", "add", "--db", db + ".missing", "--name", "X"], "no such database"),
            (["report", "--db", db, "--from", "2024-05-01"], "--to is required"),
            (["report", "--db", db, "--from", "2024-05-31", "--to", "2024-05-01"], "the period is empty"),
            (["report", "--db", db, "--from", "May", "--to", "2024-05-01"], "--from must be a date"),
            (["report", "--db", db, "--from", "2024-05-01", "--to", "2024-05-31", "--format", "xml"], "--format"),
            (["workflow", "simulate", "--db", db, "--messages", "0"], "--messages"),
        ]
        for (arguments, expected) in cases {
            let run = Run(arguments, stdin: Array("pw".utf8), environment: fastHashing)
            #expect(run.code == 2, "\(arguments)")
            #expect(run.stderr.contains(expected), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        let notADatabase = try temporaryFile(Array("just text, not SQLite".utf8))
        let foreign = Run(["report", "--db", notADatabase, "--from", "2024-05-01", "--to", "2024-05-31"])
        #expect(foreign.code == 2)
        #expect(foreign.stderr.contains("cannot open the database"), "\(foreign.stderr)")
    }

    @Test func policyIsValidatedAndStored() throws {
        let db = try initialisedDatabase()
        let bad = Run(["admin", "policy", "set", "--db", db, "--org", "1", "-"], stdin: Array("rules:\n  nope: {enabled: false}\n".utf8))
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("<stdin>:2:"), "\(bad.stderr)")
        #expect(try withStore(db) { try $0.policy(organisationID: 1) } == nil)
        let good = Run(["admin", "policy", "set", "--db", db, "--org", "1", "-"], stdin: Array("name: Строгая\npass_mark: 7\n".utf8))
        #expect(good.code == 0, "\(good.stderr)")
        #expect(good.stdout.contains("pass mark 7"))
        #expect(try withStore(db) { try $0.policy(organisationID: 1) } == "name: Строгая\npass_mark: 7\n")
        #expect(Run(["admin", "policy", "set", "--db", db, "--org", "5", "-"], stdin: Array("pass_mark: 7\n".utf8)).code == 2)
    }

    /// Roles change and accounts switch off; a switched-off account no longer signs in.
    @Test func usersChangeRolesAndSwitchOff() throws {
        let db = try initialisedDatabase()
        #expect(Run(["admin", "user", "add", "--db", db, "--login", "ivanova", "--roles", "executor", "--org", "1"],
                    stdin: Array("pw-ivanova\n".utf8), environment: fastHashing).code == 0)
        let roles = Run(["admin", "user", "set", "--db", db, "--login", "ivanova", "--roles", "executor,head"])
        #expect(roles.code == 0, "\(roles.stderr)")
        #expect(try withStore(db) { try $0.user(login: "ivanova") }?.roles == [.executor, .head])
        let workflow = Workflow(store: try SQLiteStore(path: db), pack: try cliTestPack(), hasher: PasswordHasher(strength: .minimal))
        #expect(try workflow.authenticate(login: "ivanova", password: "pw-ivanova") != nil)
        #expect(Run(["admin", "user", "set", "--db", db, "--login", "ivanova", "--active", "no"]).stdout.contains("switched off"))
        #expect(try workflow.authenticate(login: "ivanova", password: "pw-ivanova") == nil)
        #expect(Run(["admin", "user", "set", "--db", db, "--login", "ivanova"]).code == 2, "nothing to change")
        #expect(Run(["admin", "user", "set", "--db", db, "--login", "nobody", "--active", "yes"]).code == 2)
        #expect(Run(["admin", "user", "set", "--db", db, "--login", "ivanova", "--roles", "boss"]).code == 2)
    }

    /// Templates are checked when saved; their findings come back and stay with them.
    @Test func templatesAreCheckedWhenSaved() throws {
        let db = try initialisedDatabase()
        let text = "Администрация сообщает следующее. В настоящее время работы по ремонту дороги ведутся."
        let run = Run(["admin", "template", "add", "--db", db, "--org", "1", "--name", "Дороги", "-"], stdin: Array(text.utf8))
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("«Дороги»"))
        #expect(run.stdout.contains("[bureaucratese]"))
        #expect(run.stdout.contains("[no-deadline]"))
        let stored = try #require(try withStore(db) { try $0.templates(organisationID: 1) }.first)
        #expect(stored.name == "Дороги" && stored.text == text)
        #expect(stored.verdict == .fail)
        #expect(stored.findings.contains { $0.rule == "bureaucratese" && $0.match == "В настоящее время" })
        #expect(Run(["admin", "template", "add", "--db", db, "--org", "1", "-"], stdin: Array(text.utf8)).code == 2)
        #expect(Run(["admin", "template", "add", "--db", db, "--org", "9", "--name", "X", "-"], stdin: Array(text.utf8)).code == 2)
        #expect(Run(["admin", "template", "add", "--db", db, "--org", "1", "--name", "X", "-"], stdin: [0xFF]).code == 2)
    }

    @Test func everyNewCommandHasHelp() {
        for name in ["admin init", "admin org add", "admin user add", "admin user set", "admin category add", "admin policy set",
                     "admin template add",
                     "import messages", "report", "workflow simulate"] {
            let run = Run(name.split(separator: " ").map(String.init) + ["--help"])
            #expect(run.code == 0)
            #expect(run.stdout.hasPrefix("Usage: otvet \(name)"), "\(name)")
        }
        let group = Run(["admin", "--help"])
        #expect(group.code == 0 && group.stdout.contains("admin category add"))
        #expect(Run(["admin", "org", "frob"]).stderr.contains("unknown command 'admin org frob'"))
    }
}
