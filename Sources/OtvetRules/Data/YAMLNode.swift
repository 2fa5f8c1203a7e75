/// A parsed YAML value with the line and column it came from, so that a
/// bad rule file is reported where the trainer has to look.
public struct YAMLNode: Sendable {
    public indirect enum Value: Sendable {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([(key: String, value: YAMLNode)])
    }

    public let value: Value
    public let line: Int
    public let column: Int

    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = value else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    public var scalar: String? {
        if case .scalar(let text) = value { return text }
        return nil
    }

    public var keys: [String] {
        if case .mapping(let pairs) = value { return pairs.map(\.key) }
        return []
    }

    public var kindName: String {
        switch value {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// A problem in a data file, with where it is.
public struct DataFileError: Error, CustomStringConvertible, Sendable, Equatable {
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): \(message)" }
}
