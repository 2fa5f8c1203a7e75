import Foundation
import OtvetCorpus
import OtvetRules

/// `otvet corpus score`: how the linter (or a trainee) fares on the corpus.
struct CorpusScoreCommand: Command {
    static let name = "corpus score"
    static let summary = "Score the linter, or a trainee's answers, against the labelled corpus"
    static let help = """
        Usage: otvet corpus score [DIR] [--format text|json] [--answers FILE.jsonl]
                                  [--rules DIR] [--policy FILE]

        Checks every case of the corpus (default: ./Corpus) and reports per
        case the score, the verdict and whether it agrees with the trainer's
        label (good ↔ pass, bad ↔ fail); a confusion matrix; and per rule how
        often it fired on good and on bad cases and how often it found the
        reason the trainer named. Exit code 1 when any case disagrees.

        With --answers, scores a trainee's answers instead: one JSON object a
        line, {"case": "<case id>", "answer": "<text>"}; each is checked with
        its case's message and answer type. Exit code 1 when any fails.

        Options:
          --format text|json   Output format (default: text)
          --answers FILE       A trainee's answers (JSON Lines)
        \(RuleOptions.help)

        """

    let directory: String
    let format: String
    let answersPath: String?
    let rules: RuleOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        format = try arguments.choice("--format", ["text", "json"]) ?? "text"
        answersPath = try arguments.value("--answers")
        rules = try RuleOptions(parsing: &arguments)
        let positionals = try arguments.positionals()
        guard positionals.count <= 1 else { throw arguments.usage("corpus score takes one directory") }
        directory = positionals.first ?? "Corpus"
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let pack = try rules.loadPack(context)
        let checker = Checker(pack: pack, policy: try rules.loadPolicy(context, pack: pack))
        let corpus: [CorpusCase]
        do {
            corpus = try CorpusLoader.load(directory: InputReader(context: context).resolve(directory),
                                           knownRules: Set(pack.rules.map(\.id)))
        } catch {
            throw CLIError.input("the corpus does not load:\n\(error.description)")
        }
        if let answersPath { return try scoreTrainee(answersPath, corpus: corpus, checker: checker, context) }
        let score = try CorpusScore(corpus: corpus, checker: checker)
        context.write(format == "json" ? JSONOutput.encode(CorpusReport(score)) : CorpusText.report(score))
        return score.disagreements.isEmpty ? ExitCode.success : ExitCode.findings
    }

    private func scoreTrainee(_ path: String, corpus: [CorpusCase], checker: Checker,
                              _ context: CommandContext) throws -> Int32 {
        let text = try InputReader(context: context).read(path).text
        let answers: [TraineeAnswer]
        do {
            answers = try TraineeAnswers.parse(text, knownCases: Set(corpus.map(\.id)))
        } catch {
            throw CLIError.input("\(path): \(error.description)")
        }
        let cases = Dictionary(uniqueKeysWithValues: corpus.map { ($0.id, $0) })
        var results: [TraineeReport] = []
        for answer in answers {
            let item = cases[answer.caseID]!
            let result = try checker.check(Draft(text: answer.answer, message: item.message, answerType: item.type))
            results.append(TraineeReport(line: answer.line, case: answer.caseID, score: result.score,
                                         verdict: result.verdict, findings: result.findings))
        }
        if format == "json" {
            context.write(JSONOutput.encode(results))
        } else {
            for result in results {
                context.write("\(result.case) (line \(result.line)): оценка \(result.score), "
                              + (result.verdict == .pass ? "проходит" : "не проходит") + "\n")
                for finding in result.findings {
                    context.write("  \(finding.line):\(finding.column) \(finding.severity.rawValue) [\(finding.rule)] \(finding.message)\n")
                }
            }
            let passed = results.filter { $0.verdict == .pass }.count
            context.write("answers: \(passed) passed, \(results.count - passed) failed\n")
        }
        return results.allSatisfy { $0.verdict == .pass } ? ExitCode.success : ExitCode.findings
    }
}

struct TraineeReport: Encodable {
    let line: Int
    let `case`: String
    let score: Double
    let verdict: Verdict
    let findings: [Finding]
}

/// The JSON of `corpus score`: the score plus the derived agreement.
struct CorpusReport: Encodable {
    let agreement: Double
    let confusion: CorpusScore.Confusion
    let rules: [CorpusScore.RuleStats]
    let cases: [CorpusScore.CaseResult]

    init(_ score: CorpusScore) {
        agreement = score.agreement
        confusion = score.confusion
        rules = score.rules
        cases = score.cases
    }
}

/// The text of `corpus score`.
enum CorpusText {
    static func report(_ score: CorpusScore) -> String {
        var out = ""
        let width = score.cases.map(\.id.count).max() ?? 0
        for item in score.cases {
            out += (item.agrees ? "  ok  " : "  ✗   ") + item.id.padding(width) + "  \(item.label.rawValue.padding(4))  "
            out += String(format: "%4.1f", item.score) + "  \(item.verdict.rawValue.padding(4))  "
            out += item.fired.joined(separator: ", ")
            if !item.missed.isEmpty { out += "  (missed: \(item.missed.joined(separator: ", ")))" }
            out += "\n"
        }
        let matrix = score.confusion
        out += "\n            pass  fail\n"
        out += "  good    " + String(format: "%6d%6d", matrix.goodPass, matrix.goodFail) + "\n"
        out += "  bad     " + String(format: "%6d%6d", matrix.badPass, matrix.badFail) + "\n\n"
        let ruleWidth = score.rules.map(\.rule.count).max() ?? 0
        out += "  " + "rule".padding(ruleWidth) + "  on good  on bad  found/named\n"
        for rule in score.rules {
            out += "  " + rule.rule.padding(ruleWidth) + String(format: "  %7d  %6d  %5d/%d", rule.firedOnGood,
                                                                   rule.firedOnBad, rule.found, rule.named) + "\n"
        }
        out += String(format: "\nagreement: %d of %d cases (%.0f%%)\n", score.cases.count - score.disagreements.count,
                      score.cases.count, score.agreement * 100)
        return out
    }
}
