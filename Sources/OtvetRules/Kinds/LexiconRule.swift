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

    func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        return matcher.matches(in: document.tokens).map { match in
            let entry = lexicon.entries[match.phrase]
            let range = document.span(ofTokens: match.tokens)
            var message = description.message(match: document.text(of: range), replacements: entry.replacements)
            if let note = entry.note { message += " " + note }
            return finding(range, in: context, replacements: entry.replacements, message: message)
        }
    }
}
