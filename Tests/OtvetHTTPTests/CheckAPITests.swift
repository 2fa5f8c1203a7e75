import Foundation
import Testing
@testable import OtvetHTTP

/// Texts from the guide.
enum GuideTexts {
    /// The citizen's message.
    static let citizen = "Здравствуйте! На улице Хрустальной у домов 32 и 33 уже полгода не горят фонари. "
        + "Вечером идти страшно, прошу починить."
    /// The guide's bad answer: redirect-elsewhere ×2, no-deadline, answer-type (errors).
    static let bad = "Здравствуйте! Вопрос электроснабжения населения в границах поселения, в том числе и уличного "
        + "освещения, относится к полномочиям поселения. Рекомендуем обратиться в администрацию Бурашевского "
        + "сельского поселения для решения поставленного Вами вопроса."
    /// The rule's «Стало»: no findings, score 10.
    static let good = "Здравствуйте! Фонари на улице Хрустальной у домов 32 и 33 починят до 20 июня. Мы передали "
        + "заявку в администрацию Бурашевского сельского поселения и проследим за работами."
    /// A second good answer, for the revision.
    static let revision = "Здравствуйте! Фонари на улице Хрустальной у домов 32 и 33 починят до 20 июня. Заявку мы "
        + "передали в администрацию Бурашевского сельского поселения 19 июля, работы проверит наш специалист."
}

@Suite("Check API") struct CheckAPITests {
    let server: TestServer
    let validator: SchemaValidator

    init() throws {
        server = try TestServer()
        validator = try SchemaValidator()
    }

    func findings(_ answer: HTTPResult) -> [[String: Any]] { answer.object["findings"] as? [[String: Any]] ?? [] }

