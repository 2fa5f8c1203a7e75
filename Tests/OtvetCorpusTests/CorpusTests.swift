import Foundation
import OtvetCorpus
import OtvetRules
import OtvetText
import Testing

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let pack = try! RulePack.load(directory: root + "/Rules", analyzer: try! TextAnalyzer())
let corpus = try! CorpusLoader.load(directory: root + "/Corpus", knownRules: Set(pack.rules.map(\.id)))
let score = try! CorpusScore(corpus: corpus, checker: Checker(pack: pack))

@Suite("Corpus") struct CorpusTests {
    @Test func everyCaseAgreesWithItsLabel() {
        for item in score.disagreements {
            Issue.record("\(item.id): labelled \(item.label), but \(item.verdict) at \(item.score) with \(item.fired)")
        }
        #expect(score.confusion.goodFail == 0 && score.confusion.badPass == 0)
        #expect(score.cases.count == corpus.count)
    }

    /// The guide's bad cases are flagged with the problems the trainer named,
    /// and every rule the corpus names fires where it is named.
    @Test func namedReasonsAreFound() {
        for item in score.cases where !item.missed.isEmpty {
            Issue.record("\(item.id): the trainer named \(item.missed), which did not fire")
        }
        let guideBad = score.cases.filter { $0.id.hasPrefix("bad-") }
        #expect(guideBad.count == 5)
        #expect(guideBad.allSatisfy { $0.findings.contains { $0.severity == .error } })
    }

    /// Acceptance of the rule engine: the guide's good answers carry no error.
    @Test func guideGoodAnswersHaveNoErrors() {
        for item in score.cases where item.id.hasPrefix("good-") {
            let errors = item.findings.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(item.id): \(errors.map { "\($0.rule) «\($0.match)»" })")
        }
    }

    @Test func everyRuleHasACaseThatNamesIt() {
        let named = Set(corpus.flatMap(\.rules))
        #expect(named.isSubset(of: Set(pack.rules.map(\.id))), "the corpus names only rules of the pack")
        for rule in pack.rules.map(\.id) where !named.contains(rule) {
            Issue.record("no corpus case names \(rule)")
        }
    }

    @Test func confusionMatrixAddsUp() {
        let matrix = score.confusion
        #expect(matrix.goodPass + matrix.goodFail == corpus.filter { $0.label == .good }.count)
        #expect(matrix.badPass + matrix.badFail == corpus.filter { $0.label == .bad }.count)
    }
}

@Suite("Corpus files") struct CorpusFileTests {
    let minimal = "id: x\nlabel: bad\nanswer: Ответ\nrules: [no-deadline]\n"

    @Test func aMinimalCaseParses() throws {
        let item = try CorpusCaseParser.parse(minimal, path: "x.yml", knownRules: ["no-deadline"])
        #expect(item.label == .bad)
        #expect(item.answer == "Ответ")
        #expect(item.rules == ["no-deadline"])
    }

    @Test(arguments: [
        ("label: bad", "label: meh", "x.yml:2:8: label must be good or bad"),
        ("rules: [no-deadline]", "rules: [no-such-rule]", "x.yml:4:8: unknown rule 'no-such-rule'"),
        ("answer: Ответ\n", "", "missing key 'answer'"),
        ("id: x\n", "id: x\ncolour: red\n", "unknown key 'colour'"),
        ("label: bad", "label: bad\ntype: someday", "type must be resolved"),
    ])
    func aBrokenCaseNamesTheProblem(original: String, replacement: String, expected: String) {
        let broken = minimal.replacingOccurrences(of: original, with: replacement)
        do {
            _ = try CorpusCaseParser.parse(broken, path: "x.yml", knownRules: ["no-deadline"])
            Issue.record("parsed: \(broken)")
        } catch {
            #expect(error.description.contains(expected), "got \(error.description)")
        }
    }

    @Test func traineeAnswersReportTheBadLine() {
        let good = #"{"case": "x", "answer": "Здравствуйте!"}"#
        #expect(throws: TraineeAnswerError(line: 2, message: "not a JSON object")) {
            try TraineeAnswers.parse(good + "\n{oops\n", knownCases: ["x"])
        }
        #expect(throws: TraineeAnswerError(line: 1, message: "no case 'y' in the corpus")) {
            try TraineeAnswers.parse(#"{"case": "y", "answer": "a"}"#, knownCases: ["x"])
        }
    }

    @Test func traineeAnswersSkipBlankLines() throws {
        let good = #"{"case": "x", "answer": "Здравствуйте!"}"#
        #expect(try TraineeAnswers.parse(good + "\n\n" + good, knownCases: ["x"]).map(\.line) == [1, 3])
        #expect(try TraineeAnswers.parse(good + "\r\n" + good + "\r\n", knownCases: ["x"]).map(\.line) == [1, 2])
    }
}
