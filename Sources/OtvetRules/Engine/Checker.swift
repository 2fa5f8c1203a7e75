import OtvetText

/// A draft answer and what is known around it.
public struct Draft: Sendable {
    public var text: String
    /// The citizen's message, when known.
    public var message: String?
    public var answerType: AnswerType?

    public init(text: String, message: String? = nil, answerType: AnswerType? = nil) {
        self.text = text
        self.message = message
        self.answerType = answerType
    }
}

public enum Verdict: String, Sendable, Codable {
    case pass, fail
}

/// The outcome of a check: what every reporter, the store and the API carry.
public struct CheckResult: Sendable, Codable {
    public let score: Double
    public let verdict: Verdict
    public let passMark: Double
    public let findings: [Finding]
    /// Ids of rules whose findings block approval under the policy.
    public let blockingRules: [String]

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}

/// Runs a rule pack over a draft under a policy.
public struct Checker: Sendable {
    public let pack: RulePack
    public let policy: Policy

    public init(pack: RulePack, policy: Policy = .standard) {
        self.pack = pack
        self.policy = policy
    }

    public func check(_ draft: Draft) throws -> CheckResult {
        let analyzer = pack.resources.analyzer
        let document = try analyzer.analyze(draft.text)
        let message = try draft.message.map { try analyzer.analyze($0) }
        return check(document, message: message, answerType: draft.answerType)
    }

    public func check(_ document: Document, message: Document? = nil, answerType: AnswerType? = nil) -> CheckResult {
        var findings: [Finding] = []
        let memo = CheckMemo()
        for rule in pack.rules where policy.isEnabled(rule.id) {
            let override = policy.rules[rule.id]
            let settings = rule.description.settings.merging(override?.settings ?? RuleSettings())
            let context = CheckContext(document: document, message: message, answerType: answerType, settings: settings,
                                       memo: memo)
            for var finding in Self.escalated(rule.check(context), settings: settings, words: document.wordCount) {
                if let severity = override?.severity { finding.severity = severity }
                findings.append(finding)
            }
        }
        findings.sort { ($0.offset, $0.length, $0.rule) < ($1.offset, $1.length, $1.rule) }
        let score = Score.compute(findings)
        let blocking = findings.filter(policy.blocks)
        let verdict: Verdict = blocking.isEmpty && score >= policy.passMark ? .pass : .fail
        return CheckResult(score: score, verdict: verdict, passMark: policy.passMark, findings: findings,
                           blockingRules: Array(Set(blocking.map(\.rule))).sorted())
    }

    /// Vale's occurrence idea, for any rule: one typo or one acronym is a
    /// blemish, a text thick with them fails the reader. When a rule's
    /// `error_density` setting is set and its findings reach that many per
    /// 100 words (and at least `error_min_count`, default 2), every one of
    /// them becomes an error.
    static func escalated(_ findings: [Finding], settings: RuleSettings, words: Int) -> [Finding] {
        guard let threshold = settings.values["error_density"], words > 0,
              Double(findings.count) >= settings["error_min_count", default: 2] else { return findings }
        let density = Double(findings.count) * 100 / Double(words)
        guard density >= threshold else { return findings }
        let note = " Таких замечаний \(MetricRule.format(density)) на 100 слов (порог \(MetricRule.format(threshold))): текст придётся исправить."
        return findings.map { finding in
            var raised = finding
            raised.severity = .error
            raised.message += note
            return raised
        }
    }
}
