import CSodium

/// Random tokens and their stored hashes (libsodium).
public enum Tokens {
    /// 32 random bytes as 64 hex digits.
    public static func make() -> String {
        _ = sodium_init()
        var bytes = [UInt8](repeating: 0, count: 32)
        randombytes_buf(&bytes, bytes.count)
        return hex(bytes)
    }

    /// BLAKE2b of the token: what the database keeps, so a leaked database opens no session.
    public static func hash(_ token: String) -> String {
        _ = sodium_init()
        let input = Array(token.utf8)
        var output = [UInt8](repeating: 0, count: 32)
        crypto_generichash(&output, output.count, input, UInt64(input.count), nil, 0)
        return hex(output)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
