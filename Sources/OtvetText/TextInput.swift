/// Turns raw bytes into text, refusing what is not UTF-8 text. The CLI and
/// the HTTP service both decode through here, so both name the problem alike.
public enum TextInput {
    public enum Failure: Error, Equatable, CustomStringConvertible, Sendable {
        /// A NUL byte: a binary file, not text.
        case binary(byteOffset: Int)
        case invalidUTF8(byteOffset: Int)

        public var description: String {
            switch self {
            case .binary(let offset): "binary data (NUL byte at byte \(offset)), not text"
            case .invalidUTF8(let offset): "not valid UTF-8 (bad byte sequence at byte \(offset))"
            }
        }
    }

    /// Decodes UTF-8, dropping a leading byte-order mark.
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(Failure) -> String {
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = bytes.index(start, offsetBy: 3) }
        let body = bytes[start...]
        if let nul = body.firstIndex(of: 0) { throw .binary(byteOffset: bytes.distance(from: bytes.startIndex, to: nul)) }
        if let text = String(validating: body, as: UTF8.self) { return text }
        // Invalid: walk the scalars once more to name the byte.
        var iterator = body.makeIterator()
        var decoder = UTF8()
        var offset = bytes.distance(from: bytes.startIndex, to: start)
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        throw .invalidUTF8(byteOffset: offset)
    }
}
