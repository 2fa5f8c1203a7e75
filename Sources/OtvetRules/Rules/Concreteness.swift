import OtvetText

/// What an answer says concretely, in the guide's terms: «Конкретика о
/// действиях по решению жалобы (дата, место, число)» and «Указать сроки
/// решения проблемы или рассказать о планах по ее решению».
struct Concreteness: Sendable {
    enum Kind: Sendable {
        /// A date, time, month, year or period: «до 1 ноября», «в течение 10 дней».
        case time
        /// A completed result: «восстановлено», «вывезли».
        case done
        /// A plan: «запланированы», «включен в план».
        case plan
        /// A future action without a plan: «отремонтируют», «будет заменено».
        case promise
        /// A phrase that sounds like a deadline and is none: «в ближайшее время».
        case vague
    }

    struct Signal: Sendable, Equatable {
        let kind: Kind
        /// Token indices in the document.
        let tokens: Range<Int>
    }

    let signals: [Signal]

    func has(_ kind: Kind) -> Bool { signals.contains { $0.kind == kind } }

    /// Anything a person can hold the organisation to: a date or period, a result or a plan.
    var isConcrete: Bool { has(.time) || has(.done) || has(.plan) }
}

/// Finds the signals of `Concreteness` in a document. Shared by the
/// no-deadline, answer-type and attachment-only rules so that the three
/// agree on what counts; the words live in `Rules/lexicons/concreteness.yml`
/// and the numbers (dates, «10 дней», «2025 году») are read here.
struct ConcretenessDetector: Sendable {
    private let phrases: PhraseMatcher
    private let phraseKinds: [Concreteness.Kind]
    private let historyPhrases: PhraseMatcher
    private let months, monthPrepositions, yearPrepositions: PhraseMatcher.WordPattern
    private let units, openers, numberOpeners, numerals, qualifiers: PhraseMatcher.WordPattern
    private let auxiliaries, negations, legalContext, documents, documentVerbs: PhraseMatcher.WordPattern
    /// The lexicon the detector was built from: detectors built alike share results in a check.
    let lexiconName: String

    /// Reads the lexicon named by `params.lexicon`; every list must be there.
    init(_ params: Params, _ resources: RuleResources) throws(DataFileError) {
        let lexicon = try resources.lexicon(params)
        lexiconName = lexicon.name
        func list(_ name: String) throws(DataFileError) -> [String] {
            guard let words = lexicon.lists[name], !words.isEmpty else {
                throw params.error(params.node?["lexicon"], "lexicon '\(lexicon.name)' needs a non-empty list '\(name)'")
            }
            return words
        }
        func words(_ name: String) throws(DataFileError) -> PhraseMatcher.WordPattern {
            let words = try list(name)
            if let phrase = words.first(where: { $0.contains(" ") }) {
                throw params.error(params.node?["lexicon"], "list '\(name)' holds single words, not '\(phrase)'")
            }
            return PhraseMatcher.patterns(words.joined(separator: "|"), analyzer: resources.analyzer)[0]
        }
        var matcher = PhraseMatcher()
        var kinds: [Concreteness.Kind] = []
        let categories: [(String, Concreteness.Kind)] = [
            ("periods", .time), ("done", .done), ("plan", .plan), ("promise", .promise), ("vague", .vague),
        ]
        for (name, kind) in categories {
            for phrase in try list(name) {
                matcher.add(PhraseMatcher.patterns(phrase, analyzer: resources.analyzer))
                kinds.append(kind)
            }
        }
        phrases = matcher
        phraseKinds = kinds
        historyPhrases = resources.matcher(for: try list("history"))
        months = try words("months")
        monthPrepositions = try words("month_prepositions")
        yearPrepositions = try words("year_prepositions")
        units = try words("period_units")
        openers = try words("period_openers")
        numberOpeners = try words("period_number_openers")
        numerals = try words("period_numerals")
        qualifiers = try words("period_qualifiers")
        auxiliaries = try words("future_auxiliaries")
        negations = try words("negations")
        legalContext = try words("legal_context")
        documents = try words("dated_documents")
        documentVerbs = try words("document_verbs")
    }

    /// `detect(in:)` for the check's draft, once per check however many rules ask.
    func detect(in context: CheckContext) -> Concreteness {
        context.memo.value("concreteness/" + lexiconName) { detect(in: context.document) }
    }

