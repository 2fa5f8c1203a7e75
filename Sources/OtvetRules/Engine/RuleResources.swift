import OtvetText

/// What rule kinds may use while they are built: the analyser (to stem
/// their phrases) and the pack's lexicons. Built once per rule pack.
public final class RuleResources: Sendable {
    public let analyzer: TextAnalyzer
    public let lexicons: [String: Lexicon]
    /// The rule pack's directory, for data files such as the spelling word list.
    public let directory: String?

    public init(analyzer: TextAnalyzer, lexicons: [String: Lexicon] = [:], directory: String? = nil) {
        self.analyzer = analyzer
        self.lexicons = lexicons
        self.directory = directory
    }

    /// The lexicon named by `params.<key>`, or an error at that key.
    public func lexicon(_ params: Params, key: String = "lexicon") throws(DataFileError) -> Lexicon {
        let name = try params.requiredString(key)
        guard let lexicon = lexicons[name] else {
            throw params.error(params.node?[key], "no lexicon '\(name)' in Rules/lexicons (have: \(lexicons.keys.sorted().joined(separator: ", ")))")
        }
        return lexicon
    }

    /// A matcher over every entry of a lexicon; phrase `i` is entry `i`.
    public func matcher(for lexicon: Lexicon) -> PhraseMatcher {
        var matcher = PhraseMatcher()
        for entry in lexicon.entries {
            let conditions = PhraseMatcher.Conditions(
                nextIsWord: entry.nextIsWord,
                unlessNext: entry.unlessNext.flatMap { PhraseMatcher.patterns($0, analyzer: analyzer) },
                unlessPrevious: entry.unlessPrevious.flatMap { PhraseMatcher.patterns($0, analyzer: analyzer) })
            matcher.add(PhraseMatcher.patterns(entry.phrase, analyzer: analyzer), conditions: conditions)
        }
        return matcher
    }

    /// A matcher over plain phrases (no conditions).
    public func matcher(for phrases: [String]) -> PhraseMatcher {
        var matcher = PhraseMatcher()
        for phrase in phrases { matcher.add(PhraseMatcher.patterns(phrase, analyzer: analyzer)) }
        return matcher
    }

    /// Stems of single words, for word sets; like phrase words, each word
    /// also stands for itself as a stem (Snowball may cut it deeper than its forms).
    public func stems(_ words: [String]) -> WordSet {
        WordSet(words.flatMap { word -> [Word] in
            let normalized = analyzer.normalize(word)
            return [Word(analyzer.stemmer.stem(normalized)), Word(normalized)]
        })
    }

    /// Normalised forms of single words, for exact-form sets.
    public func forms(_ words: [String]) -> WordSet {
        WordSet(words.map { Word(analyzer.normalize($0)) })
    }
}
