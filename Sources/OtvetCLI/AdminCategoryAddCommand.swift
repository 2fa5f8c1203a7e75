import OtvetWorkflow

/// `otvet admin category add`: a category or subcategory, which sets the
/// answer term that makes a message overdue.
struct AdminCategoryAddCommand: Command {
    static let name = "admin category add"
    static let summary = "Add a message category with its answer terms"
    static let help = """
        Usage: otvet admin category add --org ID --name NAME [--parent ID]
                                        [--term-days N] [--fast-track-hours N] [--db PATH] [--rules DIR]

        Adds a category (or, with --parent, a subcategory) to an
        organisation. A message's deadline is its arrival plus the term of
        its category; fast-track messages get the shorter term in hours.

        Options:
          --org ID             The organisation's id
          --name NAME          The category's name
          --parent ID          The category this one is a subcategory of
          --term-days N        Answer term in days, 1–365 (default: 30)
          --fast-track-hours N Term of fast-track messages in hours, 1–720 (default: 24)
        \(WorkflowOptions.help)

        """

    let organisationID: Int
    let categoryName: String
    let parentID: Int?
    let termDays: Int
    let fastTrackHours: Int
    let options: WorkflowOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        organisationID = try arguments.required(arguments.id("--org"), "--org")
        categoryName = try arguments.required(arguments.value("--name"), "--name")
        parentID = try arguments.id("--parent")
        termDays = try arguments.integer("--term-days", in: 1...365) ?? 30
        fastTrackHours = try arguments.integer("--fast-track-hours", in: 1...720) ?? 24
        options = try WorkflowOptions(parsing: &arguments)
        try arguments.finish()
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let workflow = try options.open(context)
        // Checked here because the store would report a missing organisation as a name clash.
        guard try workflowStep({ try workflow.store.read { try $0.organisation(id: organisationID) } }) != nil else {
            throw CLIError.input("no organisation \(organisationID)")
        }
        let category = try workflowStep {
            try workflow.createCategory(organisationID: organisationID, name: categoryName, parentID: parentID,
                                        termDays: termDays, fastTrackHours: fastTrackHours)
        }
        context.write("created category \(category.id) «\(category.name)» in organisation \(organisationID)"
                      + (parentID.map { " under category \($0)" } ?? "")
                      + " (term \(termDays) days, fast track \(fastTrackHours) hours)\n")
        return ExitCode.success
    }
}
