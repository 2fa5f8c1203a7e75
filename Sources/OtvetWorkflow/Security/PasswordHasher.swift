import CSodium

/// Argon2id password hashes from libsodium. Only the hash is ever stored;
/// it carries its own salt and cost, so changing the cost later keeps old
/// hashes verifiable.
public struct PasswordHasher: Sendable {
    public enum Strength: Sendable {
        /// libsodium's interactive limits (≈64 MiB, a fraction of a second): for people logging in.
        case interactive
        /// The smallest limits: only for tests that create many users.
        case minimal
    }

    public let strength: Strength

    public init(strength: Strength = .interactive) {
        precondition(sodium_init() >= 0, "libsodium failed to initialise")
        self.strength = strength
    }

    public static let maximumLength = 1024

    public func hash(_ password: String) throws(WorkflowError) -> String {
        guard !password.isEmpty else { throw .invalid("the password is empty") }
        guard password.utf8.count <= Self.maximumLength else { throw .invalid("the password is longer than \(Self.maximumLength) bytes") }
        let (ops, memory) = switch strength {
        case .interactive: (crypto_pwhash_opslimit_interactive(), crypto_pwhash_memlimit_interactive())
        case .minimal: (crypto_pwhash_opslimit_min(), crypto_pwhash_memlimit_min())
        }
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
        let code = crypto_pwhash_str_alg(&output, password, UInt64(password.utf8.count), UInt64(ops), memory,
                                         crypto_pwhash_alg_argon2id13())
        guard code == 0 else { throw .invalid("the password could not be hashed (out of memory)") }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func verify(_ password: String, hash: String) -> Bool {
        guard password.utf8.count <= Self.maximumLength, hash.hasPrefix("$argon2id$") else { return false }
        return crypto_pwhash_str_verify(hash, password, UInt64(password.utf8.count)) == 0
    }
}
