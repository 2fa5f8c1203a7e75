import Dispatch
import Foundation
import OtvetRules
import Synchronization
import Testing
@testable import OtvetWorkflow

/// Two heads press «Утвердить» on the same prepared answer at once.
@Suite("Concurrency") struct ConcurrencyTests {
    /// Runs both approvals on two threads released together; returns each side's error (nil: it won).
    private static func race(_ first: @escaping @Sendable () throws -> TransitionOutcome,
                             _ second: @escaping @Sendable () throws -> TransitionOutcome) -> [WorkflowError?] {
        let results = Mutex<[Int: Result<TransitionOutcome, any Error>]>([:])
        let started = DispatchGroup()
        let finished = DispatchGroup()
        let go = DispatchSemaphore(value: 0)
        for (index, body) in [first, second].enumerated() {
            started.enter()
            finished.enter()
            // Real threads, so that neither waits for a pool thread the other holds.
            Thread {
                started.leave()
                go.wait()
                let result = Result { try body() }
                results.withLock { $0[index] = result }
                finished.leave()
            }.start()
        }
        started.wait()
        go.signal()
        go.signal()
        finished.wait()
        return results.withLock { results in
            (0..<2).map { index -> WorkflowError? in
                switch results[index]! {
                case .success: return nil
                case .failure(let error as WorkflowError): return error
                case .failure(let error):
                    Issue.record("not a WorkflowError: \(error)")
                    return .invalid("\(error)")
                }
            }
        }
    }

    private static func checkOneWinner(_ errors: [WorkflowError?], message: Message, world: World,
                                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(errors.filter { $0 == nil }.count == 1, "exactly one approval wins: \(errors)", sourceLocation: sourceLocation)
        #expect(errors.compactMap { $0?.kind } == ["conflict"], "the other is a conflict: \(errors)", sourceLocation: sourceLocation)
        let after = try world.message(message.id)
        #expect(after.state == .sent, sourceLocation: sourceLocation)
        #expect(after.version == message.version + 1, "raised once", sourceLocation: sourceLocation)
        let approvals = try world.history(message.id).filter { $0.action == "approve" }
        #expect(approvals.count == 1, sourceLocation: sourceLocation)
        let winner = errors[0] == nil ? world.head.id : world.head2.id
        #expect(approvals.first?.actorID == winner, "the history names the head who won", sourceLocation: sourceLocation)
    }

    private static func preparedMessage(_ world: World) throws -> Message {
        let message = try world.receive()
        try world.prepared(message)
        return try world.message(message.id)
    }

    @Test func twoHeadsOnOneConnection() throws {
        let world = try World()
        let wf = world.workflow
        let head = try world.actor(world.head)
        let head2 = try world.actor(world.head2)
        for _ in 0..<20 {
            let message = try Self.preparedMessage(world)
            let errors = Self.race({ try wf.perform(.approve, on: message.id, by: head) },
                                   { try wf.perform(.approve, on: message.id, by: head2) })
            try Self.checkOneWinner(errors, message: message, world: world)
        }
    }

    @Test func twoHeadsOnTwoConnections() throws {
        let world = try World()
        // A second store on the same file: another connection, as a second process would have.
        let otherStore = try SQLiteStore(path: world.path)
        let clock = world.clock
        let other = Workflow(store: otherStore, pack: world.pack, hasher: PasswordHasher(strength: .minimal),
                             clock: { clock.now })
        let head = try world.actor(world.head)
        let head2 = try other.actor(userID: world.head2.id, role: .head)
        for _ in 0..<20 {
            let message = try Self.preparedMessage(world)
            let errors = Self.race({ try world.workflow.perform(.approve, on: message.id, by: head) },
                                   { try other.perform(.approve, on: message.id, by: head2) })
            try Self.checkOneWinner(errors, message: message, world: world)
            // Both connections see the same outcome.
            #expect(try other.card(message.id, for: head2).message == world.message(message.id))
        }
    }

