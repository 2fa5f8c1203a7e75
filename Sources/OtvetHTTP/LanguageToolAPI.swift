import Foundation
import OtvetRules
import OtvetText

/// LanguageTool's HTTP API (`/v2/check`, `/v2/languages`), so existing
/// LanguageTool clients pointed at an Otvet server show Otvet's findings:
/// LibreOffice's remote checker, browser add-ons, `language-tool-python`.
/// Offsets are UTF-16 units, as LanguageTool's Java strings count.
enum LanguageToolAPI {
    static let languageCodes: Set<String> = ["ru", "ru-ru", "auto"]

    struct Language: Encodable { let name, code, longCode: String }

    static func languages(_ context: RouteContext) throws -> HTTPResponse {
        return .json([Language(name: "Russian", code: "ru", longCode: "ru-RU")])
    }

    static func check(_ context: RouteContext) throws -> HTTPResponse {
        let service = context.service
        try service.requireCheckAccess(context.request)
        var fields = context.request.query
        if context.request.method == "POST" {
            let type = context.request.mediaType
            guard type == nil || type == "application/x-www-form-urlencoded" else {
                throw Problem(415, "send the fields as application/x-www-form-urlencoded, as LanguageTool clients do")
            }
            fields.merge(try FormBody.decode(context.request.body)) { $1 }
        }
        guard let language = fields["language"] else { throw Problem(400, "'language' is required (ru-RU)", field: "language") }
        guard Self.languageCodes.contains(language.lowercased()) else {
            throw Problem(400, "language '\(language)' is not supported: this server checks Russian (ru-RU)", field: "language")
        }
        let annotated = try AnnotatedText(fields: fields)
        let ids = Set(service.pack.rules.map(\.id))
        func list(_ name: String) -> Set<String> {
            Set((fields[name] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        var policy = service.policy
        let enabled = list("enabledRules").intersection(ids)
        let disabled = list("disabledRules").union(
            service.pack.rules.filter { list("disabledCategories").contains(Self.category(of: $0.id).id) }.map(\.id))
        for rule in ids {
            let on = fields["enabledOnly"] == "true" ? enabled.contains(rule) : !disabled.contains(rule) || enabled.contains(rule)
            if !on { policy.rules[rule, default: Policy.RuleOverride()].enabled = false }
        }
        let document = try service.pack.resources.analyzer.analyze(annotated.plain)
        let result = Checker(pack: service.pack, policy: policy).check(document)
        service.metrics.recordCheck(rules: result.findings.map(\.rule))
        let matches = result.findings.map { finding in match(finding, document: document, annotated: annotated, service: service) }
        return .json(Answer(matches: matches))
    }

    private static func match(_ finding: Finding, document: Document, annotated: AnnotatedText, service: Service) -> Answer.Match {
        let units = document.units
        var contextStart = max(0, finding.offset - 40)
        var contextEnd = min(units.count, finding.offset + finding.length + 40)
        // Never cut a surrogate pair in two: the context stays text, without U+FFFD.
        if contextStart > 0, UTF16.isTrailSurrogate(units[contextStart]) { contextStart -= 1 }
        if contextEnd < units.count, UTF16.isTrailSurrogate(units[contextEnd]) { contextEnd += 1 }
        let sentence = document.sentences.first { $0.range.bounds.contains(finding.offset) }
        let description = service.pack.rule(finding.rule)?.description
        let category = Self.category(of: finding.rule)
        let (offset, length) = annotated.original(offset: finding.offset, length: finding.length)
        return Answer.Match(
            message: finding.message, shortMessage: description?.name ?? finding.rule,
            replacements: finding.replacements.map { .init(value: $0) }, offset: offset, length: length,
            context: .init(text: document.text(of: TextRange(contextStart..<contextEnd)), offset: finding.offset - contextStart,
                           length: finding.length),
            sentence: sentence.map { document.text(of: $0.range) } ?? "",
            type: .init(typeName: finding.rule == "spelling" ? "UnknownWord" : "Other"),
            rule: .init(id: finding.rule, description: description?.summary ?? finding.rule,
                        issueType: category.issueType, category: .init(id: category.id, name: category.name)))
    }

    /// LanguageTool categories for Otvet's rules; TYPOS lets clients switch spelling off as they know how.
    static func category(of rule: String) -> (id: String, name: String, issueType: String) {
        switch rule {
        case "spelling": ("TYPOS", "Орфография", "misspelling")
        case "bureaucratese", "nominalization", "long-sentence", "long-paragraph", "readability", "unexplained-abbreviation":
            ("STYLE", "Простой язык", "style")
        case "missing-greeting": ("COURTESY", "Обращение к человеку", "register")
        default: ("CONTENT", "Суть ответа", "uncategorized")
        }
    }

    struct Answer: Encodable {
        struct Software: Encodable {
            let name = "Otvet", version = "0.1.0", buildDate = "2026-12-04", apiVersion = 1, premium = false, status = ""
        }
        struct DetectedLanguage: Encodable { let name = "Russian", code = "ru-RU", confidence = 1.0 }
        struct LanguageInfo: Encodable {
            let name = "Russian", code = "ru-RU"
            let detectedLanguage = DetectedLanguage()
        }
        struct Replacement: Encodable { let value: String }
        struct Context: Encodable { let text: String; let offset, length: Int }
        struct MatchType: Encodable { let typeName: String }
        struct Category: Encodable { let id, name: String }
        struct Rule: Encodable { let id, description, issueType: String; let category: Category }
        struct Match: Encodable {
            let message, shortMessage: String
            let replacements: [Replacement]
            let offset, length: Int
            let context: Context
            let sentence: String
            let type: MatchType
            let rule: Rule
            let ignoreForIncompleteSentence = false
            let contextForSureMatch = 0
        }
        struct Warnings: Encodable { let incompleteResults = false }

        let software = Software()
        let warnings = Warnings()
        let language = LanguageInfo()
        let matches: [Match]
    }
}
