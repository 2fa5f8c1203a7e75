import OtvetText

/// Kind `no-deadline`: the answer names no date or period, no result and no
/// plan — what the guide asks for in «Указать сроки решения проблемы или
/// рассказать о планах по ее решению». The whole answer is the span: the
/// gap is the answer's, not one sentence's. What counts is decided by the
/// shared `ConcretenessDetector`.
struct NoDeadlineRule: Rule {
    let description: RuleDescription
    let detector: ConcretenessDetector
    /// Added to the message for each vague phrase: «{vague}» is filled in.
    let vagueNote: String?

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        detector = try ConcretenessDetector(definition.params, resources)
        vagueNote = try definition.params.string("vague_note")
    }

    func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        guard !document.isEmpty else { return [] }
        let found = detector.detect(in: context)
        // A short answer with nothing concrete is attachment-only's stub: one finding is enough.
        if found.isConcrete || Double(document.wordCount) < context.settings["min_words", default: 8] { return [] }
        if found.has(.promise), context.settings["promise_alone", default: 0] >= 1 { return [] }
        var message = description.message(match: document.text(of: context.wholeText))
        if let vagueNote {
            var named: [String] = []
            for signal in found.signals where signal.kind == .vague {
                let phrase = document.text(of: document.span(ofTokens: signal.tokens))
                if !named.contains(phrase) { named.append(phrase) }
            }
            if !named.isEmpty {
                message += " " + vagueNote.replacingOccurrences(of: "{vague}", with: named.joined(separator: "», «"))
            }
        }
        return [finding(context.wholeText, in: context, message: message)]
    }
}
