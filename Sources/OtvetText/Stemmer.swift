import CStemmer
import Synchronization

/// Errors of the text engine that are not ICU's.
public enum TextEngineError: Error, CustomStringConvertible, Sendable {
    case stemmerUnavailable(language: String)
    case textTooLarge(utf16Length: Int)

    public var description: String {
        switch self {
        case .stemmerUnavailable(let language):
            "libstemmer has no stemmer for \(language)"
        case .textTooLarge(let length):
            "the text is too large to analyse (\(length) UTF-16 units; the limit is \(Int32.max))"
        }
    }
}

/// The Snowball Russian stemmer from libstemmer. One owner of the C handle;
/// a libstemmer handle is not thread-safe, so calls are serialised, and
/// stems are cached because official prose repeats its words.
public final class Stemmer: Sendable {
    private struct State: ~Copyable {
        let handle: OpaquePointer
        /// Keyed by `Word`: hashing a Cyrillic `String` costs a normalisation check; a `Word` hashes its bytes once.
        var cache: [Word: String] = [:]
    }

    /// Bounds the cache so a long-running service does not grow without limit.
    private static let cacheLimit = 200_000
    private let state: Mutex<State>

    public init(language: String = "russian") throws(TextEngineError) {
        guard let handle = sb_stemmer_new(language, "UTF_8") else {
            throw .stemmerUnavailable(language: language)
        }
        state = Mutex(State(handle: handle))
    }

    deinit {
        state.withLock { sb_stemmer_delete($0.handle) }
    }

    /// The stem of a word already in normalised form (lower case, `ё`→`е`).
    public func stem(_ word: String) -> String {
        let key = Word(word)
        return state.withLock { state in
            if let cached = state.cache[key] { return cached }
            var utf8 = Array(word.utf8)
            let handle = state.handle
            let stem: String = utf8.withUnsafeMutableBufferPointer { buffer in
                guard let result = sb_stemmer_stem(handle, buffer.baseAddress, Int32(buffer.count)) else {
                    return word
                }
                let length = Int(sb_stemmer_length(handle))
                return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
            }
            if state.cache.count >= Self.cacheLimit { state.cache.removeAll(keepingCapacity: true) }
            state.cache[key] = stem
            return stem
        }
    }
}
