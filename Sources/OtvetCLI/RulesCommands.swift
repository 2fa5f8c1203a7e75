import OtvetRules
import OtvetText

/// `otvet rules list`
struct RulesListCommand: Command {
    static let name = "rules list"
    static let summary = "List the rules: id, kind, severity, description"
    static let help = "Usage: otvet rules list [--rules DIR]\n\n\(RuleOptions.help)\n"

    let rules: RuleOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        rules = try RuleOptions(parsing: &arguments)
        try arguments.finish()
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let pack = try rules.loadPack(context)
        let width = pack.rules.map { $0.id.count }.max() ?? 0
        let kindWidth = pack.rules.map { $0.description.kind.count }.max() ?? 0
        for rule in pack.rules {
            let description = rule.description
            context.write(description.id.padding(width) + "  " + description.kind.padding(kindWidth) + "  "
                          + description.severity.rawValue.padding(10) + "  " + description.summary + "\n")
        }
        return ExitCode.success
    }
}

/// `otvet rules show ID`
struct RulesShowCommand: Command {
    static let name = "rules show"
    static let summary = "Show a rule's explanation, settings and examples"
    static let help = "Usage: otvet rules show ID [--rules DIR]\n\n\(RuleOptions.help)\n"

    let id: String
    let rules: RuleOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        rules = try RuleOptions(parsing: &arguments)
        let ids = try arguments.positionals()
        guard ids.count == 1 else { throw arguments.usage("rules show takes one rule id") }
        id = ids[0]
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let pack = try rules.loadPack(context)
        guard let rule = pack.rule(id) else { throw CLIError.input("no rule '\(id)' (see 'otvet rules list')") }
        context.write(RuleText.explanation(rule))
        return ExitCode.success
    }
}

/// `otvet rules test`: a trainer runs it after editing `Rules/`.
struct RulesTestCommand: Command {
    static let name = "rules test"
    static let summary = "Run every rule's examples and report failures"
    static let help = """
        Usage: otvet rules test [--rules DIR]

        Each bad example must be reported exactly at its [[…]] marks, each
        good example not at all, also after a multi-byte prefix. Exit code 1
        when any example fails.

        \(RuleOptions.help)

        """

    let rules: RuleOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        rules = try RuleOptions(parsing: &arguments)
        try arguments.finish()
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let pack = try rules.loadPack(context)
        let runner = RuleExampleRunner(analyzer: pack.resources.analyzer)
        var failures = 0
        var examples = 0
        for rule in pack.rules {
            examples += rule.description.examples.count
            for failure in runner.run(rule, settings: rule.description.settings) {
                failures += 1
                context.writeError(failure.description + "\n")
            }
        }
        context.write("rule examples: \(examples - failures) passed, \(failures) failed (\(pack.rules.count) rules)\n")
        return failures == 0 ? ExitCode.success : ExitCode.findings
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
