import Foundation
import OtvetWorkflow

/// `otvet admin init`: the one step that needs no login — a new database,
/// its first organisation and that organisation's administrator.
struct AdminInitCommand: Command {
    static let name = "admin init"
    static let summary = "Create the workflow database, the first organisation and its administrator"
    static let help = """
        Usage: otvet admin init --org NAME --admin LOGIN [--name NAME]
                                [--password-file FILE] [--db PATH] [--rules DIR]

        Creates (or migrates) the database, the organisation NAME and its
        administrator LOGIN with the role admin. The password comes from
        stdin or --password-file, never from the command line, and is
        stored only as an Argon2id hash.

        Refuses a database that already has users. If an earlier run created
        the organisation but stopped before the user (a bad login, say),
        running it again with the same --org finishes the job.

        Options:
          --org NAME           The first organisation's name
          --admin LOGIN        The administrator's login: letters, digits, '.', '_', '-', '@'
          --name NAME          The administrator's full name (default: the login)
        \(PasswordSource.help)
        \(WorkflowOptions.help)

        """

    let organisation: String
    let login: String
    let fullName: String?
    let password: PasswordSource
    let options: WorkflowOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        organisation = try arguments.required(arguments.value("--org"), "--org")
        login = try arguments.required(arguments.value("--admin"), "--admin")
        fullName = try arguments.value("--name")
        password = try PasswordSource(parsing: &arguments)
        options = try WorkflowOptions(parsing: &arguments)
        try arguments.finish()
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let secret = try password.read(context)
        let workflow = try options.open(context, create: true)
        let name = organisation.trimmingCharacters(in: .whitespacesAndNewlines)
        let (organisations, userCount) = try workflowStep {
            try workflow.store.read { session in
                let organisations = try session.organisations()
                return (organisations, try organisations.reduce(0) { $0 + (try session.users(organisationID: $1.id).count) })
            }
        }
        guard userCount == 0 else {
            throw CLIError.input("\(options.path(context)) is already initialised (\(userCount) user(s)); "
                                 + "add more with 'otvet admin org add' and 'otvet admin user add'")
        }
        let org = try workflowStep {
            try organisations.first { $0.name == name } ?? workflow.createOrganisation(name: name)
        }
        let user = try workflowStep {
            try workflow.createUser(login: login, name: fullName ?? login, password: secret, organisationID: org.id,
                                    roles: [.admin])
        }
        context.write("initialised \(options.path(context)): organisation \(org.id) «\(org.name)», "
                      + "administrator \(user.login) (user \(user.id))\n")
        return ExitCode.success
    }
}
