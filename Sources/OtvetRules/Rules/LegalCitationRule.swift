import OtvetText

/// Kind `legal-citation`: references to legal acts («постановлением
/// Правительства РФ от 27.12.2004 № 861», «статьей 14.4 КоАП РФ», «59-ФЗ»).
/// The guide allows them «только в крайнем случае»: one reference the answer
/// explains in plain words is a warning, more than that an error.
///
/// A reference is a chain of pieces inside one sentence:
/// - an article piece: an article word and a number («пунктом 31(б)»), or a
///   `legalReference` token such as «ст. 14.4» or «59-ФЗ»;
/// - an act piece: an act word, a few issuer words, then `от <дата>` and/or
///   `№ N` («постановлением Правительства РФ от 27.12.2004 № 861»).
/// Touching pieces, act names after them («КоАП РФ», «Правил», a «…» title)
/// and a link word («Правил …, утвержденных постановлением … № 861») join one
/// reference. A bare «закон», «приказ» or «дома № 36» has no anchor: skipped.
struct LegalCitationRule: Rule {
    typealias Pattern = PhraseMatcher.WordPattern

    let description: RuleDescription
    let actWords: Pattern
    let articleWords: Pattern
    /// «часть», «глава»…: a reference only when another piece or an act name follows.
    let partWords: Pattern
    let modifiers: Pattern
    let names: Pattern
    let links: Pattern
    /// Words that end the search for a date or number after an act word
    /// («приказ о ремонте издадим … от 12.05.2021» is no citation).
    let stops: Pattern

