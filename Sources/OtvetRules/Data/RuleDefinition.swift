/// A rule as written in its YAML file, before its kind turns it into a `Rule`.
public struct RuleDefinition: Sendable {
    public let description: RuleDescription
    /// The kind-specific `params:` mapping.
    public let params: Params
}

/// Checked access to a `params:` mapping: every error names the file, the
/// line and the key.
public struct Params: Sendable {
    public let node: YAMLNode?
    public let path: String

    public init(node: YAMLNode?, path: String) {
        self.node = node
        self.path = path
    }

    func error(_ at: YAMLNode?, _ message: String) -> DataFileError {
        DataFileError(path: path, line: at?.line ?? node?.line ?? 1, column: at?.column ?? node?.column ?? 1,
                      message: message)
    }

    public func string(_ key: String) throws(DataFileError) -> String? {
        guard let value = node?[key] else { return nil }
        guard let text = value.scalar else { throw error(value, "params.\(key) must be text, not \(value.kindName)") }
        return text
    }

    public func requiredString(_ key: String) throws(DataFileError) -> String {
        guard let text = try string(key) else { throw error(node, "params.\(key) is missing") }
        return text
    }

    public func strings(_ key: String) throws(DataFileError) -> [String] {
        guard let value = node?[key] else { return [] }
        return try YAMLReading.strings(value, name: "params.\(key)", path: path)
    }

    public func number(_ key: String) throws(DataFileError) -> Double? {
        guard let value = node?[key] else { return nil }
        guard let text = value.scalar, let number = Double(text) else {
            throw error(value, "params.\(key) must be a number")
        }
        return number
    }

    /// Every numeric param, as default settings the policy may override.
    public func settings() -> RuleSettings {
        guard case .mapping(let pairs)? = node?.value else { return RuleSettings() }
        var values: [String: Double] = [:]
        for (key, value) in pairs { if let text = value.scalar, let number = Double(text) { values[key] = number } }
        return RuleSettings(values)
    }
}

/// Small helpers for reading YAML data with errors that say where.
enum YAMLReading {
    static func strings(_ node: YAMLNode, name: String, path: String) throws(DataFileError) -> [String] {
        if let single = node.scalar { return single.isEmpty ? [] : [single] }
        guard case .sequence(let items) = node.value else {
            throw DataFileError(path: path, line: node.line, column: node.column, message: "\(name) must be a list of text")
        }
        var result: [String] = []
        for item in items {
            guard let text = item.scalar else {
                throw DataFileError(path: path, line: item.line, column: item.column,
                                    message: "\(name) must contain only text, found \(item.kindName)")
            }
            result.append(text)
        }
        return result
    }

    static func mapping(_ node: YAMLNode, name: String, path: String) throws(DataFileError) -> YAMLNode {
        guard case .mapping = node.value else {
            throw DataFileError(path: path, line: node.line, column: node.column, message: "\(name) must be a mapping")
        }
        return node
    }
}
