import OtvetWorkflow

/// `otvet admin user set`: change a user's roles, or switch the account off and on.
struct AdminUserSetCommand: Command {
    static let name = "admin user set"
    static let summary = "Change a user's roles, or switch the account off or on"
    static let help = """
        Usage: otvet admin user set --login LOGIN [--roles ROLE[,ROLE…]] [--active yes|no] [--db PATH] [--rules DIR]

        Replaces the user's roles, and/or switches the account off (--active no)
        or back on. A switched-off account cannot sign in, and its sessions and
        tokens stop working at once; its history stays.

        Options:
          --login LOGIN        The user
          --roles LIST         The new comma-separated roles, e.g. executor,head
          --active yes|no      Whether the account may sign in
        \(WorkflowOptions.help)

        """

    let login: String
    let roles: Set<Role>?
    let active: Bool?
    let options: WorkflowOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        login = try arguments.required(arguments.value("--login"), "--login")
        if let list = try arguments.value("--roles") {
            do { roles = try Role.parseList(list) } catch { throw arguments.usage("--roles: \(error.description)") }
        } else {
            roles = nil
        }
        active = try arguments.choice("--active", ["yes", "no"]).map { $0 == "yes" }
        guard roles != nil || active != nil else { throw arguments.usage("say what to change: --roles and/or --active") }
        options = try WorkflowOptions(parsing: &arguments)
        try arguments.finish()
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let workflow = try options.open(context)
        let user = try workflowStep { try workflow.updateUser(login: login, roles: roles, active: active) }
        context.write("user \(user.id) \(user.login): \(user.roles.sorted().map(\.rawValue).joined(separator: ", ")), "
                      + (user.active ? "active" : "switched off") + "\n")
        return ExitCode.success
    }
}
