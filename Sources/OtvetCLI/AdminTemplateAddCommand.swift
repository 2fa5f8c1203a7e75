import Foundation
import OtvetRules
import OtvetWorkflow

/// `otvet admin template add`: an answer template for the «Выберите шаблон»
/// list. It is checked when saved, like a draft, so a template full of
/// канцелярит is seen before executors copy it.
struct AdminTemplateAddCommand: Command {
    static let name = "admin template add"
    static let summary = "Save an answer template (checked when saved)"
    static let help = """
        Usage: otvet admin template add --org ID --name NAME FILE|- [--db PATH] [--rules DIR]

        Saves the text of FILE (or stdin) as the organisation's template NAME,
        replacing a template of that name. The template is checked under the
        organisation's policy; its score and findings are stored with it and
        printed.

        Options:
          --org ID             The organisation's id
          --name NAME          The template's name, as the dialog lists it
        \(WorkflowOptions.help)

        """

    let organisationID: Int
    let templateName: String
    let path: String
    let options: WorkflowOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        organisationID = try arguments.required(arguments.id("--org"), "--org")
        templateName = try arguments.required(arguments.value("--name"), "--name")
        options = try WorkflowOptions(parsing: &arguments)
        let positionals = try arguments.positionals()
        guard positionals.count == 1 else { throw arguments.usage("give one template file (or '-' for stdin)") }
        path = positionals[0]
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let input = try InputReader(context: context).read(path)
        let workflow = try options.open(context)
        let template = try workflowStep { try workflow.saveTemplate(organisationID: organisationID, name: templateName, text: input.text) }
        context.write("saved template \(template.id) «\(template.name)» for organisation \(organisationID): "
                      + "score \(template.score.formatted()), \(template.verdict == .pass ? "passes" : "fails"), "
                      + "\(template.findings.count) finding(s)\n")
        for finding in template.findings {
            context.write("  \(finding.line):\(finding.column) \(finding.severity.rawValue) [\(finding.rule)] \(finding.message)\n")
        }
        return ExitCode.success
    }
}