    @Test func theGuidesBadAnswerAfterAnEmojiHasExactUTF16Offsets() throws {
        let text = "👋 " + GuideTexts.bad
        let answer = try server.client.post("/v1/check", json: ["text": text, "message": GuideTexts.citizen, "type": "postponed"])
        #expect(answer.status == 200, "\(answer)")
        #expect(answer.header("Content-Type") == "application/json; charset=utf-8")
        #expect(validator.errors(answer.json!, against: "CheckAnswer") == [])
        #expect(answer.object["verdict"] as? String == "fail")
        let score = try #require(answer.object["score"] as? Double)
        #expect(score < 5)
        #expect(answer.object["passMark"] as? Double == 5)
        let found = findings(answer)
        // The errors the guide names, and a suggestion that the answer does not speak of the lamps the citizen asked about.
        #expect(Set(found.compactMap { $0["rule"] as? String }) == ["answer-type", "no-deadline", "redirect-elsewhere", "off-topic"])
        #expect(found.filter { $0["severity"] as? String == "error" }.compactMap { $0["rule"] as? String }.sorted()
            == ["answer-type", "no-deadline", "redirect-elsewhere", "redirect-elsewhere"])
        let redirects = found.filter { $0["rule"] as? String == "redirect-elsewhere" }
        #expect(redirects.map { $0["match"] as? String } == ["относится к полномочиям", "Рекомендуем обратиться"])
        // The waving hand is two UTF-16 units (one scalar, four UTF-8 bytes).
        #expect(redirects.map { $0["offset"] as? Int } == [107, 142])
        #expect(redirects.map { $0["length"] as? Int } == [23, 22])
        #expect(redirects.map { $0["column"] as? Int } == [108, 143])
        #expect(redirects.map { $0["line"] as? Int } == [1, 1])
        #expect(utf16Offset(of: "относится к полномочиям", in: text) == 107)
        #expect(utf16Offset(of: "Рекомендуем обратиться", in: text) == 142)
        for finding in found {
            let offset = try #require(finding["offset"] as? Int)
            let length = try #require(finding["length"] as? Int)
            let units = Array(text.utf16)
            #expect(String(decoding: units[offset..<offset + length], as: UTF16.self) == finding["match"] as? String)
        }
        // Whole-text findings cover everything, emoji included.
        let whole = found.filter { $0["rule"] as? String == "no-deadline" }
        #expect(whole.map { $0["offset"] as? Int } == [0])
        #expect(whole.map { $0["length"] as? Int } == [text.utf16.count])
    }

    @Test func aBureaucratismAfterAJoinedEmojiOnTheSecondLine() throws {
        let text = "Здравствуйте!\n👩‍💻 В настоящее время фонари на улице Хрустальной починили, 12 июля."
        let answer = try server.client.post("/v1/check", json: ["text": text])
        #expect(answer.status == 200, "\(answer)")
        let finding = try #require(findings(answer).first { $0["rule"] as? String == "bureaucratese" })
        // 👩‍💻 is three scalars, five UTF-16 units.
        #expect(finding["offset"] as? Int == utf16Offset(of: "В настоящее время", in: text))
        #expect(finding["offset"] as? Int == 14 + 5 + 1)
        #expect(finding["length"] as? Int == 17)
        #expect(finding["line"] as? Int == 2)
        #expect(finding["column"] as? Int == 7)
        #expect(finding["replacements"] as? [String] == ["Сейчас"])
        #expect(finding["severity"] as? String == "suggestion")
    }

    @Test func theGoodAnswerPassesWithTen() throws {
        let answer = try server.client.post("/v1/check", json: ["text": GuideTexts.good, "type": "postponed"])
        #expect(answer.status == 200)
        #expect(answer.object["score"] as? Double == 10)
        #expect(answer.object["verdict"] as? String == "pass")
        #expect(findings(answer).isEmpty)
    }

    @Test func aPolicyInTheRequestIsUsedAndABadOneRefused() throws {
        let text = "Здравствуйте! В настоящее время фонари починили, 12 июля."
        let plain = try server.client.post("/v1/check", json: ["text": text])
        #expect(findings(plain).contains { $0["rule"] as? String == "bureaucratese" })
        let policy = "rules:\n  bureaucratese:\n    enabled: false\n"
        let switchedOff = try server.client.post("/v1/check", json: ["text": text, "policy": policy])
        #expect(switchedOff.status == 200, "\(switchedOff)")
        #expect(!findings(switchedOff).contains { $0["rule"] as? String == "bureaucratese" })
        let broken = try server.client.post("/v1/check", json: ["text": text, "policy": "rules:\n  no-such-rule:\n    enabled: false\n"])
        #expect(broken.status == 422)
        #expect(broken.object["field"] as? String == "policy")
        let type = try server.client.post("/v1/check", json: ["text": text, "type": "maybe"])
        #expect(type.status == 422)
        #expect(type.object["field"] as? String == "type")
        #expect(validator.errors(type.json!, against: "Problem") == [])
    }

    @Test func rulesListAndOneRuleWithExamples() throws {
        let list = try server.client.get("/v1/rules")
        #expect(list.status == 200)
        let rules = list.array
        #expect(rules.count == server.service.pack.rules.count)
        #expect(rules.count >= 10)
        for rule in rules { #expect(validator.errors(rule, against: "RuleSummary") == []) }
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.contains("bureaucratese") && ids.contains("legal-citation") && ids.contains("redirect-elsewhere"))

        let detail = try server.client.get("/v1/rules/bureaucratese")
        #expect(detail.status == 200)
        #expect(validator.errors(detail.json!, against: "RuleDetail") == [])
        #expect(detail.object["severity"] as? String == "suggestion")
        #expect(detail.object["kind"] as? String == "lexicon")
        let examples = try #require(detail.object["examples"] as? [[String: Any]])
        let first = try #require(examples.first { $0["expectation"] as? String == "bad" })
        let text = try #require(first["text"] as? String)
        let span = try #require((first["spans"] as? [[String: Any]])?.first)
        let units = Array(text.utf16)
        let offset = try #require(span["offset"] as? Int)
        let length = try #require(span["length"] as? Int)
        #expect(String(decoding: units[offset..<offset + length], as: UTF16.self) == "В настоящее время")
        #expect(examples.contains { $0["expectation"] as? String == "good" })

        let citation = try server.client.get("/v1/rules/legal-citation")
        #expect(citation.status == 200)
        #expect((citation.object["settings"] as? [String: Any])?["max_references"] as? Double == 1)
    }

    @Test func anUnknownRuleIsA404Problem() throws {
        let answer = try server.client.get("/v1/rules/no-such-rule")
        #expect(answer.status == 404)
        #expect(answer.isProblem)
        #expect(answer.object["status"] as? Int == 404)
        #expect(answer.object["title"] as? String == "Not Found")
        #expect((answer.object["detail"] as? String)?.contains("no-such-rule") == true)
        #expect(validator.errors(answer.json!, against: "Problem") == [])
    }
}
