/// The 0–10 score of a draft.
///
/// Each rule takes points off once per draft, not once per finding, so one
/// long list of канцелярит does not outweigh a missing deadline:
/// a rule costs the weight of its worst finding (error 3, warning 1,
/// suggestion 0.25) plus a quarter of the weight of each further finding,
/// and at most one and a half times its worst weight. The score is 10 minus the rules' costs,
/// never below 0, and any `error` caps it at 4: a draft with an error
/// never looks good, whatever else it does well.
public enum Score {
    public static let errorCap = 4.0

    public static func weight(_ severity: Severity) -> Double {
        switch severity {
        case .error: 3
        case .warning: 1
        case .suggestion: 0.25
        }
    }

    public static func compute(_ findings: [Finding]) -> Double {
        var byRule: [String: [Severity]] = [:]
        for finding in findings { byRule[finding.rule, default: []].append(finding.severity) }
        var penalty = 0.0
        for severities in byRule.values {
            let worst = weight(severities.max()!)
            let further = severities.map(weight).reduce(0, +) - worst
            penalty += min(worst + further / 4, worst * 1.5)
        }
        var score = max(0, 10 - penalty)
        if findings.contains(where: { $0.severity == .error }) { score = min(score, errorCap) }
        return (score * 10).rounded() / 10
    }
}
