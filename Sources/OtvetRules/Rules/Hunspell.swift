import CHunspell
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hunspell behind one owner of its C handle, in the manner of GRDB's
/// `Statement`: the handle lives as long as this object and `deinit`
/// destroys it. Hunspell is not thread-safe, so every call holds a lock;
/// answers are cached (bounded) because replies repeat their words and a
/// suggestion costs milliseconds.
final class Hunspell: Sendable {
    private struct State: ~Copyable {
        let handle: OpaquePointer
        var verdicts: [String: Bool] = [:]
        var suggestions: [String: [String]] = [:]
    }

    /// Bounds each cache so a long-running service does not grow without limit.
    static let cacheLimit = 50_000
    /// Where Debian, Fedora, Homebrew and LibreOffice put Russian dictionaries.
    static let standardLocations = [
        "/usr/share/hunspell/ru_RU", "/usr/share/myspell/ru_RU", "/usr/share/myspell/dicts/ru_RU",
        "/usr/local/share/hunspell/ru_RU", "/opt/homebrew/share/hunspell/ru_RU", "/usr/lib/libreoffice/share/extensions/dict-ru/ru_RU",
    ]

    private let state: Mutex<State>
    /// The dictionary actually loaded: `<base>.aff` and `<base>.dic`.
    let base: String

    /// Loads the first of `candidates` (paths without `.aff`/`.dic`) whose two files can be read.
    init(candidates: [String]) throws(HunspellError) {
        guard let base = candidates.first(where: { access($0 + ".aff", R_OK) == 0 && access($0 + ".dic", R_OK) == 0 }) else {
            throw .dictionaryNotFound(tried: candidates)
        }
        guard let handle = Hunspell_create(base + ".aff", base + ".dic") else { throw .cannotLoad(base) }
        let encoding = Hunspell_get_dic_encoding(handle).map { String(cString: $0) } ?? "?"
        guard encoding.uppercased() == "UTF-8" || encoding.uppercased() == "UTF8" else {
            Hunspell_destroy(handle)
            throw .unsupportedEncoding(base, encoding)
        }
        self.base = base
        state = Mutex(State(handle: handle))
    }

    deinit {
        state.withLock { Hunspell_destroy($0.handle) }
    }

    /// Adds a word; with `model`, every form the model word takes («грейдированию» like «проектированию»).
    func add(_ word: String, like model: String? = nil) {
        state.withLock { state in
            if let model { _ = Hunspell_add_with_affix(state.handle, word, model) } else { _ = Hunspell_add(state.handle, word) }
            state.verdicts.removeAll()
        }
    }

    /// Adds a word list: one word a line, optionally followed by a model word; `#` starts a comment.
    /// Returns the number of words added.
    @discardableResult
    func addWords(fromFile path: String) throws(HunspellError) -> Int {
        guard let file = fopen(path, "r") else { throw .wordListUnreadable(path) }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        var added = 0
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            let content = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard let word = fields.first else { continue }
            add(String(word), like: fields.count > 1 ? String(fields[1]) : nil)
            added += 1
        }
        return added
    }

    /// Whether hunspell knows the word (UTF-8, as written: hunspell handles capitals itself).
    func spell(_ word: String) -> Bool {
        state.withLock { state in
            if let verdict = state.verdicts[word] { return verdict }
            let verdict = Hunspell_spell(state.handle, word) != 0
            if state.verdicts.count >= Self.cacheLimit { state.verdicts.removeAll(keepingCapacity: true) }
            state.verdicts[word] = verdict
            return verdict
        }
    }

    /// Hunspell's suggestions for a word, best first.
    func suggest(_ word: String, limit: Int) -> [String] {
        state.withLock { state in
            if let cached = state.suggestions[word] { return Array(cached.prefix(limit)) }
            var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
            let count = Int(Hunspell_suggest(state.handle, &list, word))
            var result: [String] = []
            if let items = list {
                for index in 0..<count { if let item = items[index] { result.append(String(cString: item)) } }
                Hunspell_free_list(state.handle, &list, Int32(count))
            }
            if state.suggestions.count >= Self.cacheLimit { state.suggestions.removeAll(keepingCapacity: true) }
            state.suggestions[word] = result
            return Array(result.prefix(limit))
        }
    }
}

/// What can go wrong while loading a hunspell dictionary.
enum HunspellError: Error, CustomStringConvertible {
    case dictionaryNotFound(tried: [String])
    case cannotLoad(String)
    case unsupportedEncoding(String, String)
    case wordListUnreadable(String)

    var description: String {
        switch self {
        case .dictionaryNotFound(let tried):
            "no hunspell dictionary: looked for \(tried.map { $0 + ".aff/.dic" }.joined(separator: ", ")); "
                + "install the Debian package hunspell-ru (apt-get install hunspell-ru) or set params.dictionary"
        case .cannotLoad(let base):
            "hunspell could not load \(base).aff/.dic"
        case .unsupportedEncoding(let base, let encoding):
            "\(base).aff is in \(encoding); only UTF-8 dictionaries are supported (Debian's hunspell-ru is UTF-8)"
        case .wordListUnreadable(let path):
            "cannot read the word list \(path)"
        }
    }
}
