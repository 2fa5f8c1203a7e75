import OtvetRules
import OtvetText

/// `otvet bench`: throughput figures, printed, never asserted in tests.
struct BenchCommand: Command {
    static let name = "bench"
    static let summary = "Measure analysis and check speed (MB/s, checks/s)"
    static let help = """
        Usage: otvet bench [--megabytes N] [--repeat N]

        Generates N MB of Russian official-reply text and prints, for the
        same text in one run: MB/s of bare ICU word breaking and MB/s of the
        full analysis (tokens, compound kinds, stems, sentences, paragraphs),
        and their ratio; then checks per second and MB/s of the full rule
        set over answers of about 1.5 KB, with and without spelling.
        Build with -c release for meaningful figures.

        Options:
          --megabytes N   Size of the generated text (default: 10)
          --repeat N      Runs of each measurement; the best is reported (default: 3)
        \(RuleOptions.help)

        """

    let megabytes: Int
    let repetitions: Int
    let rules: RuleOptions

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        megabytes = try arguments.integer("--megabytes", in: 1...512) ?? 10
        repetitions = try arguments.integer("--repeat", in: 1...50) ?? 3
        rules = try RuleOptions(parsing: &arguments)
        try arguments.finish()
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let text = SampleText.generate(bytes: megabytes << 20)
        let size = Double(text.utf8.count) / 1_048_576
        let analyzer = try TextAnalyzer()
        context.write(String(format: "text: %.1f MB UTF-8, %d UTF-16 units\n", size, text.utf16.count))

        var segments = 0
        let icu = try best { segments = try analyzer.countICUWordSegments(text) }
        var sentenceSegments = 0
        let icuSentences = try best { sentenceSegments = try analyzer.countICUSentenceSegments(text) }
        var tokens = 0
        var sentences = 0
        let analysis = try best {
            let document = try analyzer.analyze(text)
            tokens = document.tokens.count
            sentences = document.sentences.count
        }
        context.write(String(format: "ICU word breaking: %8.1f MB/s  (%d segments, %.3f s)\n", size / icu, segments, icu))
        context.write(String(format: "ICU sentence breaking: %4.1f MB/s  (%d segments, %.3f s)\n",
                             size / icuSentences, sentenceSegments, icuSentences))
        context.write(String(format: "full analysis:     %8.1f MB/s  (%d tokens, %d sentences, %.3f s)\n",
                             size / analysis, tokens, sentences, analysis))
        context.write(String(format: "analysis / ICU:    %8.2f\n", icu / analysis))
        try benchmarkChecks(context)
        return ExitCode.success
    }

    /// Checks of ~1.5 KB answers, the size of a real reply, with the whole rule set.
    private func benchmarkChecks(_ context: CommandContext) throws {
        let pack = try rules.loadPack(context)
        var answers: [String] = []
        var seed: UInt64 = 1
        while answers.count < 2000 {
            let text = SampleText.generate(bytes: 1500, seed: seed)
            answers.append(text)
            seed += 1
        }
        let bytes = Double(answers.reduce(0) { $0 + $1.utf8.count }) / 1_048_576
        let documents = try answers.map { try pack.resources.analyzer.analyze($0) }
        let analysis = try best { for answer in answers { _ = try pack.resources.analyzer.analyze(answer) } }
        context.write(String(format: "  analysis of the answers alone: %.1f MB/s\n", bytes / analysis))
        var perRule: [(String, Double)] = []
        for rule in pack.rules {
            let settings = rule.description.settings
            let seconds = try best {
                for document in documents { _ = rule.check(CheckContext(document: document, settings: settings)) }
            }
            perRule.append((rule.id, seconds))
        }
        let ranked = perRule.sorted { $0.1 > $1.1 }.map { String(format: "%@ %.0f µs", $0.0, $0.1 / Double(answers.count) * 1e6) }
        context.write("  per answer, by rule: " + ranked.joined(separator: ", ") + "\n")
        for withSpelling in [false, true] {
            let policy = Policy(rules: withSpelling ? [:] : ["spelling": Policy.RuleOverride(enabled: false)])
            let checker = Checker(pack: pack, policy: policy)
            var findings = 0
            let seconds = try best {
                findings = 0
                for answer in answers { findings += try checker.check(Draft(text: answer)).findings.count }
            }
            context.write(String(format: "check, %@ spelling: %8.0f checks/s  %6.1f MB/s  (%d answers of ~1.5 KB, %d findings, %d rules)\n",
                                 withSpelling ? "with" : "without", Double(answers.count) / seconds, bytes / seconds,
                                 answers.count, findings, pack.rules.count - (withSpelling ? 0 : 1)))
        }
    }

    /// Best wall-clock seconds over the repetitions.
    func best(_ body: () throws -> Void) throws -> Double {
        var best = Double.infinity
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return best
    }
}