    @Test func manyTransitionsFromManyThreadsKeepVersionsAndHistoryInStep() throws {
        let world = try World()
        let otherStore = try SQLiteStore(path: world.path)
        let clock = world.clock
        let other = Workflow(store: otherStore, pack: world.pack, hasher: PasswordHasher(strength: .minimal),
                             clock: { clock.now })
        let messages = try (0..<8).map { _ in try world.receive() }
        let coordinator = try world.actor(world.coordinator)
        let executor = try world.actor(world.executor)
        // Each thread drives its own message to «Подготовленные ответы», alternating connections.
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: messages.count) { index in
            let wf = index.isMultiple(of: 2) ? world.workflow : other
            do {
                try wf.perform(.assign, on: messages[index].id, by: coordinator, TransitionRequest(executorID: world.executor.id))
                try wf.perform(.draft, on: messages[index].id, by: executor, TransitionRequest(draft: world.input(Texts.good)))
                try wf.perform(.submit, on: messages[index].id, by: executor)
            } catch {
                failures.withLock { $0.append("\(index): \(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        for message in messages {
            let stored = try world.message(message.id)
            #expect(stored.state == .prepared)
            #expect(stored.version == 4)
            #expect(try world.history(message.id).map(\.action) == ["receive", "assign", "draft", "submit"])
            #expect(try world.drafts(message.id).map(\.version) == [1])
        }
    }

    @Test func staleExpectedVersionIsAConflict() throws {
        let world = try World()
        let wf = world.workflow
        let head = try world.actor(world.head)
        let message = try Self.preparedMessage(world)
        // The head opened the card at version 3; then the other head edited the answer.
        let seen = try wf.card(message.id, for: head).message.version
        try wf.perform(.edit, on: message.id, by: world.actor(world.head2), TransitionRequest(draft: world.input(Texts.revision)))
        let error = try #require(workflowError {
            try wf.perform(.approve, on: message.id, by: head, TransitionRequest(expectedVersion: seen))
        })
        #expect(error.kind == "conflict")
        #expect(error.description.contains("reload"))
        let after = try world.message(message.id)
        #expect(after.state == .prepared)
        #expect(after.version == seen + 1)
        #expect(try world.history(message.id).filter { $0.action == "approve" }.isEmpty)
        // A stale version is refused even for a step that would otherwise be refused for the state.
        #expect(workflowError { try wf.perform(.reopen, on: message.id, by: world.actor(world.admin),
                                               TransitionRequest(expectedVersion: 1)) }?.kind == "conflict")
        // With the current version it goes through.
        let approved = try wf.perform(.approve, on: message.id, by: head, TransitionRequest(expectedVersion: after.version))
        #expect(approved.message.version == after.version + 1)
        #expect(approved.draft?.text == Texts.revision, "the head approves what he now sees")
    }

    @Test func theStoreRefusesAWriteFromAStaleVersion() throws {
        let world = try World()
        let message = try world.receive()
        var changed = message
        changed.state = .inWork
        try world.store.write { _ = try $0.update(changed, expectedVersion: message.version) }
        #expect(try world.message(message.id).version == message.version + 1)
        let error = workflowError { try world.store.write { try $0.update(changed, expectedVersion: message.version) } }
        #expect(error?.kind == "conflict")
        #expect(try world.message(message.id).version == message.version + 1)
    }
}

@Suite("Concurrent opening") struct ConcurrentOpeningTests {
    /// Two processes (a server and the CLI, say) open a new database at the same moment: both must
    /// come up migrated, each migration applied once.
    @Test func twoStoresOpenANewFileAtOnce() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for round in 0..<30 {
            let path = directory.appendingPathComponent("db-\(round).sqlite").path
            let failures = Mutex<[String]>([])
            let go = DispatchSemaphore(value: 0)
            let done = DispatchGroup()
            for _ in 0..<2 {
                done.enter()
                Thread {
                    go.wait()
                    do { _ = try SQLiteStore(path: path) } catch { failures.withLock { $0.append("\(error)") } }
                    done.leave()
                }.start()
            }
            go.signal()
            go.signal()
            done.wait()
            #expect(failures.withLock { $0 } == [], "round \(round)")
            let store = try SQLiteStore(path: path)
            let names = try store.database.read { try $0.rows("SELECT name FROM schema_migrations", []) }.map { $0.string("name") }
            #expect(names.sorted() == Schema.migrator.migrations.map(\.name).sorted())
        }
    }

    /// Opening (and so migrating) a database that another connection is writing to.
    @Test func openingAnExistingFileWhileAnotherWrites() throws {
        let world = try World()
        let stop = Mutex(false)
        let failures = Mutex<[String]>([])
        let writer = Thread {
            while !stop.withLock({ $0 }) {
                do { try world.receive() } catch { failures.withLock { $0.append("writer \(error)") } }
                Thread.sleep(forTimeInterval: 0.002)
            }
        }
        writer.start()
        let done = DispatchGroup()
        for _ in 0..<2 {
            done.enter()
            Thread {
                for _ in 0..<20 {
                    do { _ = try SQLiteStore(path: world.path) } catch { failures.withLock { $0.append("\(error)") } }
                }
                done.leave()
            }.start()
        }
        done.wait()
        stop.withLock { $0 = true }
        #expect(failures.withLock { $0 } == [])
    }
}
