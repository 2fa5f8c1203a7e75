import OtvetText

/// Kind `metric` (Vale's metric and occurrence): a measure of a sentence,
/// a paragraph or the whole answer against a threshold from the policy.
struct MetricRule: Rule {
    enum Metric: String, CaseIterable {
        /// Words in a sentence; threshold `max`.
        case sentenceWords = "sentence-words"
        /// Words in a paragraph; threshold `max`.
        case paragraphWords = "paragraph-words"
        /// Sentences in a paragraph; threshold `max`.
        case paragraphSentences = "paragraph-sentences"
        /// Oborneva's Russian Flesch reading ease of the answer; threshold `min`.
        case readability
    }

    let description: RuleDescription
    let metric: Metric

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        let params = definition.params
        let name = try params.requiredString("metric")
        guard let metric = Metric(rawValue: name) else {
            throw params.error(params.node?["metric"],
                               "metric must be one of \(Metric.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'")
        }
        self.metric = metric
        let threshold = metric == .readability ? "min" : "max"
        guard try params.number(threshold) != nil else {
            throw params.error(params.node, "metric '\(name)' needs a numeric '\(threshold)'")
        }
    }

    func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        let limit = context.settings[metric == .readability ? "min" : "max", default: 0]
        switch metric {
        case .sentenceWords:
            return document.sentences.filter { Double($0.wordCount) > limit }.map {
                report($0.range, value: Double($0.wordCount), limit: limit, context)
            }
        case .paragraphWords:
            return document.paragraphs.compactMap { paragraph in
                let words = document.sentences[paragraph.sentences].reduce(0) { $0 + $1.wordCount }
                return Double(words) > limit ? report(paragraph.range, value: Double(words), limit: limit, context) : nil
            }
        case .paragraphSentences:
            return document.paragraphs.filter { Double($0.sentences.count) > limit }.map {
                report($0.range, value: Double($0.sentences.count), limit: limit, context)
            }
        case .readability:
            let minimumWords = context.settings["min_words", default: 30]
            guard let score = Readability.fleschOborneva(document), Double(document.wordCount) >= minimumWords,
                  score < limit else { return [] }
            return [report(context.wholeText, value: score, limit: limit, context)]
        }
    }

    /// A finding at the rule's severity, or an error past the `error_above`
    /// (`error_below` for readability) setting: a 90-word sentence is not
    /// the same problem as a 32-word one.
    private func report(_ range: TextRange, value: Double, limit: Double, _ context: CheckContext) -> Finding {
        let message = description.message(match: context.document.text(of: range))
            .replacingOccurrences(of: "{value}", with: Self.format(value))
            .replacingOccurrences(of: "{limit}", with: Self.format(limit))
        let severe = metric == .readability
            ? context.settings.values["error_below"].map { value < $0 } ?? false
            : context.settings.values["error_above"].map { value > $0 } ?? false
        return finding(range, in: context, message: message, severity: severe ? .error : nil)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(Double(Int(value * 10)) / 10)
    }
}

/// Readability of Russian text.
public enum Readability {
    /// Flesch reading ease with Oborneva's coefficients for Russian:
    /// 206.835 − 1.3 × words per sentence − 60.1 × syllables per word.
    /// Higher is easier; below about 30 reads as an official document.
    public static func fleschOborneva(_ document: Document) -> Double? {
        let words = document.tokens.filter { $0.kind == .word }
        guard !words.isEmpty, !document.sentences.isEmpty else { return nil }
        let syllables = words.reduce(0) { $0 + $1.syllables }
        let wordsPerSentence = Double(words.count) / Double(document.sentences.count)
        let syllablesPerWord = Double(syllables) / Double(words.count)
        return 206.835 - 1.3 * wordsPerSentence - 60.1 * syllablesPerWord
    }
}
