import Foundation
import Testing
@testable import OtvetHTTP

@Suite("LanguageTool API") struct LanguageToolAPITests {
    let server: TestServer
    let validator: SchemaValidator

    init() throws {
        server = try TestServer()
        validator = try SchemaValidator()
    }

    static let text = "👋 Здравствуйте! В настоящее время фонари на улице Хрустальной починили, 12 июля."
    /// A misspelling («фанари») for the TYPOS category, and a bureaucratism for STYLE.
    static let typo = "Здравствуйте! В настоящее время фанари на улице Хрустальной починили, 12 июля."

    func matches(_ answer: HTTPResult) -> [[String: Any]] { answer.object["matches"] as? [[String: Any]] ?? [] }
    func rules(_ answer: HTTPResult) -> Set<String> {
        Set(matches(answer).compactMap { ($0["rule"] as? [String: Any])?["id"] as? String })
    }

    @Test func aFormWithTextGivesMatchesWithUTF16Offsets() throws {
        let answer = try server.client.post("/v2/check", form: [("language", "ru-RU"), ("text", Self.text)])
        #expect(answer.status == 200, "\(answer)")
        #expect(validator.errors(answer.json!, against: "LanguageToolAnswer") == [])
        let match = try #require(matches(answer).first { ($0["rule"] as? [String: Any])?["id"] as? String == "bureaucratese" })
        #expect(match["offset"] as? Int == utf16Offset(of: "В настоящее время", in: Self.text))
        #expect(match["offset"] as? Int == 17)
        #expect(match["length"] as? Int == 17)
        #expect((match["replacements"] as? [[String: Any]])?.compactMap { $0["value"] as? String } == ["Сейчас"])
        let rule = try #require(match["rule"] as? [String: Any])
        #expect(rule["issueType"] as? String == "style")
        #expect((rule["category"] as? [String: Any])?["id"] as? String == "STYLE")
        #expect((match["type"] as? [String: Any])?["typeName"] as? String == "Other")
        // The context shows the match where its offset says.
        let context = try #require(match["context"] as? [String: Any])
        let contextUnits = Array((context["text"] as? String ?? "").utf16)
        let offset = try #require(context["offset"] as? Int)
        #expect(String(decoding: contextUnits[offset..<offset + 17], as: UTF16.self) == "В настоящее время")
        #expect((match["sentence"] as? String)?.contains("В настоящее время") == true)
        #expect((answer.object["language"] as? [String: Any])?["code"] as? String == "ru-RU")
        #expect((answer.object["software"] as? [String: Any])?["name"] as? String == "Otvet")
    }

    @Test func theContextNeverCutsAnEmojiInTwo() throws {
        for padding in 0..<2 {
            let text = String(repeating: "а", count: padding) + String(repeating: "😀", count: 25)
                + " В настоящее время фонари горят, 12 июля. " + String(repeating: "🔦", count: 25)
            let answer = try server.client.post("/v2/check", form: [("language", "ru-RU"), ("text", text)])
            let match = try #require(matches(answer).first { ($0["rule"] as? [String: Any])?["id"] as? String == "bureaucratese" })
            let context = try #require(match["context"] as? [String: Any])
            let contextText = try #require(context["text"] as? String)
            #expect(!contextText.contains("\u{FFFD}"), "padding \(padding): \(contextText)")
            let units = Array(contextText.utf16)
            let offset = try #require(context["offset"] as? Int)
            #expect(String(decoding: units[offset..<offset + 17], as: UTF16.self) == "В настоящее время")
            #expect(match["offset"] as? Int == utf16Offset(of: "В настоящее время", in: text))
        }
    }

    @Test func theQueryWorksForGetAndTheShortCodes() throws {
        for language in ["ru", "ru-RU", "RU-ru", "auto"] {
            let query = FormEncoding.encode([("language", language), ("text", Self.text)])
            let answer = try server.client.get("/v2/check?\(query)")
            #expect(answer.status == 200, "\(language): \(answer)")
            #expect(rules(answer).contains("bureaucratese"))
        }
    }

