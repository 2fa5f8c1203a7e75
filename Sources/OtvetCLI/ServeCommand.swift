import Dispatch
import Foundation
import OtvetCorpus
import OtvetHTTP
import OtvetRules
import OtvetWorkflow

/// `otvet serve`: the HTTP service on the embedded SQLite default.
struct ServeCommand: Command {
    static let name = "serve"
    static let summary = "Run the HTTP service (check API, LanguageTool API, workflow API)"
    static let help = """
        Usage: otvet serve [--host 127.0.0.1] [--port 8080] [--db PATH] [--rules DIR] [--policy FILE]
                           [--threads N] [--max-body BYTES] [--max-connections N] [--timeout SECONDS]
                           [--check-access loopback|open|token] [--public-check on|off] [--corpus DIR]

        Starts the service on the embedded SQLite database (created and
        migrated on first start) and says where it listens. SIGINT or
        SIGTERM stops it cleanly: requests in flight finish first.
        One JSON access-log line per request goes to stderr.

        Options:
          --host ADDRESS        IPv4 or IPv6 address to listen on (default: 127.0.0.1)
          --port N              Port (default: 8080; 0 picks a free one)
          --db PATH             SQLite database (default: $OTVET_DB or ./otvet.sqlite)
          --threads N           Worker threads (default: the number of cores)
          --max-body BYTES      Largest request body (default: 1048576)
          --max-connections N   Open connections before answering 503 (default: 256)
          --timeout SECONDS     Idle connection timeout (default: 30)
          --check-access MODE   Whether /v1/check and /v2/check need a token (default: loopback —
                                open to loopback clients, a token elsewhere)
          --public-check on|off Serve the public check page /check (default: on)
          --corpus DIR          The trainers' corpus for the cabinet (default: ./Corpus when present)
        \(RuleOptions.help)

        """

    let configuration: ServerConfiguration
    let databasePath: String?
    let checkAccess: Service.Settings.CheckAccess
    let publicCheck: Bool
    let corpusDirectory: String?
    let rules: RuleOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        var configuration = ServerConfiguration()
        configuration.host = try arguments.value("--host") ?? "127.0.0.1"
        configuration.port = UInt16(try arguments.integer("--port", in: 0...65535) ?? 8080)
        configuration.threads = try arguments.integer("--threads", in: 1...256) ?? configuration.threads
        configuration.maximumBodyBytes = try arguments.integer("--max-body", in: 1024...(64 << 20)) ?? configuration.maximumBodyBytes
        configuration.connectionLimit = try arguments.integer("--max-connections", in: 1...100_000) ?? configuration.connectionLimit
        configuration.timeoutSeconds = try arguments.integer("--timeout", in: 1...3600) ?? configuration.timeoutSeconds
        self.configuration = configuration
        databasePath = try arguments.value("--db")
        checkAccess = Service.Settings.CheckAccess(
            rawValue: try arguments.choice("--check-access", ["loopback", "open", "token"]) ?? "loopback")!
        publicCheck = try arguments.choice("--public-check", ["on", "off"]) != "off"
        corpusDirectory = try arguments.value("--corpus")
        rules = try RuleOptions(parsing: &arguments)
        try arguments.finish()
    }

    /// The corpus named by --corpus, or ./Corpus when it is there; a corpus that does not load is an error.
    private func loadCorpus(_ context: CommandContext, pack: RulePack) throws -> [CorpusCase]? {
        let reader = InputReader(context: context)
        let path = reader.resolve(corpusDirectory ?? "Corpus")
        guard corpusDirectory != nil || FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try CorpusLoader.load(directory: path, knownRules: Set(pack.rules.map(\.id)))
        } catch {
            throw CLIError.input("the corpus does not load:\n\(error.description)")
        }
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let pack = try rules.loadPack(context)
        let policy = try rules.loadPolicy(context, pack: pack)
        let path = InputReader(context: context).resolve(databasePath ?? context.environment["OTVET_DB"] ?? "otvet.sqlite")
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: path)
        } catch {
            throw CLIError.input("\(path): the database cannot be opened: \(error)")
        }
        var settings = Service.Settings()
        settings.checkAccess = checkAccess
        settings.publicCheckPage = publicCheck
        let service = Service(pack: pack, policy: policy, workflow: Workflow(store: store, pack: pack, hasher: WorkflowOptions.hasher(context)),
                              corpus: try loadCorpus(context, pack: pack), settings: settings)
        let server: HTTPServer
        do {
            server = try HTTPServer(configuration: configuration, handler: service)
        } catch {
            throw CLIError.input("cannot start the server: \(error)")
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        context.write("otvet listening on http://\(host):\(server.port) (database \(path), \(pack.rules.count) rules)\n")
        ShutdownSignal.wait()
        context.write("otvet stopping: finishing requests in flight\n")
        server.stop()
        context.write("otvet stopped\n")
        return ExitCode.success
    }
}

/// Blocks until SIGINT or SIGTERM. The handlers run on a Dispatch queue, never
/// in signal context and never on the main actor.
enum ShutdownSignal {
    static func wait() {
        let semaphore = DispatchSemaphore(value: 0)
        let queue = DispatchQueue(label: "otvet.signals")
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { semaphore.signal() }
            source.resume()
            sources.append(source)
        }
        semaphore.wait()
        sources.forEach { $0.cancel() }
    }
}
