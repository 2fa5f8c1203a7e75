import OtvetText

/// Finds many phrases in one pass over the tokens: a trie over normalised
/// words, where each phrase word matches either an exact form (`=данный`)
/// or every form with the same Snowball stem. Matching costs a couple of
/// hash look-ups per token whatever the number of phrases, and never
/// backtracks more than the longest phrase.
public struct PhraseMatcher: Sendable {
    /// One phrase word: exact forms or stems, any of which matches.
    public struct WordPattern: Sendable {
        public var exact = WordSet()
        public var stems = WordSet()

        public func matches(_ token: Token) -> Bool {
            token.kind == .word || token.kind == .abbreviation
                ? exact.contains(token.normalized) || stems.contains(token.stem) : false
        }
    }

    /// What must (not) stand around a match.
    public struct Conditions: Sendable {
        /// The next token must be a word (`данный` before a noun, never at a sentence end).
        public var nextIsWord = false
        public var unlessNext: [WordPattern] = []
        public var unlessPrevious: [WordPattern] = []

        public init(nextIsWord: Bool = false, unlessNext: [WordPattern] = [], unlessPrevious: [WordPattern] = []) {
            self.nextIsWord = nextIsWord
            self.unlessNext = unlessNext
            self.unlessPrevious = unlessPrevious
        }
    }

    public struct Match: Sendable, Equatable {
        /// Token indices.
        public let tokens: Range<Int>
        /// Index of the phrase, in the order phrases were added.
        public let phrase: Int
    }

    private struct Node: Sendable {
        var exact = WordMap<Int>()
        var stems = WordMap<Int>()
        var phrases: [Int] = []
    }

    private var nodes = [Node()]
    private var conditions: [Conditions] = []

    public init() {}

    public var count: Int { conditions.count }

    /// Adds a phrase given as word patterns; returns its index.
    @discardableResult
    public mutating func add(_ words: [WordPattern], conditions: Conditions = Conditions()) -> Int {
        let phrase = self.conditions.count
        self.conditions.append(conditions)
        var frontier = [0]
        for word in words {
            var next: [Int] = []
            for node in frontier {
                for form in word.exact.words { next.append(child(of: node, exact: form)) }
                for stem in word.stems.words { next.append(child(of: node, stem: stem)) }
            }
            frontier = Array(Set(next))
        }
        for node in frontier { nodes[node].phrases.append(phrase) }
        return phrase
    }

    private mutating func child(of node: Int, exact form: Word) -> Int {
        if let existing = nodes[node].exact[form] { return existing }
        nodes.append(Node())
        nodes[node].exact[form] = nodes.count - 1
        return nodes.count - 1
    }

    private mutating func child(of node: Int, stem: Word) -> Int {
        if let existing = nodes[node].stems[stem] { return existing }
        nodes.append(Node())
        nodes[node].stems[stem] = nodes.count - 1
        return nodes.count - 1
    }

    /// Non-overlapping matches, the longest at each position, left to right.
    public func matches(in tokens: [Token], range: Range<Int>? = nil) -> [Match] {
        let bounds = range ?? 0..<tokens.count
        var result: [Match] = []
        var start = bounds.lowerBound
        var active: [Int] = []
        var following: [Int] = []
        while start < bounds.upperBound {
            var best: Match?
            active.removeAll(keepingCapacity: true)
            active.append(0)
            var end = start
            while end < bounds.upperBound, !active.isEmpty {
                let token = tokens[end]
                guard token.kind == .word || token.kind == .abbreviation else { break }
                following.removeAll(keepingCapacity: true)
                for node in active {
                    if let next = nodes[node].exact[token.normalized] { following.append(next) }
                    if let next = nodes[node].stems[token.stem] { following.append(next) }
                }
                swap(&active, &following)
                end += 1
                for node in active {
                    for phrase in nodes[node].phrases where accepts(phrase, start..<end, tokens, bounds) {
                        if best == nil || best!.tokens.count < end - start || (best!.tokens.count == end - start && phrase < best!.phrase) {
                            best = Match(tokens: start..<end, phrase: phrase)
                        }
                    }
                }
            }
            if let match = best {
                result.append(match)
                start = match.tokens.upperBound
            } else {
                start += 1
            }
        }
        return result
    }

    private func accepts(_ phrase: Int, _ span: Range<Int>, _ tokens: [Token], _ bounds: Range<Int>) -> Bool {
        let rule = conditions[phrase]
        let next = span.upperBound < bounds.upperBound ? tokens[span.upperBound] : nil
        if rule.nextIsWord, next?.kind != .word { return false }
        if let next, rule.unlessNext.contains(where: { $0.matches(next) }) { return false }
        if span.lowerBound > bounds.lowerBound {
            let previous = tokens[span.lowerBound - 1]
            if rule.unlessPrevious.contains(where: { $0.matches(previous) }) { return false }
        }
        return true
    }
}

extension PhraseMatcher {
    /// Parses the phrase syntax of rule files: words separated by spaces,
    /// `|` between alternatives for one word, `=` before an exact form.
    public static func patterns(_ phrase: String, analyzer: TextAnalyzer) -> [WordPattern] {
        phrase.split(separator: " ").map { word in
            var pattern = WordPattern()
            for alternative in word.split(separator: "|") {
                if alternative.hasPrefix("=") {
                    pattern.exact.insert(Word(analyzer.normalize(String(alternative.dropFirst()))))
                } else {
                    // Snowball may cut the dictionary form deeper than its other forms
                    // ("объем" → "объ", "объема" → "объем"); accept both.
                    let word = analyzer.normalize(String(alternative))
                    pattern.stems.insert(Word(analyzer.stemmer.stem(word)))
                    pattern.stems.insert(Word(word))
                }
            }
            return pattern
        }
    }
}
