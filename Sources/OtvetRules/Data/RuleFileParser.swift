/// Reads one rule file (`Rules/rules/<id>.yml`) into a `RuleDefinition`,
/// refusing unknown keys and missing ones with the line to look at.
public enum RuleFileParser {
    static let allowedKeys: Set<String> = [
        "id", "kind", "name", "summary", "severity", "message", "explanation", "params", "examples",
    ]

    public static func parse(_ yaml: String, path: String) throws(DataFileError) -> RuleDefinition {
        let root = try YAMLParser.parse(yaml, path: path)
        func fail(_ node: YAMLNode?, _ message: String) -> DataFileError {
            DataFileError(path: path, line: node?.line ?? root.line, column: node?.column ?? root.column, message: message)
        }
        guard case .mapping(let pairs) = root.value else { throw fail(root, "a rule file must be a mapping") }
        for pair in pairs where !allowedKeys.contains(pair.key) {
            throw fail(pair.value, "unknown key '\(pair.key)' (allowed: \(allowedKeys.sorted().joined(separator: ", ")))")
        }
        func text(_ key: String) throws(DataFileError) -> String {
            guard let node = root[key] else { throw fail(root, "missing key '\(key)'") }
            guard let value = node.scalar, !value.trimmingWhitespace.isEmpty else {
                throw fail(node, "'\(key)' must be non-empty text")
            }
            return value
        }
        let id = try text("id")
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw fail(root["id"], "id '\(id)' must be lower-case ASCII letters, digits and hyphens")
        }
        let severityText = try text("severity")
        guard let severity = Severity(rawValue: severityText) else {
            throw fail(root["severity"], "severity must be error, warning or suggestion, not '\(severityText)'")
        }
        let source = path
        let examples = try parseExamples(root["examples"], path: path, fail: fail)
        if let params = root["params"] { _ = try YAMLReading.mapping(params, name: "params", path: path) }
        let params = Params(node: root["params"], path: path)
        let description = RuleDescription(
            id: id, kind: try text("kind"), name: try text("name"), summary: try text("summary"),
            severity: severity, message: try text("message"), explanation: try text("explanation"),
            examples: examples, settings: params.settings(), source: source)
        return RuleDefinition(description: description, params: params)
    }

    private static func parseExamples(_ node: YAMLNode?, path: String,
                                      fail: (YAMLNode?, String) -> DataFileError) throws(DataFileError) -> [RuleExample] {
        guard let node else { throw fail(nil, "missing key 'examples' (every rule carries bad and good examples)") }
        guard case .mapping(let pairs) = node.value else { throw fail(node, "'examples' must have 'bad' and 'good' lists") }
        var examples: [RuleExample] = []
        for (key, list) in pairs {
            guard let expectation = RuleExample.Expectation(rawValue: key) else {
                throw fail(list, "examples may have only 'bad' and 'good', not '\(key)'")
            }
            guard case .sequence(let items) = list.value, !items.isEmpty else {
                throw fail(list, "examples.\(key) must be a non-empty list")
            }
            for item in items {
                var marked = item.scalar
                var answerType: AnswerType?
                var message: String?
                if case .mapping = item.value {
                    marked = item["text"]?.scalar
                    message = item["message"]?.scalar
                    if let typeName = item["type"]?.scalar {
                        guard let type = AnswerType(rawValue: typeName) else {
                            throw fail(item["type"], "type must be resolved, unresolved, postponed or rejected")
                        }
                        answerType = type
                    }
                }
                guard let marked else { throw fail(item, "an example is text, or a mapping with 'text'") }
                do {
                    examples.append(try RuleExample(expectation: expectation, marked: marked, answerType: answerType,
                                                    message: message, source: "\(path):\(item.line)"))
                } catch {
                    throw fail(item, error.message)
                }
            }
        }
        guard examples.contains(where: { $0.expectation == .bad }), examples.contains(where: { $0.expectation == .good })
        else { throw fail(node, "a rule needs at least one bad and one good example") }
        return examples
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
