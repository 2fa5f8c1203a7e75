/// An organisation's check policy: which rules run, at what severity,
/// with which thresholds, which findings block approval, and the pass mark.
public struct Policy: Sendable {
    public struct RuleOverride: Sendable {
        public var enabled: Bool?
        public var severity: Severity?
        /// Whether an `error` finding of this rule blocks approval (default: yes).
        public var blocking: Bool?
        public var settings = RuleSettings()

        public init(enabled: Bool? = nil, severity: Severity? = nil, blocking: Bool? = nil,
                    settings: RuleSettings = RuleSettings()) {
            self.enabled = enabled
            self.severity = severity
            self.blocking = blocking
            self.settings = settings
        }
    }

    public var name: String
    /// The lowest score that passes (0–10).
    public var passMark: Double
    public var rules: [String: RuleOverride]

    public init(name: String = "default", passMark: Double = 5, rules: [String: RuleOverride] = [:]) {
        self.name = name
        self.passMark = passMark
        self.rules = rules
    }

    public static let standard = Policy()

    public func isEnabled(_ rule: String) -> Bool { rules[rule]?.enabled ?? true }

    public func blocks(_ finding: Finding) -> Bool {
        finding.severity == .error && (rules[finding.rule]?.blocking ?? true)
    }

    /// Reads a policy file:
    ///
    ///     name: Администрация города
    ///     pass_mark: 6
    ///     rules:
    ///       spelling: {enabled: false}
    ///       long-sentence: {severity: suggestion, max: 25}
    ///       legal-citation: {blocking: false}
    public static func parse(_ yaml: String, path: String, knownRules: Set<String>) throws(DataFileError) -> Policy {
        let root = try YAMLParser.parse(yaml, path: path)
        func fail(_ node: YAMLNode, _ message: String) -> DataFileError {
            DataFileError(path: path, line: node.line, column: node.column, message: message)
        }
        guard case .mapping(let pairs) = root.value else { throw fail(root, "a policy must be a mapping") }
        var policy = Policy()
        for (key, value) in pairs {
            switch key {
            case "name":
                guard let name = value.scalar else { throw fail(value, "name must be text") }
                policy.name = name
            case "pass_mark":
                guard let text = value.scalar, let mark = Double(text), (0...10).contains(mark) else {
                    throw fail(value, "pass_mark must be a number from 0 to 10")
                }
                policy.passMark = mark
            case "rules":
                guard case .mapping(let ruleOverrides) = value.value else { throw fail(value, "rules must be a mapping of rule ids") }
                for (id, node) in ruleOverrides {
                    guard knownRules.contains(id) else {
                        throw fail(node, "unknown rule '\(id)' (known: \(knownRules.sorted().joined(separator: ", ")))")
                    }
                    policy.rules[id] = try parseOverride(node, id: id, fail: fail)
                }
            default:
                throw fail(value, "unknown key '\(key)' (allowed: name, pass_mark, rules)")
            }
        }
        return policy
    }

    private static func parseOverride(_ node: YAMLNode, id: String,
                                      fail: (YAMLNode, String) -> DataFileError) throws(DataFileError) -> RuleOverride {
        guard case .mapping(let fields) = node.value else { throw fail(node, "rules.\(id) must be a mapping") }
        var result = RuleOverride()
        for (key, value) in fields {
            guard let text = value.scalar else { throw fail(value, "rules.\(id).\(key) must be a single value") }
            switch key {
            case "enabled", "blocking":
                guard let flag = ["true": true, "false": false, "yes": true, "no": false][text] else {
                    throw fail(value, "rules.\(id).\(key) must be true or false")
                }
                if key == "enabled" { result.enabled = flag } else { result.blocking = flag }
            case "severity":
                guard let severity = Severity(rawValue: text) else {
                    throw fail(value, "rules.\(id).severity must be error, warning or suggestion")
                }
                result.severity = severity
            default:
                guard let number = Double(text) else { throw fail(value, "rules.\(id).\(key) must be a number") }
                result.settings.values[key] = number
            }
        }
        return result
    }
}
