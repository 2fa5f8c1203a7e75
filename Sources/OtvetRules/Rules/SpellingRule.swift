import OtvetText

/// Kind `spelling`: «Ответ должен быть без орфографических и грамматических
/// ошибок». Each Russian word goes to hunspell (`Hunspell`) with the system
/// ru_RU dictionary plus the pack's word list of local names and terms.
///
/// Skipped, because hunspell cannot judge them or they are not errors:
/// proper names (a capital not at the start of a sentence), words in
/// capitals (organisation names in headers), acronyms and
/// other non-word tokens, words with digits or Latin letters, pre-reform or
/// foreign letters («Волочѣк»), mixed case («кВ»), single letters. A word is right when
/// hunspell accepts it as written, with some «е» read as «ё» (texts drop
/// the dots) or «ё» read as «е», or, for a hyphenated word, part by part.
struct SpellingRule: Rule {
    let description: RuleDescription
    let hunspell: Hunspell

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        let params = definition.params
        var candidates = try params.string("dictionary").map { [$0] } ?? []
        candidates += Hunspell.standardLocations.filter { !candidates.contains($0) }
        let wordList = try params.string("word_list")
        do throws(HunspellError) {
            hunspell = try Hunspell(candidates: candidates)
        } catch {
            throw params.error(params.node?["dictionary"], error.description)
        }
        // Without a pack directory (rules built in memory) there is no word list to read.
        if let directory = resources.directory, let wordList {
            do throws(HunspellError) {
                try hunspell.addWords(fromFile: directory + "/" + wordList)
            } catch {
                throw params.error(params.node?["word_list"], error.description)
            }
        }
    }

    func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        let limit = Int(context.settings["max_suggestions", default: 3])
        let maxSuggested = Int(context.settings["max_suggested_words", default: 20])
        var suggested = 0
        var findings: [Finding] = []
        for sentence in document.sentences {
            let first = sentence.tokens.first { document.tokens[$0].kind == .word || document.tokens[$0].kind == .abbreviation }
            for index in sentence.tokens {
                let token = document.tokens[index]
                guard token.kind == .word else { continue }
                switch token.letterCase {
                case .lower: break
                case .capitalized where index == first: break
                default: continue // names, org names in capitals («ОСТАШКОВСКОГО»), «кВ»
                }
                // A suffix written apart: «категорией(-ями)».
                if index > 0, document.tokens[index - 1].normalized == "-",
                   document.tokens[index - 1].range.end == token.range.offset { continue }
                let word = Self.composed(document.text(of: token))
                // One letter is a list mark or «31(б)», not a word hunspell can judge.
                guard word.count > 1, Self.isRussian(word), !isKnown(word) else { continue }
                // Suggesting costs milliseconds a word: a text full of errors gets suggestions for the first ones.
                let replacements = suggested < maxSuggested ? hunspell.suggest(word, limit: limit) : []
                suggested += 1
                findings.append(finding(token.range, in: context, replacements: replacements))
            }
        }
        return findings
    }

    private func isKnown(_ word: String) -> Bool {
        if isKnownForm(word) { return true }
        let parts = word.split(separator: "-")
        return parts.count > 1 && parts.allSatisfy { isKnownForm(String($0)) }
    }

    /// As written, then with one «е» read as «ё», then with every «ё» read as «е».
    private func isKnownForm(_ word: String) -> Bool {
        if hunspell.spell(word) { return true }
        let letters = Array(word)
        for (index, letter) in letters.enumerated() where letter == "е" || letter == "Е" {
            var variant = letters
            variant[index] = letter == "е" ? "ё" : "Ё"
            if hunspell.spell(String(variant)) { return true }
        }
        if letters.contains("ё") || letters.contains("Ё") {
            return hunspell.spell(String(letters.map { $0 == "ё" ? "е" : $0 == "Ё" ? "Е" : $0 }))
        }
        return false
    }

    /// Only Cyrillic letters of modern Russian and inner hyphens.
    static func isRussian(_ word: String) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            (0x410...0x44F).contains(scalar.value) || scalar == "ё" || scalar == "Ё" || scalar == "-"
        }
    }

    /// «е» + combining diaeresis as one «ё», so hunspell sees the letter its dictionary has.
    static func composed(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            if scalar.value == 0x308, let last = scalars.last, last == "е" || last == "Е" {
                scalars.removeLast()
                scalars.append(last == "е" ? "ё" : "Ё")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
