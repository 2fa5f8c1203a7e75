import OtvetRules

/// How the linter agrees with the trainers on a corpus: per case, a
/// confusion matrix, and per rule how often it fired on good and on bad
/// cases and whether it found the reasons the trainer named.
public struct CorpusScore: Sendable, Codable {
    public struct CaseResult: Sendable, Codable {
        public let id: String
        public let label: CorpusCase.Label
        public let score: Double
        public let verdict: Verdict
        /// good ↔ pass, bad ↔ fail.
        public let agrees: Bool
        /// Rules that fired, each once.
        public let fired: [String]
        /// Rules the trainer named that did not fire.
        public let missed: [String]
        public let findings: [Finding]
    }

    public struct RuleStats: Sendable, Codable {
        public let rule: String
        /// Cases of each label on which the rule fired.
        public var firedOnGood = 0
        public var firedOnBad = 0
        /// Cases whose trainer named this rule, and how many of them it fired on.
        public var named = 0
        public var found = 0
    }

    public struct Confusion: Sendable, Codable {
        public var goodPass = 0
        public var goodFail = 0
        public var badPass = 0
        public var badFail = 0
    }

    public let cases: [CaseResult]
    public let confusion: Confusion
    public let rules: [RuleStats]

    public var agreement: Double {
        cases.isEmpty ? 1 : Double(cases.filter(\.agrees).count) / Double(cases.count)
    }

    public var disagreements: [CaseResult] { cases.filter { !$0.agrees } }

    public init(corpus: [CorpusCase], checker: Checker) throws {
        var results: [CaseResult] = []
        var confusion = Confusion()
        var stats: [String: RuleStats] = [:]
        for rule in checker.pack.rules { stats[rule.id] = RuleStats(rule: rule.id) }
        for item in corpus {
            let result = try checker.check(item.draft)
            let fired = Array(Set(result.findings.map(\.rule))).sorted()
            let agrees = (item.label == .good) == (result.verdict == .pass)
            switch (item.label, result.verdict) {
            case (.good, .pass): confusion.goodPass += 1
            case (.good, .fail): confusion.goodFail += 1
            case (.bad, .pass): confusion.badPass += 1
            case (.bad, .fail): confusion.badFail += 1
            }
            for rule in fired {
                if item.label == .good { stats[rule]?.firedOnGood += 1 } else { stats[rule]?.firedOnBad += 1 }
            }
            for rule in item.rules {
                stats[rule]?.named += 1
                if fired.contains(rule) { stats[rule]?.found += 1 }
            }
            results.append(CaseResult(id: item.id, label: item.label, score: result.score, verdict: result.verdict,
                                      agrees: agrees, fired: fired, missed: item.rules.filter { !fired.contains($0) },
                                      findings: result.findings))
        }
        cases = results
        self.confusion = confusion
        rules = stats.values.sorted { $0.rule < $1.rule }
    }
}