    func detect(in document: Document) -> Concreteness {
        let tokens = document.tokens
        var signals: [Concreteness.Signal] = []
        for index in tokens.indices {
            if let span = timeSpan(at: index, tokens) { signals.append(.init(kind: .time, tokens: span)) }
        }
        for match in phrases.matches(in: tokens) {
            var kind = phraseKinds[match.phrase]
            let start = match.tokens.lowerBound
            if kind != .time, kind != .vague, wordBefore(start, within: 2, tokens, matching: negations) { continue }
            if kind == .done {
                if wordBefore(start, within: 4, tokens, matching: auxiliaries) { kind = .promise }
                let next = match.tokens.upperBound < tokens.count ? tokens[match.tokens.upperBound] : nil
                if let next, next.kind == .legalReference || legalContext.matches(next) { continue }
            }
            signals.append(.init(kind: kind, tokens: match.tokens))
        }
        // «Установлено более пятнадцати лет назад»: history, not an answer to the complaint.
        let past = Set(historyPhrases.matches(in: tokens).compactMap { document.sentenceIndex(ofToken: $0.tokens.lowerBound) })
        if !past.isEmpty {
            signals.removeAll { signal in
                (signal.kind == .done || signal.kind == .time)
                    && document.sentenceIndex(ofToken: signal.tokens.lowerBound).map(past.contains) == true
            }
        }
        return Concreteness(signals: signals.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound })
    }

    // MARK: Dates and periods

    /// A date, time, month, year or counted period that ends at `index`.
    private func timeSpan(at index: Int, _ tokens: [Token]) -> Range<Int>? {
        let token = tokens[index]
        switch token.kind {
        case .date:
            return isDocumentDate(index, end: index + 1, tokens) ? nil : index..<index + 1
        case .time:
            // «с 9:00 до 17:00» is a timetable, not a deadline.
            let near = max(0, index - 3)..<min(tokens.count, index + 4)
            return near.contains { $0 != index && tokens[$0].kind == .time } ? nil : index..<index + 1
        case .word, .abbreviation:
            break
        default:
            return nil
        }
        guard index > 0 else { return nil }
        let previous = tokens[index - 1]
        if months.matches(token) {
            if let day = Self.number(previous), (1...31).contains(day) {
                return isDocumentDate(index - 1, end: index + 1, tokens) ? nil : index - 1..<index + 1
            }
            return monthPrepositions.matches(previous) ? index - 1..<index + 1 : nil
        }
        if token.stem == Self.year || token.normalized == Self.yearAbbreviation || token.normalized == Self.yearsAbbreviation {
            return yearSpan(endingAt: index, tokens)
        }
        if token.kind == .word, Self.isAttachedYear(token.normalized.text) {
            return yearPrepositions.matches(previous) ? index - 1..<index + 1 : nil
        }
        if units.matches(token) { return periodSpan(endingAt: index, tokens) }
        return nil
    }

    /// «в 2025 году», «на 2025–2026 годы», «до 2027 г.»: a year after a preposition.
    private func yearSpan(endingAt index: Int, _ tokens: [Token]) -> Range<Int>? {
        var start = index - 1
        guard start >= 0, Self.isYear(tokens[start]) else { return nil }
        if start >= 2, Self.isDash(tokens[start - 1]), Self.isYear(tokens[start - 2]) { start -= 2 }
        guard start >= 1, yearPrepositions.matches(tokens[start - 1]) else { return nil }
        return start - 1..<index + 1
    }

    /// «в течение двух недель», «через 10 рабочих дней», «в ближайшие 3 дня».
    private func periodSpan(endingAt index: Int, _ tokens: [Token]) -> Range<Int>? {
        var position = index - 1
        var counted = false
        while position >= max(0, index - 5) {
            let token = tokens[position]
            if token.kind == .number {
                counted = true
            } else if openers.matches(token) {
                return position..<index + 1
            } else if numberOpeners.matches(token), counted {
                return position..<index + 1
            } else if numerals.matches(token) {
                counted = true
            } else if !qualifiers.matches(token), !Self.isDash(token) {
                return nil
            }
            position -= 1
        }
        return nil
    }

    /// A date of a document, not of an action: «от 27.12.2004 № 861»,
    /// «обращение от 5 марта», «обращение, поступившее 05.03.2024».
    private func isDocumentDate(_ start: Int, end: Int, _ tokens: [Token]) -> Bool {
        var after = end
        if after < tokens.count, Self.isYear(tokens[after]) { after += 1 }
        if after < tokens.count, tokens[after].stem == Self.year || tokens[after].normalized == Self.yearAbbreviation { after += 1 }
        if after < tokens.count, tokens[after].kind == .legalReference { return true }
        if start > 0, documentVerbs.matches(tokens[start - 1]) { return true }
        guard start > 0, tokens[start - 1].normalized == Self.from else { return false }
        let before = max(0, start - 6)..<(start - 1)
        return before.contains { tokens[$0].kind == .legalReference || documents.matches(tokens[$0]) }
    }

    // MARK: Small helpers

    /// Whether a word of `pattern` stands among the `within` tokens before `start`, in the same clause.
    private func wordBefore(_ start: Int, within: Int, _ tokens: [Token], matching pattern: PhraseMatcher.WordPattern) -> Bool {
        var position = start - 1
        while position >= 0, position >= start - within {
            let token = tokens[position]
            if token.kind == .punctuation { return false }
            if pattern.matches(token) { return true }
            position -= 1
        }
        return false
    }

    private static func number(_ token: Token) -> Int? {
        token.kind == .number && token.normalized.text.utf8.count <= 4 ? Int(token.normalized.text) : nil
    }

    private static func isYear(_ token: Token) -> Bool {
        token.kind == .number && token.normalized.text.utf8.count == 4 && token.normalized.hasPrefix("20")
    }

    /// «2021г», written without a space, is one word.
    private static func isAttachedYear(_ text: String) -> Bool {
        // «2025г»: four digits and «г» (two bytes); most words leave at the length check, allocating nothing.
        guard text.utf8.count == 6, text.hasPrefix("20"), text.hasSuffix("г") else { return false }
        let units = Array(text.utf8)
        return units[2...3].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Words compared on every token: made once, not from a literal each time.
    private static let year: Word = "год", yearAbbreviation: Word = "г.", yearsAbbreviation: Word = "гг.", from: Word = "от"

    private static func isDash(_ token: Token) -> Bool {
        token.kind == .punctuation && ["-", "–", "—"].contains(token.normalized)
    }
}
