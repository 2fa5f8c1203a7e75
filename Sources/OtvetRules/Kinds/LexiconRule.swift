/// Kind `lexicon` (Vale's existence and substitution): every phrase of a
/// lexicon found in the draft is reported with the entry's replacements.
/// All phrases are matched in one pass (`PhraseMatcher`).
struct LexiconRule: Rule {
    let description: RuleDescription
    let lexicon: Lexicon
    let matcher: PhraseMatcher

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        lexicon = try resources.lexicon(definition.params)
        matcher = resources.matcher(for: lexicon)
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        return matcher.matches(in: document.tokens).map { match in
            let entry = lexicon.entries[match.phrase]
            let range = document.span(ofTokens: match.tokens)
            let matched = document.text(of: range)
            // «В настоящее время» at a sentence start becomes «Сейчас», not «сейчас».
            let replacements = matched.first?.isUppercase == true ? entry.replacements.map(Self.capitalized) : entry.replacements
            var message = description.message(match: matched, replacements: replacements)
            if let note = entry.note { message += " " + note }
            return finding(range, in: context, replacements: replacements, message: message)
        }
    }
}
