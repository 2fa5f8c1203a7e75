import Foundation
import OtvetCLI
import Testing

/// The guide's «Рекомендуем обратиться…» answer: a bad case.
let redirectAnswer = """
    Здравствуйте! Вопрос электроснабжения населения в границах поселения, в том числе и уличного освещения, \
    относится к полномочиям поселения. Рекомендуем обратиться в администрацию Бурашевского сельского поселения \
    для решения поставленного Вами вопроса.
    """

@Suite("Report formats") struct ReportFormatTests {
    @Test func badAnswerExitsOneWithItsErrors() throws {
        let path = try temporaryFile(Array(redirectAnswer.utf8))
        let run = Run(["check", path])
        #expect(run.code == 1)
        #expect(run.stdout.contains("error: "))
        #expect(run.stdout.contains("[redirect-elsewhere]"))
        #expect(run.stdout.contains("[no-deadline]"))
        #expect(run.stdout.contains("не проходит"))
    }

    @Test func sarifIsValidAndNamesRulesAndRegions() throws {
        let path = try temporaryFile(Array(("👍 " + redirectAnswer).utf8))
        let run = Run(["check", path, "--format", "sarif"])
        #expect(run.code == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let sarifRun = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(sarifRun["columnKind"] as? String == "utf16CodeUnits")
        let driver = try #require((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ruleIDs = (driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ruleIDs.contains("redirect-elsewhere"))
        let results = try #require(sarifRun["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        let units = Array(("👍 " + redirectAnswer).utf16)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            #expect(ruleIDs.firstIndex(of: ruleID) == result["ruleIndex"] as? Int)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let region = try #require(location["region"] as? [String: Any])
            let offset = try #require(region["charOffset"] as? Int)
            let length = try #require(region["charLength"] as? Int)
            let snippet = (region["snippet"] as? [String: Any])?["text"] as? String
            #expect(String(decoding: units[offset..<offset + length], as: UTF16.self) == snippet)
            #expect((region["startLine"] as? Int ?? 0) >= 1)
        }
        let redirect = try #require(results.first { $0["ruleId"] as? String == "redirect-elsewhere" })
        #expect(redirect["level"] as? String == "error")
    }

    @Test func jsonCarriesOffsetsInUTF16() throws {
        let text = "🙂 Здравствуйте! В настоящее время фонарь работает, его заменили 12 мая."
        let run = Run(["check", "-", "--format", "json"], stdin: Array(text.utf8))
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let findings = try #require(reports.first?["findings"] as? [[String: Any]])
        let finding = try #require(findings.first { $0["rule"] as? String == "bureaucratese" })
        #expect(finding["offset"] as? Int == 17)
        #expect(finding["length"] as? Int == 17)
        #expect(finding["match"] as? String == "В настоящее время")
        #expect(finding["replacements"] as? [String] == ["Сейчас"])
    }

    @Test func explainPrintsTheRule() {
        let run = Run(["check", "--explain", "legal-citation"])
        #expect(run.code == 0)
        #expect(run.stdout.contains("legal-citation"))
        #expect(run.stdout.contains("Плохо:"))
        #expect(Run(["check", "--explain", "nope"]).code == 2)
    }

    @Test func corpusScoreAgreesOnTheShippedCorpus() throws {
        let run = Run(["corpus", "score", "--format", "json"])
        #expect(run.code == 0, "\(run.stdout.suffix(2000))")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["agreement"] as? Double == 1)
    }

    @Test func traineeAnswersAreScored() throws {
        let answers = """
            {"case": "bad-02-kimry-embankment-sand", "answer": "Здравствуйте! Песок на набережной Фадеева уберут до 20 мая: заявку подрядчику ООО «Благоустройство» передали 12 мая."}
            {"case": "bad-02-kimry-embankment-sand", "answer": "Работы проводятся силами подрядчика."}
            """
        let path = try temporaryFile(Array(answers.utf8))
        let run = Run(["corpus", "score", "--answers", path])
        #expect(run.code == 1)
        #expect(run.stdout.contains("(line 1): оценка 10.0, проходит"))
        #expect(run.stdout.contains("(line 2)"))
        #expect(run.stdout.contains("answers: 1 passed, 1 failed"))
        let broken = try temporaryFile(Array("{\"case\": \"nope\", \"answer\": \"a\"}".utf8))
        let bad = Run(["corpus", "score", "--answers", broken])
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("line 1: no case 'nope'"))
    }
}
