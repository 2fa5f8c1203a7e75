import Foundation
import OtvetRules
import OtvetWorkflow
import Synchronization

/// Options of every command that works on the workflow database. Opening
/// happens here so that every command reports a missing, foreign or newer
/// database file the same way.
struct WorkflowOptions {
    let databasePath: String?
    let rules: RuleOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        databasePath = try arguments.value("--db")
        rules = try RuleOptions(parsing: &arguments)
        if rules.policyPath != nil {
            throw arguments.usage("--policy does not apply here: each organisation has its own ('otvet admin policy set')")
        }
    }

    static let help = """
          --db PATH            The workflow database (default: $OTVET_DB, else ./otvet.sqlite)
          --rules DIR          Rule pack directory (default: $OTVET_RULES, ./Rules, or the one beside the build)
        """

    func path(_ context: CommandContext) -> String {
        let fromEnvironment = context.environment["OTVET_DB"].flatMap { $0.isEmpty ? nil : $0 }
        return InputReader(context: context).resolve(databasePath ?? fromEnvironment ?? "otvet.sqlite")
    }

    /// Opens and migrates the database. Only `admin init` and `workflow simulate`
    /// may `create` one: elsewhere a missing file is a typo, not a wish for an empty database.
    func open(_ context: CommandContext, create: Bool = false) throws(CLIError) -> Workflow {
        let path = path(context)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw .input("\(path): is a directory, not a database") }
        if !exists, !create { throw .input("\(path): no such database (create it with 'otvet admin init')") }
        let pack = try loadPack(context)
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: path)
        } catch let error as SQLiteError {
            let message = error.message.hasPrefix(path + ": ") ? String(error.message.dropFirst(path.count + 2)) : error.message
            throw .input("\(path): cannot open the database: \(message)")
        } catch {
            throw .input("\(path): cannot open the database: \(describe(error))")
        }
        return Workflow(store: store, pack: pack, hasher: Self.hasher(context))
    }

    /// One process runs one command, but the tests run hundreds in one
    /// process: loading the pack once per directory keeps them fast.
    private static let packs = Mutex<[String: RulePack]>([:])

    private func loadPack(_ context: CommandContext) throws(CLIError) -> RulePack {
        let directory = try rules.directory(context)
        if let pack = Self.packs.withLock({ $0[directory] }) { return pack }
        let pack = try rules.loadPack(context)
        Self.packs.withLock { $0[directory] = pack }
        return pack
    }

    /// `OTVET_PASSWORD_HASH=minimal` is for tests only: the cheapest Argon2id
    /// keeps suites that create many users fast. Never set it in production.
    static func hasher(_ context: CommandContext) -> PasswordHasher {
        PasswordHasher(strength: context.environment["OTVET_PASSWORD_HASH"] == "minimal" ? .minimal : .interactive)
    }
}

/// Runs workflow code and turns its errors into one clear line (exit 2);
/// SQL text is left out, it helps no operator.
func workflowStep<T>(_ body: () throws -> T) throws(CLIError) -> T {
    do {
        return try body()
    } catch let error as CLIError {
        throw error
    } catch {
        throw .input(describe(error))
    }
}

func describe(_ error: any Error) -> String {
    switch error {
    case let error as WorkflowError: error.description
    case let error as ImportError: error.description
    case let error as SQLiteError: "database error: \(error.message)"
    case let error as CustomStringConvertible: error.description
    default: "\(error)"
    }
}

/// A new user's password: from a file or stdin, never from an argument,
/// so it stays out of the process list and the shell history.
struct PasswordSource {
    let file: String?

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        file = try arguments.value("--password-file")
    }

    static let help = """
          --password-file FILE The password (default: read from stdin); one trailing newline is dropped
        """

    func read(_ context: CommandContext) throws(CLIError) -> String {
        let input = try InputReader(context: context).read(file ?? "-")
        var bytes = Array(input.text.utf8)
        if bytes.last == 0x0A { bytes.removeLast(); if bytes.last == 0x0D { bytes.removeLast() } }
        guard !bytes.isEmpty else {
            throw .input(file == nil ? "no password: pipe it to stdin or use --password-file FILE" : "\(input.name): the password is empty")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension ArgumentList {
    /// An id option: a positive whole number.
    mutating func id(_ name: String) throws(CLIError) -> Int? {
        guard let text = try value(name) else { return nil }
        guard let id = Int(text), id > 0 else { throw usage("\(name) must be an id (a positive whole number), not '\(text)'") }
        return id
    }

    mutating func required<T>(_ value: T?, _ name: String) throws(CLIError) -> T {
        guard let value else { throw usage("\(name) is required") }
        return value
    }
}
