import OtvetWorkflow

/// `otvet report`: the guide's monthly rating from the workflow database,
/// for the operator (every organisation; no login).
struct ReportCommand: Command {
    static let name = "report"
    static let summary = "The rating per organisation and per executor for a period"
    static let help = """
        Usage: otvet report --from DATE --to DATE [--format text|json|csv] [--db PATH] [--rules DIR]

        Counts the messages received in the period, per organisation and per
        executor: received; answered (sent to the applicant) and its share in
        the guide's bands 80–100 %, 50–79 %, 0–49 %; overdue; redirected;
        returned for repeat review; approvals a head pushed past a failing
        check; the average check score of the answers sent; the rules found
        most often in them.

        DATE is 2024-05-01 (midnight UTC) or a time such as
        2024-05-01T00:00:00+03:00. --to DATE includes that whole day; a --to
        time is the exclusive end.

        Options:
          --from DATE          First day (or moment) of the period
          --to DATE            Last day of the period, or the moment it ends
          --format FORMAT      text (tables), json, or csv (one row per organisation and
                               per executor, header row, RFC 4180, UTF-8) (default: text)
        \(WorkflowOptions.help)

        """

    let from: Timestamp
    let to: Timestamp
    let format: String
    let options: WorkflowOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        let fromText = try arguments.required(arguments.value("--from"), "--from")
        let toText = try arguments.required(arguments.value("--to"), "--to")
        guard let from = Timestamp(fromText) else { throw arguments.usage("--from must be a date like 2024-05-01, not '\(fromText)'") }
        guard let to = Timestamp(toText) else { throw arguments.usage("--to must be a date like 2024-05-31, not '\(toText)'") }
        self.from = from
        // A bare date names a whole day: the period ends at the next midnight.
        self.to = toText.count == 10 ? to.adding(days: 1) : to
        guard from < self.to else { throw arguments.usage("the period is empty: --from must be before --to") }
        format = try arguments.choice("--format", ["text", "json", "csv"]) ?? "text"
        options = try WorkflowOptions(parsing: &arguments)
        try arguments.finish()
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let workflow = try options.open(context)
        let report = try workflowStep { try workflow.rating(from: from, to: to) }
        switch format {
        case "json": context.write(JSONOutput.encode(report))
        case "csv": context.write(report.csv)
        default: context.write(RatingText.render(report))
        }
        return ExitCode.success
    }
}
