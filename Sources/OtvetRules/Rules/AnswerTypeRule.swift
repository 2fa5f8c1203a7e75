import OtvetText

/// Kind `answer-type`: the text must carry what the ПОС answer type
/// promises the citizen. «Отложено» needs a date or a plan, «Отклонено» a
/// reason, «Решено» what was done; «Не решено» asks nothing more here
/// (no-deadline covers it). Runs only when the type is known.
struct AnswerTypeRule: Rule {
    let description: RuleDescription
    let detector: ConcretenessDetector
    /// Phrases that give a reason: «так как», «потому что», «не является»…
    let reasons: PhraseMatcher
    /// What each type lacks, for `{need}` in the message.
    let needs: [AnswerType: String]

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        let params = definition.params
        detector = try ConcretenessDetector(params, resources)
        let reasonPhrases = try params.strings("reasons")
        guard !reasonPhrases.isEmpty else { throw params.error(params.node, "params.reasons must list reason phrases") }
        reasons = resources.matcher(for: reasonPhrases)
        var needs: [AnswerType: String] = [:]
        for type in [AnswerType.postponed, .rejected, .resolved] {
            needs[type] = try params.requiredString("need_" + type.rawValue)
        }
        self.needs = needs
    }

    func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        guard let type = context.answerType, type != .unresolved, !document.isEmpty else { return [] }
        let found = detector.detect(in: context)
        // A short answer with nothing concrete is attachment-only's stub: one finding is enough.
        if !found.isConcrete, Double(document.wordCount) < context.settings["min_words", default: 8] { return [] }
        let promiseCounts = context.settings["promise_alone", default: 0] >= 1 && found.has(.promise)
        let severity: Severity
        switch type {
        case .postponed:
            if found.has(.time) || found.has(.plan) || promiseCounts { return [] }
            severity = description.severity
        case .rejected:
            if !reasons.matches(in: document.tokens).isEmpty { return [] }
            severity = description.severity
        case .resolved:
            if found.has(.done) { return [] }
            // «Решено» is what the citizen sees; saying it without saying what was done is an отписка.
            severity = description.severity
        case .unresolved:
            return []
        }
        let message = description.message(match: document.text(of: context.wholeText))
            .replacingOccurrences(of: "{type}", with: type.title)
            .replacingOccurrences(of: "{need}", with: needs[type] ?? "")
        return [finding(context.wholeText, in: context, message: message, severity: severity)]
    }
}
