import OtvetText

/// Kind `nominalization`: the guide's «Сократить отглагольные существительные».
/// One such noun is normal Russian; the trouble is a CHAIN where each noun
/// governs the next («проведение работ по ликвидации», «в целях обеспечения
/// выполнения»), and an answer made mostly of them.
///
/// - A noun counts when its Snowball stem is a stem of the lexicon's `nouns`
///   (never of its `domain` words: «обращение», «освещение» name things) and
///   its ending is a case ending of that noun's declension, so participles and
///   verbs with the same stem («работы проведены», «выполненных») do not count.
/// - Two nouns of one sentence are linked when at most `max_gap` words stand
///   between them and none of those is punctuation, a verb-like word or a
///   clause word: «работ по», adjectives and other nouns may («проведение
///   ремонтных работ по восстановлению»), «начнётся» or a comma may not.
///   A link through «и»/«или» only coordinates («по подсыпке и грейдированию»
///   is one action): a group of linked nouns is a chain when it has at least
///   `min_chain` nouns and at least one link that is not a coordination.
/// - Density: with at least `min_words` words and a share of such nouns among
///   the words of at least `max_share`, one `suggestion` spans the answer.
struct NominalizationRule: Rule {
    let description: RuleDescription
    /// Every case form of every counted noun, normalised.
    let forms: WordSet
    let stems: WordSet
    let coordinators: WordSet = ["и", "или", "либо"]
    /// Clause words: a chain never runs across them.
    let breakers: WordSet
    let densityMessage: String

    /// Endings that mark a finite verb, an infinitive or a short participle.
    static let verbEndings = ["ть", "ться", "тся", "тсь", "ет", "ют", "ут", "ят", "ит", "ешь", "ишь", "ете", "ите",
                              "ал", "ала", "али", "ало", "ался", "алась", "ались", "ил", "ила", "ило", "ел", "ела",
                              "ело", "ано", "ено", "ены", "аны", "ена", "ана"]

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        let params = definition.params
        let lexicon = try resources.lexicon(params)
        guard let nouns = lexicon.lists["nouns"], !nouns.isEmpty else {
            throw params.error(params.node?["lexicon"], "lexicon '\(lexicon.name)' has no 'nouns:' list")
        }
        let domain = resources.stems(lexicon.lists["domain"] ?? [])
        var forms = WordSet()
        var stems = WordSet()
        for noun in nouns {
            let lemma = resources.analyzer.normalize(noun)
            let stem = resources.analyzer.stemmer.stem(lemma)
            guard !domain.contains(Word(stem)) else { continue }
            let paradigm = Self.declension(of: lemma)
            if paradigm.isEmpty { throw params.error(params.node?["lexicon"], "noun '\(noun)' has no known declension") }
            stems.insert(Word(stem))
            for form in paradigm { forms.insert(Word(form)) }
        }
        self.forms = forms
        self.stems = stems
        breakers = resources.forms(try params.strings("breakers"))
        densityMessage = try params.string("density_message") ?? description.message
        for key in ["max_gap", "min_chain", "min_words", "max_share"] {
            guard try params.number(key) != nil else { throw params.error(params.node, "params.\(key) is missing") }
        }
    }

    /// All case forms of a noun, singular and plural, from its nominative.
    static func declension(of lemma: String) -> Set<String> {
        func with(_ base: Substring, _ endings: [String]) -> Set<String> { Set(endings.map { base + $0 }) }
        let last = lemma.last
        if lemma.hasSuffix("ие") || lemma.hasSuffix("ье") {
            return with(lemma.dropLast(), ["е", "я", "ю", "ем", "и", "й", "ям", "ями", "ях"])
        }
        if lemma.hasSuffix("ия") {
            return with(lemma.dropLast(), ["я", "и", "ю", "ей", "ею", "й", "ям", "ями", "ях"])
        }
        if last == "о" {
            return with(lemma.dropLast(), ["о", "а", "у", "ом", "е", "", "ам", "ами", "ах"])
        }
        if last == "а" {
            let base = lemma.dropLast()
            let soft = base.last.map { "кгхжшчщ".contains($0) } ?? false
            var forms = with(base, ["а", soft ? "и" : "ы", "е", "у", "ой", "ою", "", "ам", "ами", "ах"])
            if base.hasSuffix("к") { forms.formUnion(with(base.dropLast(), ["ок", "ек"])) } // проверок, отсрочек
            return forms
        }
        if let last, "бвгдзклмнпрстфх".contains(last) {
            return with(lemma[...], ["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"])
        }
        if let last, "жшчщ".contains(last) {
            return with(lemma[...], ["", "а", "у", "ом", "ем", "е", "и", "ей", "ам", "ами", "ах"])
        }
        return []
    }

    func isNominalization(_ token: Token) -> Bool {
        token.kind == .word && stems.contains(token.stem) && forms.contains(token.normalized)
    }

    func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        let settings = context.settings
        var findings: [Finding] = []
        var counted = 0
        for sentence in document.sentences {
            let nouns = sentence.tokens.filter { isNominalization(document.tokens[$0]) }
            counted += nouns.count
            for chain in chains(nouns, in: document, settings: settings) {
                findings.append(finding(document.span(ofTokens: chain), in: context))
            }
        }
        let words = document.tokens.reduce(0) { $0 + ($1.kind == .word ? 1 : 0) }
        let share = words == 0 ? 0 : Double(counted) / Double(words)
        if Double(words) >= settings["min_words", default: 40], share >= settings["max_share", default: 0.12] {
            let message = densityMessage
                .replacingOccurrences(of: "{value}", with: String(Int((share * 100).rounded())))
                .replacingOccurrences(of: "{limit}", with: String(Int((settings["max_share", default: 0.12] * 100).rounded())))
                .replacingOccurrences(of: "{count}", with: String(counted))
            findings.append(finding(context.wholeText, in: context, message: message, severity: .suggestion))
        }
        return findings
    }

    /// Token ranges from the first to the last noun of each chain in one sentence.
    private func chains(_ nouns: [Int], in document: Document, settings: RuleSettings) -> [Range<Int>] {
        let maxGap = Int(settings["max_gap", default: 3])
        let minChain = max(2, Int(settings["min_chain", default: 2]))
        var result: [Range<Int>] = []
        var group: [Int] = []
        var governed = false
        func close() {
            if group.count >= minChain, governed, let first = group.first, let last = group.last {
                result.append(first..<last + 1)
            }
            group.removeAll()
            governed = false
        }
        for noun in nouns {
            if let previous = group.last, let coordinated = link(previous, noun, document.tokens, maxGap: maxGap) {
                governed = governed || !coordinated
            } else {
                close()
            }
            group.append(noun)
        }
        close()
        return result
    }

    /// Whether two nouns are linked: nil if not, else whether the link is a mere coordination.
    private func link(_ from: Int, _ to: Int, _ tokens: [Token], maxGap: Int) -> Bool? {
        let between = tokens[(from + 1)..<to]
        guard between.count <= maxGap else { return nil }
        var coordinated = false
        for token in between {
            guard token.kind == .word else { return nil }
            if coordinators.contains(token.normalized) { coordinated = true; continue }
            if breakers.contains(token.normalized) || Self.looksLikeVerb(token.normalized.text) { return nil }
        }
        return coordinated
    }

    /// A cheap test for a verb form; nouns it catches («бюджет») only break a chain, the safe side.
    static func looksLikeVerb(_ word: String) -> Bool {
        word.count > 3 && verbEndings.contains { word.hasSuffix($0) }
    }
}
