import OtvetText

/// Kind `off-topic`: «Текст ответа должен соответствовать сообщению жителя».
/// Runs only when the citizen's message is known. The answer is off topic
/// when it shares nothing with the message: no content word (a word of at
/// least `min_letters` letters, compared by Snowball stem, minus the `stop`
/// words every exchange has: «здравствуйте», «обращение», «улица»…), no place
/// or name (a capitalised word, an acronym: «Ткача», «ТКО»), no number (a
/// house number: «36», «36к1»). Matching is generous on purpose: one shared
/// word is enough, so the rule speaks only when the answer is plainly about
/// something else, as a suggestion over the whole answer.
struct OffTopicRule: Rule {
    let description: RuleDescription
    let stops: WordSet

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        let params = definition.params
        stops = resources.stems(try params.strings("stop"))
        guard try params.number("min_letters") != nil else { throw params.error(params.node, "params.min_letters is missing") }
    }

    func check(_ context: CheckContext) -> [Finding] {
        guard let message = context.message, !context.document.isEmpty else { return [] }
        let minimum = Int(context.settings["min_letters", default: 4])
        let wanted = keys(message, minimum: minimum)
        guard !wanted.isEmpty else { return [] }
        return keys(context.document, minimum: minimum).isDisjoint(with: wanted) ? [finding(context.wholeText, in: context)] : []
    }

    /// What a text is about: stems of content words, names and acronyms, and numbers.
    private func keys(_ document: Document, minimum: Int) -> Set<String> {
        var result: Set<String> = []
        for sentence in document.sentences {
            let first = sentence.tokens.first { document.tokens[$0].kind == .word }
            for index in sentence.tokens {
                let token = document.tokens[index]
                switch token.kind {
                case .word:
                    // A short name counts too («Тко»), but not a capital that only starts the sentence («Мы»).
                    let isName = token.letterCase != .lower && index != first && token.normalized.text.count >= 3
                    if (token.normalized.text.count >= minimum || isName), !stops.contains(token.stem) { result.insert(token.stem.text) }
                case .abbreviation where !token.normalized.text.contains("."):
                    result.insert(token.normalized.text)
                case .number:
                    result.insert(token.normalized.text)
                case .legalReference where token.normalized.text.hasPrefix("№"): // «дом № 74»
                    result.insert(String(token.normalized.text.drop { !$0.isNumber }))
                default:
                    continue
                }
            }
        }
        return result
    }
}
