import OtvetRules
import OtvetText

/// `otvet check`: the executor's check of a draft before it goes for approval.
struct CheckCommand: Command {
    static let name = "check"
    static let summary = "Check draft answers against the writing standard"
    static let help = """
        Usage: otvet check [FILE…|-] [--format text|json|sarif] [--fail-on error|warning|suggestion]
                           [--type resolved|unresolved|postponed|rejected] [--message FILE]
                           [--rules DIR] [--policy FILE] [--explain RULE]

        Checks each draft (stdin when FILE is '-' or absent) and prints the
        findings with their line:column, the score 0–10 and the verdict.

        Exit codes: 0 nothing at or above --fail-on (default: error);
        1 findings at or above it; 2 bad usage or unreadable input.

        Options:
          --format FORMAT      text, json or sarif (SARIF 2.1.0) (default: text);
                               colour only on a terminal without NO_COLOR
          --fail-on LEVEL      Lowest severity that makes the exit code 1 (default: error)
          --type TYPE          The answer type: checks that the text fits it
          --message FILE       The citizen's message: enables the off-topic check
          --explain RULE       Print a rule's explanation and examples instead of checking
        \(RuleOptions.help)

        """

    let paths: [String]
    let format: String
    let failOn: Severity
    let answerType: AnswerType?
    let messagePath: String?
    let explain: String?
    let rules: RuleOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        format = try arguments.choice("--format", ["text", "json", "sarif"]) ?? "text"
        failOn = Severity(rawValue: try arguments.choice("--fail-on", Severity.allCases.map(\.rawValue)) ?? "error")!
        answerType = try arguments.choice("--type", AnswerType.allCases.map(\.rawValue)).flatMap(AnswerType.init)
        messagePath = try arguments.value("--message")
        explain = try arguments.value("--explain")
        rules = try RuleOptions(parsing: &arguments)
        let positionals = try arguments.positionals()
        paths = positionals.isEmpty ? ["-"] : positionals
        if paths.filter({ $0 == "-" }).count > 1 { throw arguments.usage("stdin ('-') can be read only once") }
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let pack = try rules.loadPack(context)
        if let explain {
            guard let rule = pack.rule(explain) else {
                throw CLIError.input("no rule '\(explain)' (see 'otvet rules list')")
            }
            context.write(RuleText.explanation(rule))
            return ExitCode.success
        }
        let checker = Checker(pack: pack, policy: try rules.loadPolicy(context, pack: pack))
        let reader = InputReader(context: context)
        let message = try messagePath.map { try reader.read($0).text }
        var reports: [FileReport] = []
        for path in paths {
            let input = try reader.read(path)
            let result = try checker.check(Draft(text: input.text, message: message, answerType: answerType))
            reports.append(FileReport(file: input.name, text: input.text, result: result))
        }
        switch format {
        case "sarif":
            context.write(SARIFReporter.report(reports, pack: pack))
        case "json":
            context.write(JSONOutput.encode(reports.count == 1 ? [reports[0].json] : reports.map(\.json)))
        default:
            let style = TerminalStyle(enabled: context.useColor)
            for report in reports { context.write(TextReporter(style: style).report(report)) }
        }
        let failing = reports.contains { $0.result.findings.contains { $0.severity >= failOn } }
        return failing ? ExitCode.findings : ExitCode.success
    }
}

/// One checked input.
struct FileReport {
    let file: String
    let text: String
    let result: CheckResult

    struct JSON: Encodable {
        let file: String
        let score: Double
        let verdict: Verdict
        let passMark: Double
        let findings: [Finding]
    }

    var json: JSON {
        JSON(file: file, score: result.score, verdict: result.verdict, passMark: result.passMark, findings: result.findings)
    }
}
