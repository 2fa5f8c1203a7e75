import CYAML

/// Reads YAML with libyaml into `YAMLNode`s. Anchors and aliases are
/// refused (a rule file has no use for them, and they are the way to
/// make a small file expand without bound); so is nesting past a depth.
public enum YAMLParser {
    static let maximumDepth = 64

    public static func parse(_ text: String, path: String) throws(DataFileError) -> YAMLNode {
        // libyaml's parser lives at one address for its whole life.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw DataFileError(path: path, line: 0, column: 0, message: "libyaml could not start")
        }
        defer { yaml_parser_delete(parser) }
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(DataFileError) -> YAMLNode in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var reader = EventReader(parser: parser, path: path)
            return try reader.document()
        }
    }

    private struct EventReader {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let path: String

        mutating func next() throws(DataFileError) -> yaml_event_t {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else {
                let mark = parser.pointee.problem_mark
                let problem = parser.pointee.problem.map { String(cString: $0) } ?? "malformed YAML"
                throw DataFileError(path: path, line: mark.line + 1, column: mark.column + 1, message: problem)
            }
            return event
        }

        func error(_ event: yaml_event_t, _ message: String) -> DataFileError {
            DataFileError(path: path, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                          message: message)
        }

        mutating func document() throws(DataFileError) -> YAMLNode {
            var root: YAMLNode?
            while true {
                var event = try next()
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT, YAML_DOCUMENT_END_EVENT:
                    continue
                case YAML_STREAM_END_EVENT:
                    return root ?? YAMLNode(value: .mapping([]), line: 1, column: 1)
                default:
                    guard root == nil else { throw error(event, "only one YAML document is allowed per file") }
                    root = try node(from: event, depth: 0)
                }
            }
        }

        mutating func node(from event: yaml_event_t, depth: Int) throws(DataFileError) -> YAMLNode {
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            guard depth < YAMLParser.maximumDepth else { throw error(event, "nesting deeper than \(YAMLParser.maximumDepth)") }
            switch event.type {
            case YAML_SCALAR_EVENT:
                if event.data.scalar.anchor != nil { throw error(event, "anchors are not supported") }
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                return YAMLNode(value: .scalar(text), line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                var items: [YAMLNode] = []
                while true {
                    var child = try next()
                    defer { yaml_event_delete(&child) }
                    if child.type == YAML_SEQUENCE_END_EVENT { break }
                    items.append(try node(from: child, depth: depth + 1))
                }
                return YAMLNode(value: .sequence(items), line: line, column: column)
            case YAML_MAPPING_START_EVENT:
                var pairs: [(key: String, value: YAMLNode)] = []
                while true {
                    var keyEvent = try next()
                    defer { yaml_event_delete(&keyEvent) }
                    if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                    let key = try node(from: keyEvent, depth: depth + 1)
                    guard let name = key.scalar else { throw error(keyEvent, "mapping keys must be plain text") }
                    if pairs.contains(where: { $0.key == name }) { throw error(keyEvent, "duplicate key '\(name)'") }
                    var valueEvent = try next()
                    defer { yaml_event_delete(&valueEvent) }
                    pairs.append((name, try node(from: valueEvent, depth: depth + 1)))
                }
                return YAMLNode(value: .mapping(pairs), line: line, column: column)
            case YAML_ALIAS_EVENT:
                throw error(event, "aliases (*name) are not supported")
            default:
                throw error(event, "unexpected YAML event")
            }
        }
    }
}
