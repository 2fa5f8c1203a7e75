/// A map from words to values for the hottest look-ups (every token against
/// every phrase trie): open addressing on the word's precomputed fingerprint,
/// so a look-up costs no hashing at all. Built once, read many times.
public struct WordMap<Value: Sendable>: Sendable {
    private var keys: [Word?]
    private var values: [Value?]
    public private(set) var count = 0

    public init() {
        keys = [nil, nil, nil, nil]
        values = [nil, nil, nil, nil]
    }

    public var isEmpty: Bool { count == 0 }

    public subscript(word: Word) -> Value? {
        get {
            let mask = keys.count - 1
            var slot = word.fingerprint & mask
            while let key = keys[slot] {
                if key == word { return values[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }
        set {
            guard let newValue else { preconditionFailure("WordMap does not remove") }
            if (count + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var slot = word.fingerprint & mask
            while let key = keys[slot] {
                if key == word { values[slot] = newValue; return }
                slot = (slot + 1) & mask
            }
            keys[slot] = word
            values[slot] = newValue
            count += 1
        }
    }

    public func contains(_ word: Word) -> Bool { self[word] != nil }

    public var allKeys: [Word] { keys.compactMap { $0 } }

    private mutating func grow() {
        let old = zip(keys, values).compactMap { key, value in key.map { ($0, value!) } }
        keys = Array(repeating: nil, count: keys.count * 2)
        values = Array(repeating: nil, count: keys.count)
        count = 0
        for (key, value) in old { self[key] = value }
    }
}

/// A set of words with the same cheap look-up.
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var map = WordMap<Bool>()

    public init() {}
    public init<S: Sequence<Word>>(_ words: S) { for word in words { insert(word) } }
    public init(arrayLiteral elements: Word...) { self.init(elements) }

    public mutating func insert(_ word: Word) { map[word] = true }
    public func contains(_ word: Word) -> Bool { map.contains(word) }
    public var isEmpty: Bool { map.isEmpty }
    public var count: Int { map.count }
    public var words: [Word] { map.allKeys }
}
