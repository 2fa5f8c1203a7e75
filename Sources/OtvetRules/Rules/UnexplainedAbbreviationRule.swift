import OtvetText

/// Kind `unexplained-abbreviation`: the guide counts «сокращения» against an
/// answer, because the person does not know what ОЗ, ЦЗН or ТКО stand for.
///
/// Only acronyms count (`abbreviation` tokens with two or more capitals and
/// no dot, letters before a digit or hyphen: «ВЛ-10» is ВЛ); dotted «ул.»,
/// «т.е.», Latin acronyms, words typed in capitals («НЕ ПИШЕМ», «ОТВЕТА») and
/// the `known` list (РФ, МФЦ, ЖКХ…) pass, and so does one the citizen wrote
/// in the message («Тко»). An acronym is explained when,
/// anywhere in the answer:
/// - it stands in parentheses right after words: «в охранных зонах (ОЗ)»;
/// - parenthesised words follow it: «ТКО (твёрдые коммунальные отходы)»;
/// - a `definition_words` word («далее») precedes it: «(далее — МУП)»;
/// - a run of words spells it by initials: «муниципальное унитарное
///   предприятие» → МУП; hyphen parts and `compound_roots` («много|квартирный»)
///   give a letter each, and small words give only lower-case letters (КоАП).
/// Each unexplained acronym is reported once, at its first occurrence.
struct UnexplainedAbbreviationRule: Rule {
    let description: RuleDescription
    /// Lower case, without dots.
    let known: Set<String>
    let definitionWords: Set<String>
    let compoundRoots: [String]
    /// Prepositions and conjunctions: skipped inside a spelled-out name.
    let smallWords: Set<String>

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        let params = definition.params
        let normalize = { (word: String) in resources.analyzer.normalize(word).filter { $0 != "." } }
        known = Set(try params.strings("known").map(normalize))
        definitionWords = Set(try params.strings("definition_words").map(normalize))
        compoundRoots = try params.strings("compound_roots").map(normalize)
        smallWords = Set(try params.strings("small_words").map(normalize))
        if definitionWords.isEmpty { throw params.error(params.node, "params.definition_words must list a word such as «далее»") }
    }

    func check(_ context: CheckContext) -> [Finding] {
        let tokens = context.document.tokens
        let written = Set((context.message?.tokens ?? []).filter { $0.kind == .word || $0.kind == .abbreviation }.map(\.normalized.text))
        var first: [String: Int] = [:]
        var order: [String] = []
        var explained: Set<String> = []
        for index in tokens.indices {
            // Known acronyms (РФ, ООО) are the common case: skip them before reading their letters.
            if tokens[index].kind != .abbreviation || known.contains(tokens[index].normalized.text) { continue }
            guard let core = acronym(tokens[index], at: index, in: context.document) else { continue }
            let key = core.lowercased()
            if known.contains(key) || written.contains(key) { continue }
            if isExplained(at: index, tokens) { explained.insert(key) }
            if first[key] == nil {
                first[key] = index
                order.append(key)
            }
        }
        let pending = order.filter { !explained.contains($0) }
        guard !pending.isEmpty else { return [] }
        // Words by first letter, built once: each acronym then looks only where its spelling could start.
        var wordsByInitial: [UInt16: [Int]] = [:]
        for index in tokens.indices where tokens[index].kind == .word {
            if let initial = tokens[index].normalized.utf16.first { wordsByInitial[initial, default: []].append(index) }
        }
        return pending.compactMap { key in
            guard let index = first[key], let core = acronym(tokens[index], at: index, in: context.document),
                  !isSpelledOut(Array(core), tokens, wordsByInitial) else { return nil }
            return finding(tokens[index].range, in: context)
        }
    }

    /// The letters of an acronym token as written («ВЛ» of «ВЛ1-10»), or nil.
    private func acronym(_ token: Token, at index: Int, in document: Document) -> String? {
        guard token.kind == .abbreviation, token.letterCase == .upper || token.letterCase == .mixed,
              !token.normalized.text.contains(".") else { return nil }
        var letters = String(document.text(of: token).prefix { $0.isLetter })
        // An inflected acronym: «МУПа», «ЦЗНом».
        if let tail = letters.lastIndex(where: \.isUppercase), letters[..<tail].allSatisfy(\.isUppercase) {
            letters = String(letters[...tail])
        }
        guard letters.filter(\.isUppercase).count >= 2,
              letters.unicodeScalars.contains(where: { (0x410...0x44F).contains($0.value) || $0.value == 0x401 })
        else { return nil }
        // Five letters, half of them vowels, read as a word in capitals («ОТВЕТА»), not an acronym («СНИЛС»).
        let vowels = letters.lowercased().filter { "аеёиоуыэюя".contains($0) }.count
        if letters.count >= 5, vowels * 2 >= letters.count { return nil }
        return isShouting(at: index, document.tokens) ? nil : letters
    }

    /// Text typed in capitals («НЕ ПИШЕМ ОПРАВДАНИЙ»): three upper-case words in a row.
    private func isShouting(at index: Int, _ tokens: [Token]) -> Bool {
        func upper(_ token: Token) -> Bool {
            (token.kind == .word || token.kind == .abbreviation) && token.letterCase == .upper
        }
        var run = 1
        for step in [-1, 1] {
            var position = index + step
            while tokens.indices.contains(position), tokens[position].kind == .punctuation || upper(tokens[position]) {
                if upper(tokens[position]) { run += 1 }
                if tokens[position].kind == .punctuation, ".!?".contains(tokens[position].normalized.text) { break }
                position += step
            }
        }
        return run >= 3
    }

    /// Explained in place: «зонах (ОЗ)», «ТКО (твёрдые … отходы)», «(далее — МУП)».
    private func isExplained(at index: Int, _ tokens: [Token]) -> Bool {
        if index >= 2, tokens[index - 1].normalized.text == "(", tokens[index - 2].kind == .word { return true }
        if index + 1 < tokens.count, tokens[index + 1].normalized.text == "(" {
            let inside = tokens[(index + 2)...].prefix { $0.normalized.text != ")" }.prefix(12)
            if inside.filter({ $0.kind == .word }).count >= 2 { return true }
        }
        // «далее — ООО «ТСАХ»»: look back over punctuation and other acronyms.
        var position = index - 1
        var steps = 0
        while position >= 0, steps < 5 {
            let token = tokens[position]
            if definitionWords.contains(token.normalized.text) { return true }
            guard token.kind == .punctuation || token.kind == .abbreviation else { return false }
            position -= 1
            steps += 1
        }
        return false
    }

    /// Whether a run of words anywhere in the answer spells the acronym by initials.
    private func isSpelledOut(_ letters: [Character], _ tokens: [Token], _ wordsByInitial: [UInt16: [Int]]) -> Bool {
        guard var initial = letters[0].lowercased().utf16.first else { return false }
        if initial == 0x451 { initial = 0x435 } // normalised words write ё as е
        return (wordsByInitial[initial] ?? []).contains { spells(letters, 0, $0, tokens) }
    }

    private func spells(_ letters: [Character], _ matched: Int, _ index: Int, _ tokens: [Token]) -> Bool {
        if matched == letters.count { return true }
        guard index < tokens.count, tokens[index].kind == .word else { return false }
        let word = tokens[index].normalized.text
        if smallWords.contains(word) {
            // A small word gives a lower-case letter (КоАП: «об»), or is skipped inside the name.
            if letters[matched].isLowercase, word.first == Character(letters[matched].lowercased()),
               spells(letters, matched + 1, index + 1, tokens) { return true }
            return matched > 0 && spells(letters, matched, index + 1, tokens)
        }
        guard word.count >= 3 else { return false }
        let wanted = String(letters[matched...]).lowercased()
        return initials(of: word).contains { wanted.hasPrefix($0) && spells(letters, matched + $0.count, index + 1, tokens) }
    }

    /// What one word may contribute: its first letter, one per hyphen part, one per compound part.
    private func initials(of word: String) -> [String] {
        var options = [String(word.prefix(1))]
        let parts = word.split(separator: "-")
        if parts.count > 1 { options.append(String(parts.compactMap(\.first))) }
        for root in compoundRoots where word.hasPrefix(root) && word.count > root.count + 2 {
            options.append(String(root.prefix(1)) + String(word.dropFirst(root.count).prefix(1)))
        }
        return options
    }
}
