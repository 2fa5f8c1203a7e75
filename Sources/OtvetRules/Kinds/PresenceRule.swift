import OtvetText

/// Kind `presence`: a phrase that must (`require`) or must not (`forbid`)
/// appear in a part of the answer: its opening, its closing, or all of it.
struct PresenceRule: Rule {
    enum Scope: String {
        case opening, closing, whole
    }

    let description: RuleDescription
    let scope: Scope
    let requires: Bool
    let matcher: PhraseMatcher

    init(_ definition: RuleDefinition, _ resources: RuleResources) throws(DataFileError) {
        description = definition.description
        let params = definition.params
        let scopeName = try params.string("scope") ?? "whole"
        guard let scope = Scope(rawValue: scopeName) else {
            throw params.error(params.node?["scope"], "scope must be opening, closing or whole, not '\(scopeName)'")
        }
        self.scope = scope
        let required = try params.strings("require")
        let forbidden = try params.strings("forbid")
        guard required.isEmpty != forbidden.isEmpty else {
            throw params.error(params.node, "a presence rule needs exactly one of 'require' and 'forbid'")
        }
        requires = !required.isEmpty
        matcher = resources.matcher(for: requires ? required : forbidden)
    }

    func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        guard !document.sentences.isEmpty else { return [] }
        let count = max(1, Int(context.settings["sentences", default: 1]))
        let sentences: [Sentence] = switch scope {
        case .opening: Array(document.sentences.prefix(count))
        case .closing: Array(document.sentences.suffix(count))
        case .whole: document.sentences
        }
        let tokens = sentences.first!.tokens.lowerBound..<sentences.last!.tokens.upperBound
        let matches = matcher.matches(in: document.tokens, range: tokens)
        if requires {
            guard matches.isEmpty else { return [] }
            return [finding(sentences.first!.range, in: context)]
        }
        return matches.map { finding(document.span(ofTokens: $0.tokens), in: context) }
    }
}
