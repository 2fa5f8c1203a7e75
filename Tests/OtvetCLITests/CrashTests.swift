import Foundation
import OtvetWorkflow
import Testing

/// The real `otvet` executable of this build: it sits beside the test
/// bundle in the build products directory (whatever --scratch-path was).
enum OtvetBinary {
    static let path: String? = {
        var directories: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        directories.append(runner.deletingLastPathComponent())
        if let executable = Bundle.main.executableURL { directories.append(executable.resolvingSymlinksInPath().deletingLastPathComponent()) }
        // macOS runs the .xctest bundle inside a host; the bundle itself sits in the products directory.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        directories.append(repositoryRoot.appendingPathComponent(".build/debug"))
        return directories.map { $0.appendingPathComponent("otvet").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}

/// One line of `workflow simulate`: a transition that had committed when it was printed.
struct CommittedLine: Hashable {
    let number: String
    let action: String
    let version: Int

    init?(_ line: Substring) {
        let parts = line.split(separator: " ")
        guard parts.count == 4, parts[0] == "committed", let version = Int(parts[3]) else { return nil }
        number = String(parts[1])
        action = String(parts[2])
        self.version = version
    }
}

@Suite("Crash safety") struct CrashTests {
    /// kill -9 in the middle of a stream of transitions: every transition
    /// reported as committed is in the database, and the database is whole.
    @Test(.enabled(if: OtvetBinary.path != nil,
                   "the otvet executable is not next to the test bundle: build with 'swift build --build-tests' first"),
          arguments: [50, 173])
    func killNineLosesNoCommittedTransition(killAfter: Int) throws {
        let db = try scratchDirectory() + "/crash.sqlite"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: OtvetBinary.path!)
        process.arguments = ["workflow", "simulate", "--db", db, "--messages", "400"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["OTVET_PASSWORD_HASH": "minimal", "OTVET_RULES": OtvetBinary.repositoryRoot.appendingPathComponent("Rules").path]) { $1 }
        process.currentDirectoryURL = OtvetBinary.repositoryRoot
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let pid = process.processIdentifier
        // Should the child hang, a watchdog kill ends the read below with EOF.
        DispatchQueue.global().asyncAfter(deadline: .now() + 120) { kill(pid, SIGKILL) }

        var received = Data()
        var committedBeforeKill = 0
        while committedBeforeKill < killAfter {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
            committedBeforeKill = String(decoding: received, as: UTF8.self).split(separator: "\n").count { $0.hasPrefix("committed ") }
        }
        kill(pid, SIGKILL)
        process.waitUntilExit()
        // Lines written between our count and the kill were committed too.
        received.append(output.fileHandleForReading.readDataToEndOfFile())
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .uncaughtSignal, "the simulation ended before the kill: \(stderr)")
        #expect(committedBeforeKill >= killAfter, "the simulation printed too little: \(stderr)")

        // Only whole lines count: a line cut by the kill was never promised.
        let pieces = String(decoding: received, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let committed = pieces.dropLast().compactMap(CommittedLine.init)

        let store = try SQLiteStore(path: db)
        let integrity = try store.database.read { try $0.rows("PRAGMA integrity_check", []) }
        #expect(integrity.map { $0.string("integrity_check") } == ["ok"])
        #expect(try store.database.read { try $0.rows("PRAGMA foreign_key_check", []) }.isEmpty)

        var transitions = 0
        let messages = try store.read { session in
            try session.messages(receivedFrom: Timestamp(seconds: 0), to: Timestamp(seconds: 1 << 40))
        }
        var histories: [String: [HistoryEntry]] = [:]
        for message in messages {
            let (history, drafts) = try store.read { session in
                (try session.history(messageID: message.id), try session.drafts(messageID: message.id))
            }
            histories[message.number] = history
            transitions += history.count
            #expect(history.first?.action == "receive", "\(message.number)")
            #expect(history.count == message.version, "\(message.number): history rows after receive = version - 1")
            #expect(history.last?.toState == message.state, "\(message.number): state matches the last history entry")
            // The simulation saves every draft with a `draft` step: draft rows and history rows agree.
            #expect(drafts.count == history.filter { $0.action == "draft" }.count, "\(message.number)")
        }
        var lost: [CommittedLine] = []
        for line in committed {
            guard let message = messages.first(where: { $0.number == line.number }), let history = histories[line.number],
                  message.version >= line.version, history.indices.contains(line.version - 1),
                  history[line.version - 1].action == line.action else {
                lost.append(line)
                continue
            }
        }
        #expect(lost.isEmpty, "committed but not in the database: \(lost)")
        print("crash test (kill after \(killAfter)): \(committedBeforeKill) committed lines when killed, \(committed.count) "
              + "printed in all; database: \(messages.count) messages, \(transitions) history rows; lost: \(lost.count)")
    }
}
