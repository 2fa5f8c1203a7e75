import OtvetWorkflow

/// `otvet admin org add`: another organisation, usually a subordinate one
/// that messages can be handed down to («Назначить ответственную организацию»).
struct AdminOrgAddCommand: Command {
    static let name = "admin org add"
    static let summary = "Add an organisation, optionally under a higher one"
    static let help = """
        Usage: otvet admin org add --name NAME [--parent ID] [--db PATH] [--rules DIR]

        Adds an organisation and prints its id. With --parent it is
        subordinate to that organisation: the higher one's coordinators
        can assign messages to it, and its own can escalate them back.

        Options:
          --name NAME          The organisation's name (unique)
          --parent ID          The higher organisation's id
        \(WorkflowOptions.help)

        """

    let organisation: String
    let parentID: Int?
    let options: WorkflowOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        organisation = try arguments.required(arguments.value("--name"), "--name")
        parentID = try arguments.id("--parent")
        options = try WorkflowOptions(parsing: &arguments)
        try arguments.finish()
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let workflow = try options.open(context)
        let org = try workflowStep { try workflow.createOrganisation(name: organisation, parentID: parentID) }
        context.write("created organisation \(org.id) «\(org.name)»" + (parentID.map { " under organisation \($0)" } ?? "") + "\n")
        return ExitCode.success
    }
}