    @Test func annotatedDataMapsOffsetsBackToTheOriginal() throws {
        let pieces: [[String: String]] = [
            ["markup": "<p class=\"greeting\">"],
            ["text": "Здравствуйте! "],
            ["markup": "<b>"],
            ["text": "В настоящее время"],
            ["markup": "</b>"],
            ["text": " фонари на улице "],
            ["markup": "<a href=\"/map?street=1&house=32\">", "interpretAs": ""],
            ["text": "Хрустальной"],
            ["markup": "</a>"],
            ["text": " починили, 12 июля. "],
            ["markup": "<br/>", "interpretAs": "\n"],
            ["text": "Данный вопрос на контроле."],
            ["markup": "</p>", "interpretAs": "\n\n"],
        ]
        let original = pieces.map { $0["text"] ?? $0["markup"]! }.joined()
        let data = String(decoding: try JSONSerialization.data(withJSONObject: ["annotation": pieces]), as: UTF8.self)
        let answer = try server.client.post("/v2/check", form: [("language", "ru-RU"), ("data", data)])
        #expect(answer.status == 200, "\(answer)")
        let found = matches(answer).filter { ($0["rule"] as? [String: Any])?["id"] as? String == "bureaucratese" }
        let spans = found.map { ($0["offset"] as? Int ?? -1, $0["length"] as? Int ?? -1) }
        let units = Array(original.utf16)
        let texts = spans.map { String(decoding: units[$0.0..<$0.0 + $0.1], as: UTF16.self) }
        // A match that ends where markup starts does not take the markup in.
        #expect(texts.contains("В настоящее время"), "\(texts)")
        #expect(spans.contains { $0 == (utf16Offset(of: "В настоящее время", in: original)!, 17) })
        #expect(texts.contains("Данный"), "\(texts)")
        #expect(spans.contains { $0.0 == utf16Offset(of: "Данный", in: original) })
        #expect(texts.allSatisfy { !$0.contains("<") && !$0.contains(">") })
    }

    @Test func theLanguageIsRequiredAndMustBeRussian() throws {
        let missing = try server.client.post("/v2/check", form: [("text", Self.text)])
        #expect(missing.status == 400)
        #expect(missing.isProblem)
        #expect(missing.object["field"] as? String == "language")
        let english = try server.client.post("/v2/check", form: [("language", "en-US"), ("text", "Hello")])
        #expect(english.status == 400)
        #expect(english.object["field"] as? String == "language")
        #expect((english.object["detail"] as? String)?.contains("en-US") == true)
        let nothing = try server.client.post("/v2/check", form: [("language", "ru-RU")])
        #expect(nothing.status == 400)
        let badData = try server.client.post("/v2/check", form: [("language", "ru-RU"), ("data", "{\"annotation\": 5}")])
        #expect(badData.status == 400)
        #expect(badData.object["field"] as? String == "data")
        let badItem = try server.client.post("/v2/check", form: [("language", "ru-RU"), ("data", "{\"annotation\": [{\"x\": 1}]}")])
        #expect(badItem.status == 400)
        let badEscape = try server.client.request("POST", "/v2/check", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                                  body: Array("language=ru-RU&text=%D0%9".utf8))
        #expect(badEscape.status == 400)
        #expect(badEscape.isProblem)
    }

    @Test func disabledAndEnabledRulesAndCategories() throws {
        let all = try server.client.post("/v2/check", form: [("language", "ru-RU"), ("text", Self.typo)])
        #expect(rules(all).isSuperset(of: ["bureaucratese", "spelling"]), "\(rules(all))")
        let spelling = try #require(matches(all).first { ($0["rule"] as? [String: Any])?["id"] as? String == "spelling" })
        #expect(((spelling["rule"] as? [String: Any])?["category"] as? [String: Any])?["id"] as? String == "TYPOS")
        #expect((spelling["type"] as? [String: Any])?["typeName"] as? String == "UnknownWord")
        #expect(spelling["offset"] as? Int == utf16Offset(of: "фанари", in: Self.typo))

        let disabled = try server.client.post("/v2/check", form: [("language", "ru-RU"), ("text", Self.typo),
                                                                  ("disabledRules", "bureaucratese,no-such-rule")])
        #expect(!rules(disabled).contains("bureaucratese"))
        #expect(rules(disabled).contains("spelling"))

        let noTypos = try server.client.post("/v2/check", form: [("language", "ru-RU"), ("text", Self.typo),
                                                                 ("disabledCategories", "TYPOS")])
        #expect(!rules(noTypos).contains("spelling"))
        #expect(rules(noTypos).contains("bureaucratese"))

        let only = try server.client.post("/v2/check", form: [("language", "ru-RU"), ("text", Self.typo),
                                                              ("enabledRules", "spelling"), ("enabledOnly", "true")])
        #expect(rules(only) == ["spelling"])

        // enabledRules without enabledOnly adds to the defaults (and overrides disabledRules).
        let both = try server.client.post("/v2/check", form: [("language", "ru-RU"), ("text", Self.typo),
                                                              ("disabledRules", "spelling"), ("enabledRules", "spelling")])
        #expect(rules(both).isSuperset(of: ["bureaucratese", "spelling"]))
    }

    @Test func languagesListsRussian() throws {
        let answer = try server.client.get("/v2/languages")
        #expect(answer.status == 200)
        let languages = answer.array
        #expect(languages.count == 1)
        #expect(languages.first?["name"] as? String == "Russian")
        #expect(languages.first?["code"] as? String == "ru")
        #expect(languages.first?["longCode"] as? String == "ru-RU")
        for language in languages { #expect(validator.errors(language, against: "LanguageToolLanguage") == []) }
    }
}
