import Foundation
import OtvetRules
import OtvetWorkflow

/// `otvet admin policy set`: the organisation's check policy, which gates
/// submission and approval. Validated before it is stored, so a typo never
/// reaches the heads' approve button.
struct AdminPolicySetCommand: Command {
    static let name = "admin policy set"
    static let summary = "Set an organisation's check policy from a YAML file"
    static let help = """
        Usage: otvet admin policy set --org ID FILE|- [--db PATH] [--rules DIR]

        Stores the policy (the format of 'otvet check --policy': name,
        pass_mark, rules on/off, severities, thresholds, blocking) for the
        organisation. The file is checked against the rule pack first; a
        policy that does not load is refused with its line and column.

        Options:
          --org ID             The organisation's id
        \(WorkflowOptions.help)

        """

    let organisationID: Int
    let path: String
    let options: WorkflowOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        organisationID = try arguments.required(arguments.id("--org"), "--org")
        options = try WorkflowOptions(parsing: &arguments)
        let positionals = try arguments.positionals()
        guard positionals.count == 1 else { throw arguments.usage("give one policy file (or '-' for stdin)") }
        path = positionals[0]
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let input = try InputReader(context: context).read(path)
        let workflow = try options.open(context)
        let policy: Policy
        do {
            policy = try Policy.parse(input.text, path: input.name, knownRules: Set(workflow.pack.rules.map(\.id)))
        } catch {
            throw CLIError.input("the policy does not load: \(error.description)")
        }
        try workflowStep { try workflow.setPolicy(organisationID: organisationID, yaml: input.text) }
        context.write("set the policy «\(policy.name)» (pass mark \(policy.passMark.formatted())) for organisation \(organisationID)\n")
        return ExitCode.success
    }
}
