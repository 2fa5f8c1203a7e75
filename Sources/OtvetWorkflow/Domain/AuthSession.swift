/// A signed-in session or a long-lived API token. Only a hash of the token
/// is stored; the token itself is shown once, when it is made.
public struct AuthSession: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// A person logged in through `/v1/login` (cookie or bearer).
        case session
        /// An integration's token, made by an administrator.
        case api
    }

    public let tokenHash: String
    public let userID: Int
    /// The role the session acts in; a person may switch among their roles.
    public var role: Role
    /// The token a browser must echo in `X-CSRF-Token` with the cookie.
    public let csrf: String
    public let kind: Kind
    public let name: String?
    public let createdAt: Timestamp
    public let expiresAt: Timestamp?
}
