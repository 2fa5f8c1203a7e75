import OtvetText

/// Kind `redirect-elsewhere`: the answer sends the person to another body
/// («Рекомендуем обратиться в администрацию поселения») — phrases of a
/// lexicon (`params.lexicon`). The guide: pass the question on yourself, and
/// «только в крайних случаях указывайте контактную информацию». So a redirect
/// with no contacts is an error, one with contacts (the extreme case done
/// right) a warning.
///
/// Contacts: a phone, e-mail or URL token anywhere in the answer (a reply
/// rarely has any other), or a postal address near the phrase — in its
/// sentence or the next `address_sentences` ones, so the problem's own
/// address earlier in the answer does not count.
struct RedirectElsewhereRule: Rule {
    typealias Pattern = PhraseMatcher.WordPattern

    let description: RuleDescription
    let lexicon: Lexicon
    let matcher: PhraseMatcher
    /// «ул.», «улица», «пр-т»…: a street, when a number follows within a few tokens.
    let streetWords: Pattern
    /// «по адресу», «адрес»: an address, when a colon or a name follows.
    let addressWords: Pattern

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        let params = definition.params
        lexicon = try resources.lexicon(params)
        matcher = resources.matcher(for: lexicon)
        func words(_ key: String) throws(DataFileError) -> Pattern {
            let list = try params.strings(key)
            guard !list.isEmpty else { throw params.error(params.node?[key] ?? params.node, "params.\(key) must list at least one word") }
            if let bad = list.first(where: { $0.contains(" ") || $0.contains("|") }) {
                throw params.error(params.node?[key], "params.\(key): '\(bad)' must be one word (write forms as separate items)")
            }
            return PhraseMatcher.patterns(list.joined(separator: "|"), analyzer: resources.analyzer)[0]
        }
        streetWords = try words("street_words")
        addressWords = try words("address_words")
        guard let window = try params.number("address_sentences"), window >= 0 else {
            throw params.error(params.node?["address_sentences"] ?? params.node,
                               "params.address_sentences must be a number ≥ 0 (sentences after the phrase searched for an address)")
        }
    }

    func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        let matches = matcher.matches(in: document.tokens)
        guard !matches.isEmpty else { return [] }
        let hasContact = document.tokens.contains { $0.kind.isContact }
        let window = Int(context.settings["address_sentences", default: 1])
        return matches.map { match in
            let entry = lexicon.entries[match.phrase]
            let range = document.span(ofTokens: match.tokens)
            var message = description.message(match: document.text(of: range))
            if let note = entry.note { message += " " + note }
            let contact = hasContact || hasAddress(near: match.tokens.lowerBound, window: window, in: document)
            return finding(range, in: context, message: message, severity: contact ? .warning : .error)
        }
    }

    /// A postal address in the sentence of token `index` or the `window` sentences after it.
    func hasAddress(near index: Int, window: Int, in document: Document) -> Bool {
        guard let sentence = document.sentenceIndex(ofToken: index) else { return false }
        let last = min(document.sentences.count - 1, sentence + window)
        let tokens = document.tokens
        let span = document.sentences[sentence].tokens.lowerBound..<document.sentences[last].tokens.upperBound
        for position in span {
            let token = tokens[position]
            // «ул. Советская, д. 5», «улица Советская, 5»: a street word, then a number soon after.
            if streetWords.matches(token) {
                let ahead = position + 1..<min(span.upperBound, position + 6)
                if ahead.contains(where: { tokens[$0].kind == .number }) { return true }
            }
            // «по адресу: …», «Адрес: г. Тверь…».
            if addressWords.matches(token), position + 1 < span.upperBound {
                let next = tokens[position + 1]
                if next.normalized == ":" || next.kind == .abbreviation || next.kind == .number
                    || next.letterCase == .capitalized {
                    return true
                }
            }
        }
        return false
    }
}
