import OtvetWorkflow

/// `otvet admin user add`: an account with one or more of the guide's roles.
struct AdminUserAddCommand: Command {
    static let name = "admin user add"
    static let summary = "Add a user with roles to an organisation"
    static let help = """
        Usage: otvet admin user add --login LOGIN --roles ROLE[,ROLE…] --org ID [--name NAME]
                                    [--password-file FILE] [--db PATH] [--rules DIR]

        Adds a user to an organisation. One account may hold several roles
        and acts in one at a time. The password comes from stdin or
        --password-file, never from the command line.

        Roles: coordinator, executor, curator, head, admin.

        Options:
          --login LOGIN        Letters, digits, '.', '_', '-', '@' (unique)
          --roles LIST         Comma-separated roles, e.g. executor,head
          --org ID             The organisation's id
          --name NAME          The full name shown in the history and the rating (default: the login)
        \(PasswordSource.help)
        \(WorkflowOptions.help)

        """

    let login: String
    let roles: Set<Role>
    let organisationID: Int
    let fullName: String?
    let password: PasswordSource
    let options: WorkflowOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        login = try arguments.required(arguments.value("--login"), "--login")
        let roleList = try arguments.required(arguments.value("--roles"), "--roles")
        do {
            roles = try Role.parseList(roleList)
        } catch {
            throw arguments.usage("--roles: \(error.description)")
        }
        organisationID = try arguments.required(arguments.id("--org"), "--org")
        fullName = try arguments.value("--name")
        password = try PasswordSource(parsing: &arguments)
        options = try WorkflowOptions(parsing: &arguments)
        try arguments.finish()
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let secret = try password.read(context)
        let workflow = try options.open(context)
        let user = try workflowStep {
            try workflow.createUser(login: login, name: fullName ?? login, password: secret,
                                    organisationID: organisationID, roles: roles)
        }
        context.write("created user \(user.id) \(user.login) (\(user.roles.sorted().map(\.rawValue).joined(separator: ", "))) "
                      + "in organisation \(user.organisationID)\n")
        return ExitCode.success
    }
}
