import OtvetRules
import OtvetWorkflow

/// `otvet workflow simulate`: a stream of real transitions through the real
/// workflow — a demo database in one command, and the workload of the crash
/// test, which kills it mid-stream and checks that every line it printed
/// survived.
struct WorkflowSimulateCommand: Command {
    static let name = "workflow simulate"
    static let summary = "Fill a database with simulated messages walked through the workflow"
    static let help = """
        Usage: otvet workflow simulate --messages N [--seed S] [--db PATH] [--rules DIR]

        Imports N messages and walks each through the workflow — assign,
        draft, submit, approve; some are rejected by the head once, drafted
        with an error first, approved past a failing check with a reason,
        reopened by the applicant, or redirected — interleaving several
        messages at a time. Each transition is its own transaction; after
        it commits one line is written (unbuffered):

          committed <message-number> <action> <version>

        and a summary line at the end. The same seed gives the same stream.

        On an empty database it first creates a demo organisation
        (Демо-администрация, strict policy: pass mark 9), two categories and
        users with random passwords nobody knows (demo-coordinator,
        demo-executor1…3, demo-head, demo-admin); otherwise it uses the first
        organisation that has a coordinator, an executor, a head and an admin.

        Options:
          --messages N         How many messages, 1–100000
          --seed S             Seed of the generator (default: 2021)
        \(WorkflowOptions.help)

        """

    let count: Int
    let seed: UInt64
    let options: WorkflowOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        count = try arguments.required(arguments.integer("--messages", in: 1...100_000), "--messages")
        let seedText = try arguments.value("--seed") ?? "2021"
        guard let seed = UInt64(seedText) else { throw arguments.usage("--seed must be a whole number, not '\(seedText)'") }
        self.seed = seed
        options = try WorkflowOptions(parsing: &arguments)
        try arguments.finish()
    }

    /// A message on its way, with what is left of its path.
    private struct Flight {
        let message: Message
        var steps: ArraySlice<SimulationScript.Step>
        var executor: Actor?
        var lastVerdict: Verdict?
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let workflow = try options.open(context, create: true)
        let cast = try workflowStep { try SimulationCast.find(in: workflow) ?? SimulationCast.create(in: workflow) }
        guard let cast else {
            throw CLIError.input("no organisation has a coordinator, an executor, a head and an admin; "
                                 + "run 'workflow simulate' on an empty database")
        }
        let existing = try workflowStep {
            try workflow.store.read { session in
                try session.stateCounts(organisationIDs: session.organisations().map(\.id)).values.reduce(0, +)
            }
        }
        var script = SimulationScript(seed: seed)
        var active: [Flight] = []
        var imported = 0
        var tally: [Action: Int] = [:]
        var transitions = 0
        var overridden = 0
        while imported < count || !active.isEmpty {
            if imported < count, active.count < 5, active.isEmpty || script.next(2) == 0 {
                let number = "SIM-" + String(existing + imported + 1).leftPadded(6)
                let incoming = script.message(number: number, organisationID: cast.organisationID,
                                              categories: cast.categories, now: workflow.now)
                let message = try workflowStep { try workflow.importMessage(incoming) }
                context.write("committed \(message.number) receive \(message.version)\n")
                active.append(Flight(message: message, steps: script.path()[...]))
                imported += 1
                transitions += 1
                continue
            }
            let index = script.next(active.count)
            var flight = active[index]
            let step = flight.steps.removeFirst()
            let (actor, request) = Self.prepare(step, &flight, cast: cast, script: &script)
            let outcome = try workflowStep {
                do {
                    return try workflow.perform(step.action, on: flight.message.id, by: actor, request)
                } catch {
                    throw CLIError.input("\(flight.message.number) \(step.action.rawValue): \(describe(error))")
                }
            }
            if case .draft = step { flight.lastVerdict = outcome.draft?.verdict }
            // The executor's write is an unbuffered write(2): the line is out before the next step begins.
            context.write("committed \(flight.message.number) \(step.action.rawValue) \(outcome.message.version)\n")
            tally[step.action, default: 0] += 1
            transitions += 1
            if outcome.entry.overrideReason != nil { overridden += 1 }
            if flight.steps.isEmpty { active.remove(at: index) } else { active[index] = flight }
        }
        context.write("simulated \(count) messages in organisation \(cast.organisationID): \(transitions) transitions; "
                      + "\(tally[.approve] ?? 0) approved (\(overridden) past the check), \(tally[.reject] ?? 0) rejected, "
                      + "\(tally[.reopen] ?? 0) reopened, \(tally[.approveRedirect] ?? 0) redirected\n")
        return ExitCode.success
    }

    /// Who takes the step and what they fill in.
    private static func prepare(_ step: SimulationScript.Step, _ flight: inout Flight, cast: SimulationCast,
                                script: inout SimulationScript) -> (Actor, TransitionRequest) {
        var request = TransitionRequest()
        switch step {
        case .assign:
            let executor = cast.executors[script.next(cast.executors.count)]
            flight.executor = executor
            request.executorID = executor.user.id
            return (cast.coordinator, request)
        case .draft(let answer):
            request.draft = script.draft(answer, signer: cast.head.user.name)
            return (flight.executor ?? cast.coordinator, request)
        case .submit:
            return (flight.executor ?? cast.coordinator, request)
        case .reject:
            request.comment = "Уточните, кто и когда выполнит работы."
            return (cast.head, request)
        case .approve:
            // The head signs off a draft that fails the check only with a written reason.
            if flight.lastVerdict == .fail { request.overrideReason = "Срок согласован с заявителем по телефону." }
            return (cast.head, request)
        case .reopen:
            return (cast.admin, request)
        case .redirect:
            request.redirectTo = "Министерство транспорта Тверской области"
            return (cast.coordinator, request)
        case .approveRedirect:
            return (cast.head, request)
        }
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
