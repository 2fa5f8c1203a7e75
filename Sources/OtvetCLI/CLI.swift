/// The `otvet` command line: finds the subcommand, runs it, and turns every
/// failure into exit code 2 with one message on stderr.
public enum CLI {
    public static let commands: [any Command.Type] = [
        CheckCommand.self,
        AnalyzeCommand.self,
        RulesListCommand.self,
        RulesShowCommand.self,
        RulesTestCommand.self,
        CorpusScoreCommand.self,
        ServeCommand.self,
        BenchCommand.self,
        AdminInitCommand.self,
        AdminOrgAddCommand.self,
        AdminUserAddCommand.self,
        AdminUserSetCommand.self,
        AdminCategoryAddCommand.self,
        AdminPolicySetCommand.self,
        AdminTemplateAddCommand.self,
        ImportMessagesCommand.self,
        ReportCommand.self,
        WorkflowSimulateCommand.self,
    ]

    public static let version = "0.1.0"

    public static func run(_ arguments: [String], context: CommandContext) -> Int32 {
        if arguments.isEmpty || arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
            context.write(overview())
            return arguments.isEmpty ? ExitCode.failure : ExitCode.success
        }
        if arguments == ["--version"] {
            context.write("otvet \(version)\n")
            return ExitCode.success
        }
        var words = arguments
        if words.first == "help" { words = Array(words.dropFirst()) + ["--help"] }
        guard let command = match(words) else {
            // Groups nest (`admin`, `admin org`): list the deepest group the words name.
            let leading = Array(words.prefix { !$0.hasPrefix("-") })
            func members(_ count: Int) -> [any Command.Type] {
                let prefix = leading.prefix(count).joined(separator: " ") + " "
                return commands.filter { $0.name.hasPrefix(prefix) }
            }
            var known = 0
            while known < leading.count, !members(known + 1).isEmpty { known += 1 }
            if known > 0, known == leading.count {
                context.write(list(members(known), title: "otvet \(leading.joined(separator: " ")) <subcommand>"))
                return words.contains("--help") ? ExitCode.success : ExitCode.failure
            }
            let unknown = leading.isEmpty ? words[0] : leading.prefix(known + 1).joined(separator: " ")
            context.writeError("otvet: error: unknown command '\(unknown)'. Run 'otvet --help'.\n")
            return ExitCode.failure
        }
        let rest = Array(words.dropFirst(command.name.split(separator: " ").count))
        if rest.contains("--help") || rest.contains("-h") {
            context.write(command.help)
            return ExitCode.success
        }
        do {
            var list = ArgumentList(rest, help: command.help)
            let instance = try command.init(parsing: &list)
            return try instance.run(context)
        } catch let error as CLIError {
            context.writeError("otvet \(command.name): error: \(error.description)\n")
            if case .usage = error { context.writeError("Run 'otvet \(command.name) --help' for usage.\n") }
            return ExitCode.failure
        } catch {
            context.writeError("otvet \(command.name): error: \(error)\n")
            return ExitCode.failure
        }
    }

    private static func match(_ words: [String]) -> (any Command.Type)? {
        commands
            .filter { command in
                let parts = command.name.split(separator: " ").map(String.init)
                return words.count >= parts.count && Array(words.prefix(parts.count)) == parts
            }
            .max { $0.name.count < $1.name.count }
    }

    private static func overview() -> String {
        list(commands, title: "otvet <command> [options]") +
            "\nRun 'otvet <command> --help' for a command's options.\n"
    }

    private static func list(_ commands: [any Command.Type], title: String) -> String {
        var width = 0
        for command in commands { width = max(width, command.name.count + 2) }
        var lines: [String] = []
        for command in commands {
            let name = command.name
            lines.append("  " + name + String(repeating: " ", count: width - name.count) + command.summary)
        }
        return "Otvet: checks replies to citizens against the ПОС writing standard.\n\nUsage: \(title)\n\nCommands:\n"
            + lines.joined(separator: "\n") + "\n"
    }
}
