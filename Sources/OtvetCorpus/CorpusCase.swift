import OtvetRules

/// One labelled case of the trainers' corpus: a citizen's message, the
/// answer an organisation gave, the trainer's label and reasons, and the
/// rule ids those reasons correspond to.
public struct CorpusCase: Sendable, Codable, Equatable {
    public enum Label: String, Sendable, Codable {
        case good, bad
    }

    public var id: String
    public var label: Label
    /// `guide` (from the training guide) or `written` (written for the corpus).
    public var source: String
    public var section: String?
    public var category: String?
    public var region: String?
    public var address: String?
    public var organisation: String?
    public var type: AnswerType?
    public var message: String?
    public var answer: String
    /// The text of an attached file, when the real answer was sent as one.
    public var attachment: String?
    /// The trainer's reasons, verbatim.
    public var reasons: [String]
    /// Rule ids the reasons correspond to.
    public var rules: [String]

    public var draft: Draft { Draft(text: answer, message: message, answerType: type) }
}

/// Reads a case file, refusing unknown keys and wrong values with the line to look at.
public enum CorpusCaseParser {
    static let keys: Set<String> = [
        "id", "label", "source", "section", "category", "region", "address", "organisation", "type", "message",
        "answer", "attachment", "reasons", "rules",
    ]

    public static func parse(_ yaml: String, path: String, knownRules: Set<String>? = nil) throws(DataFileError) -> CorpusCase {
        let root = try YAMLParser.parse(yaml, path: path)
        func fail(_ node: YAMLNode?, _ message: String) -> DataFileError {
            DataFileError(path: path, line: (node ?? root).line, column: (node ?? root).column, message: message)
        }
        guard case .mapping(let pairs) = root.value else { throw fail(root, "a case must be a mapping") }
        if let unknown = pairs.first(where: { !keys.contains($0.key) }) {
            throw fail(unknown.value, "unknown key '\(unknown.key)'")
        }
        func text(_ key: String) throws(DataFileError) -> String? {
            guard let node = root[key] else { return nil }
            guard let value = node.scalar else { throw fail(node, "'\(key)' must be text") }
            return value.hasSuffix("\n") ? String(value.dropLast()) : value
        }
        func required(_ key: String) throws(DataFileError) -> String {
            guard let value = try text(key), !value.trimmingWhitespaceIsEmpty else { throw fail(root, "missing key '\(key)'") }
            return value
        }
        let labelText = try required("label")
        guard let label = CorpusCase.Label(rawValue: labelText) else {
            throw fail(root["label"], "label must be good or bad, not '\(labelText)'")
        }
        var type: AnswerType?
        if let typeText = try text("type") {
            guard let parsed = AnswerType(rawValue: typeText) else {
                throw fail(root["type"], "type must be resolved, unresolved, postponed or rejected")
            }
            type = parsed
        }
        func list(_ key: String) throws(DataFileError) -> [String] {
            guard let node = root[key] else { return [] }
            if case .sequence(let items) = node.value {
                var result: [String] = []
                for item in items {
                    guard let value = item.scalar else { throw fail(item, "'\(key)' must be a list of text") }
                    result.append(value)
                }
                return result
            }
            throw fail(node, "'\(key)' must be a list")
        }
        let rules = try list("rules")
        if let knownRules, let node = root["rules"], let unknown = rules.first(where: { !knownRules.contains($0) }) {
            throw fail(node, "unknown rule '\(unknown)'")
        }
        return CorpusCase(
            id: try required("id"), label: label, source: try text("source") ?? "written", section: try text("section"),
            category: try text("category"), region: try text("region"), address: try text("address"),
            organisation: try text("organisation"), type: type, message: try text("message"),
            answer: try required("answer"), attachment: try text("attachment"), reasons: try list("reasons"),
            rules: rules)
    }
}

extension String {
    var trimmingWhitespaceIsEmpty: Bool { allSatisfy(\.isWhitespace) }
}
