/// A phrase list from `Rules/lexicons/<name>.yml`: entries with a phrase,
/// replacements, an optional note and conditions.
public struct Lexicon: Sendable {
    public struct Entry: Sendable {
        public let phrase: String
        public let replacements: [String]
        public let note: String?
        public let nextIsWord: Bool
        public let unlessNext: [String]
        public let unlessPrevious: [String]
        public let line: Int
    }

    public let name: String
    public let entries: [Entry]
    /// Other top-level word lists (`nouns:`, `domain:`, `known:`…).
    public let lists: [String: [String]]

    static let entryKeys: Set<String> = ["phrase", "replace", "note", "next", "unless_next", "unless_prev"]

    public static func parse(_ text: String, name: String, path: String) throws(DataFileError) -> Lexicon {
        let root = try YAMLParser.parse(text, path: path)
        guard case .mapping(let pairs) = root.value else {
            throw DataFileError(path: path, line: root.line, column: root.column, message: "a lexicon must be a mapping")
        }
        var entries: [Entry] = []
        var lists: [String: [String]] = [:]
        for (key, value) in pairs {
            guard key == "entries" else {
                lists[key] = try YAMLReading.strings(value, name: key, path: path)
                continue
            }
            guard case .sequence(let items) = value.value else {
                throw DataFileError(path: path, line: value.line, column: value.column, message: "entries must be a list")
            }
            for item in items {
                func fail(_ node: YAMLNode?, _ message: String) -> DataFileError {
                    DataFileError(path: path, line: (node ?? item).line, column: (node ?? item).column, message: message)
                }
                guard case .mapping(let fields) = item.value else { throw fail(item, "an entry must be a mapping with 'phrase'") }
                if let unknown = fields.first(where: { !entryKeys.contains($0.key) }) {
                    throw fail(unknown.value, "unknown key '\(unknown.key)' in a lexicon entry")
                }
                guard let phrase = item["phrase"]?.scalar, !phrase.trimmingWhitespace.isEmpty else {
                    throw fail(item["phrase"], "an entry needs a non-empty 'phrase'")
                }
                if let bad = phrase.first(where: { ",.;:!?()«»\"".contains($0) }) {
                    throw fail(item["phrase"], "phrase '\(phrase)' contains '\(bad)': phrases are words only")
                }
                let next = item["next"]?.scalar
                if let next, next != "word" { throw fail(item["next"], "next may only be 'word'") }
                entries.append(Entry(
                    phrase: phrase,
                    replacements: try item["replace"].map { node throws(DataFileError) in
                        try YAMLReading.strings(node, name: "replace", path: path) } ?? [],
                    note: item["note"]?.scalar,
                    nextIsWord: next == "word",
                    unlessNext: try item["unless_next"].map { node throws(DataFileError) in
                        try YAMLReading.strings(node, name: "unless_next", path: path) } ?? [],
                    unlessPrevious: try item["unless_prev"].map { node throws(DataFileError) in
                        try YAMLReading.strings(node, name: "unless_prev", path: path) } ?? [],
                    line: item.line))
            }
        }
        return Lexicon(name: name, entries: entries, lists: lists)
    }
}
