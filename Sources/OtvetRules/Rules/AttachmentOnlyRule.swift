import OtvetText

/// Kind `attachment-only`: the text is a stub and the answer sits in a file
/// («Ответ», «Ответ во вложении»). The guide: «Текст ответа прописывается в
/// Системе, файл же прикрепляется при необходимости подтверждения
/// проведенных работ». A short text that names a date, a result or a plan
/// is a real answer, and its attachment is the proof the guide allows.
struct AttachmentOnlyRule: Rule {
    let description: RuleDescription
    let detector: ConcretenessDetector
    /// «см. вложение», «во вложении», «ответ направлен файлом»…
    let stubs: PhraseMatcher
    /// The message for a text too short to say anything.
    let shortMessage: String

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        let params = definition.params
        detector = try ConcretenessDetector(params, resources)
        let phrases = try params.strings("phrases")
        guard !phrases.isEmpty else { throw params.error(params.node, "params.phrases must list stub phrases") }
        stubs = resources.matcher(for: phrases)
        shortMessage = try params.requiredString("short_message")
    }

    func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        guard !document.isEmpty, !detector.detect(in: context).isConcrete else { return [] }
        let words = Double(document.wordCount)
        // In a long answer «в приложении» is more likely the Госуслуги app than a stub.
        if words < context.settings["max_words", default: 40] {
            let matches = stubs.matches(in: document.tokens)
            if !matches.isEmpty { return matches.map { finding(document.span(ofTokens: $0.tokens), in: context) } }
        }
        guard words < context.settings["min_words", default: 8] else { return [] }
        let message = shortMessage.replacingOccurrences(of: "{words}", with: String(Int(words)))
        return [finding(context.wholeText, in: context, message: message)]
    }
}
