import OtvetWorkflow

/// `otvet import messages`: citizens' messages from a JSON Lines export,
/// all or nothing, so a failed import can simply be fixed and run again.
struct ImportMessagesCommand: Command {
    static let name = "import messages"
    static let summary = "Import citizens' messages from a JSON Lines file, all or nothing"
    static let help = """
        Usage: otvet import messages FILE.jsonl|- [--org ID] [--db PATH] [--rules DIR]

        Imports one message a line (blank lines are skipped), each a JSON object:

          {"number": "1234567", "organisationID": 1, "categoryID": 2, "subcategoryID": 5,
           "text": "Не горят фонари…", "applicant": {"name": "…", "address": "…",
           "email": "…", "phone": "…"}, "region": "Тверская область",
           "problemAddress": "…", "attachments": [{"name": "photo.jpg", "size": 81234,
           "type": "image/jpeg"}], "receivedAt": "2024-05-01T09:30:00+03:00",
           "fastTrack": false, "source": "portal"}

        Required: number (unique), text, and organisationID (or --org).
        receivedAt defaults to now, source to portal (or mobile, widget).
        The deadline is receivedAt plus the category's term.

        The file is read in one transaction: the first bad line — not JSON,
        an unknown field, a wrong type, an unknown organisation or category,
        a number already taken — stops the import with its line number, and
        nothing from the file is kept. Exit code 2 then.

        Options:
          --org ID             Organisation for lines without organisationID
        \(WorkflowOptions.help)

        """

    let path: String
    let organisationID: Int?
    let options: WorkflowOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        organisationID = try arguments.id("--org")
        options = try WorkflowOptions(parsing: &arguments)
        let positionals = try arguments.positionals()
        guard positionals.count == 1 else { throw arguments.usage("give one JSON Lines file (or '-' for stdin)") }
        path = positionals[0]
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let input = try InputReader(context: context).read(path)
        let parsed: MessageLines
        do {
            parsed = try MessageLines(input.text)
        } catch {
            throw CLIError.input("\(input.name): \(error.description)")
        }
        let batch = parsed.messages.map { message in
            var message = message
            if message.organisationID == nil { message.organisationID = organisationID }
            return message
        }
        let workflow = try options.open(context)
        let imported: [Message]
        do {
            imported = try workflow.importMessages(batch)
        } catch let error as ImportError {
            let line = parsed.lines.indices.contains(error.index) ? parsed.lines[error.index] : error.index + 1
            throw CLIError.input("\(input.name): line \(line): \(error.error.description); nothing was imported")
        } catch {
            throw CLIError.input("\(input.name): \(describe(error)); nothing was imported")
        }
        context.write("imported \(imported.count) message\(imported.count == 1 ? "" : "s") from \(input.name)\n")
        return ExitCode.success
    }
}