    static let lawSuffixes: Set<String> = ["фз", "фкз", "зо", "кз", "оз"]
    static let quotes: [String: String] = ["«": "»", "\"": "\"", "„": "“", "“": "”"]

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        let params = definition.params
        func words(_ key: String, required: Bool = true) throws(DataFileError) -> Pattern {
            let list = try params.strings(key)
            if required, list.isEmpty { throw params.error(params.node?[key] ?? params.node, "params.\(key) must list at least one word") }
            if let phrase = list.first(where: { $0.contains(" ") || $0.isEmpty || $0.contains("|") }) {
                throw params.error(params.node?[key], "params.\(key): '\(phrase)' must be one word (write forms as separate items)")
            }
            return list.isEmpty ? Pattern() : PhraseMatcher.patterns(list.joined(separator: "|"), analyzer: resources.analyzer)[0]
        }
        actWords = try words("act_words")
        articleWords = try words("article_words")
        partWords = try words("part_words", required: false)
        modifiers = try words("act_modifiers", required: false)
        names = try words("act_names", required: false)
        links = try words("link_words", required: false)
        stops = try words("stop_words", required: false)
        for key in ["max_issuer_words", "max_title_words", "max_references", "max_sentence_words", "min_plain_words"] {
            guard let value = try params.number(key) else { throw params.error(params.node, "params.\(key) is missing") }
            if value < 0 { throw params.error(params.node?[key], "params.\(key) must not be negative") }
        }
    }

    func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        let settings = context.settings
        var scanner = Scanner(rule: self, tokens: document.tokens, limit: 0,
                              maxIssuer: Int(settings["max_issuer_words", default: 8]),
                              maxTitle: Int(settings["max_title_words", default: 20]))
        var references: [(tokens: Range<Int>, sentence: Int)] = []
        for (index, sentence) in document.sentences.enumerated() {
            scanner.limit = sentence.tokens.upperBound
            var position = sentence.tokens.lowerBound
            while position < sentence.tokens.upperBound {
                if let reference = scanner.reference(at: position) {
                    references.append((reference, index))
                    position = reference.upperBound
                } else {
                    position += 1
                }
            }
        }
        guard !references.isEmpty else { return [] }
        // Explained: the only reference, in a short sentence, beside a sentence of plain words.
        let citing = Set(references.map(\.sentence))
        let minimumPlain = Int(settings["min_plain_words", default: 5])
        let hasPlain = document.sentences.indices.contains { !citing.contains($0) && document.sentences[$0].wordCount >= minimumPlain }
        let few = references.count <= Int(settings["max_references", default: 1])
        let shortSentence = Int(settings["max_sentence_words", default: 25])
        return references.map { reference in
            let explained = few && hasPlain && document.sentences[reference.sentence].wordCount <= shortSentence
            return finding(document.span(ofTokens: reference.tokens), in: context, severity: explained ? .warning : .error)
        }
    }

    /// Walks the tokens of one sentence (up to `limit`) to find references.
    struct Scanner {
        let rule: LegalCitationRule
        let tokens: [Token]
        var limit: Int
        let maxIssuer: Int
        let maxTitle: Int

        /// The whole reference starting at `index`, if a piece starts there.
        func reference(at index: Int) -> Range<Int>? {
            guard let first = piece(at: index) else { return nil }
            var end = first.upperBound
            while true {
                if let next = piece(at: end) { end = next.upperBound; continue }
                let named = nameEnd(from: end)
                if let linked = link(after: end, from: named) { end = linked; continue }
                if named > end { end = named; continue }
                return index..<end
            }
        }

        func piece(at index: Int) -> Range<Int>? {
            guard index < limit else { return nil }
            if let act = actPiece(at: index) { return act }
            if let article = articlePiece(at: index) { return article }
            let token = tokens[index]
            if token.kind == .legalReference, !isNumberSign(token) || isLawNumber(token) { return index..<index + 1 }
            return nil
        }

        /// «Федеральным законом от 02.05.2006 № 59-ФЗ», «приказом Минстроя России № 12/пр».
        func actPiece(at index: Int) -> Range<Int>? {
            var position = index
            while position < limit, position - index < 2, rule.modifiers.matches(tokens[position]) { position += 1 }
            guard position < limit, rule.actWords.matches(tokens[position]) else { return nil }
            position += 1
            var anchorEnd: Int?
            var words = 0
            while position < limit {
                let token = tokens[position]
                if token.kind == .legalReference, isNumberSign(token) || isLawNumber(token) {
                    anchorEnd = position + 1
                    position += 1
                } else if token.normalized == "от", position + 1 < limit, tokens[position + 1].kind == .date {
                    anchorEnd = position + 2
                    position += 2
                } else if anchorEnd != nil {
                    break
                } else if let close = quoteEnd(at: position) {
                    position = close
                } else if token.kind == .word || token.kind == .abbreviation, words < maxIssuer,
                          !rule.stops.matches(token) {
                    words += 1
                    position += 1
                } else {
                    break
                }
            }
            return anchorEnd.map { index..<$0 }
        }

        /// «статьей 14.4», «пунктом 31(б)», «статьями 14.4 и 14.5»; a part word
        /// («части 2») only before another piece or an act name, not in «часть 2 работ».
        func articlePiece(at index: Int) -> Range<Int>? {
            guard index + 1 < limit else { return nil }
            let weak = rule.partWords.matches(tokens[index])
            guard weak || rule.articleWords.matches(tokens[index]) else { return nil }
            let number = tokens[index + 1]
            guard number.kind == .number || number.kind == .date || (number.kind == .legalReference && isNumberSign(number))
            else { return nil }
            var end = index + 2
            // «2.1.3684-21»: a dash and a number written close.
            if end + 1 < limit, tokens[end].normalized == "-", tokens[end + 1].kind == .number,
               tokens[end].range.offset == number.range.end, tokens[end + 1].range.offset == tokens[end].range.end {
                end += 2
            }
            if end + 2 < limit, tokens[end].normalized == "(", tokens[end + 1].normalized.count == 1,
               tokens[end + 2].normalized == ")" {
                end += 3
            }
            while end + 1 < limit, tokens[end].normalized == "," || tokens[end].normalized == "и",
                  tokens[end + 1].kind == .number {
                end += 2
            }
            guard weak else { return index..<end }
            return piece(at: end) != nil || nameEnd(from: end) > end ? index..<end : nil
        }

        /// Past act names and titles right after a piece: «КоАП РФ», «Кодекса Российской Федерации», «…».
        func nameEnd(from start: Int) -> Int {
            var end = start
            while end < limit {
                if rule.names.matches(tokens[end]) || rule.actWords.matches(tokens[end]) || rule.modifiers.matches(tokens[end]) {
                    end += 1
                } else if let close = quoteEnd(at: end) {
                    end = close
                } else {
                    break
                }
            }
            return end
        }

        /// «Правил недискриминационного доступа…, утвержденных постановлением … № 861»:
        /// the end of the act piece after a link word, if the words before it name an act.
        func link(after end: Int, from start: Int) -> Int? {
            var words = 0
            var position = start
            while position < limit, words <= maxTitle {
                if rule.links.matches(tokens[position]), let act = actPiece(at: position + 1) {
                    return tokens[end..<position].contains { rule.actWords.matches($0) } ? act.upperBound : nil
                }
                if tokens[position].kind.isWordLike { words += 1 }
                position += 1
            }
            return nil
        }

        /// The index after the closing quote of a title opening at `index`.
        func quoteEnd(at index: Int) -> Int? {
            guard let close = LegalCitationRule.quotes[tokens[index].normalized.text] else { return nil }
            var position = index + 1
            while position < limit, position - index <= maxTitle + 10 {
                if tokens[position].normalized.text == close { return position + 1 }
                position += 1
            }
            return nil
        }

        /// `№ 861`, `N 59-ФЗ`: a number that anchors only after an act word.
        func isNumberSign(_ token: Token) -> Bool {
            token.normalized.hasPrefix("№") || token.normalized.hasPrefix("n")
        }

        /// `59-ФЗ`, `№ 34-ЗО`: a law number, a reference on its own.
        func isLawNumber(_ token: Token) -> Bool {
            let suffix = String(token.normalized.text.reversed().prefix { $0.isLetter }.reversed())
            return LegalCitationRule.lawSuffixes.contains(suffix) && token.normalized.text.contains { $0.isNumber }
        }
    }
}
