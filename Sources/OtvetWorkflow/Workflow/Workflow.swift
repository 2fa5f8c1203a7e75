import OtvetRules
import OtvetText
import Synchronization

/// The approval workflow of an organisation's cabinet, with the check
/// embedded: drafts are checked when saved, submission refuses errors,
/// approval is gated on the organisation's policy. Knows no HTTP.
public final class Workflow: Sendable {
    public let store: any WorkflowStore
    public let pack: RulePack
    public let hasher: PasswordHasher
    let clock: @Sendable () -> Timestamp
    /// Parsed policies by their YAML text.
    private let policies = Mutex<[String: Policy]>([:])

    public init(store: any WorkflowStore, pack: RulePack, hasher: PasswordHasher = PasswordHasher(),
                clock: @escaping @Sendable () -> Timestamp = { .now }) {
        self.store = store
        self.pack = pack
        self.hasher = hasher
        self.clock = clock
    }

    public var now: Timestamp { clock() }

    // MARK: Policy and check

    /// The organisation's policy (the standard one when it has none).
    func policy(_ session: any StoreSession, organisationID: Int) throws -> Policy {
        guard let yaml = try session.policy(organisationID: organisationID) else { return .standard }
        if let cached = policies.withLock({ $0[yaml] }) { return cached }
        let policy = try parsePolicy(yaml)
        policies.withLock { $0[yaml] = policy }
        return policy
    }

    /// The policy drafts of the actor's organisation are checked under.
    public func policy(for actor: Actor) throws -> Policy {
        try store.read { try policy($0, organisationID: actor.user.organisationID) }
    }

    func parsePolicy(_ yaml: String) throws(WorkflowError) -> Policy {
        do {
            return try Policy.parse(yaml, path: "policy", knownRules: Set(pack.rules.map(\.id)))
        } catch {
            throw .invalid("the policy is not valid: \(error.description)")
        }
    }

    func check(_ text: String, message: String?, type: AnswerType?, policy: Policy) throws -> CheckResult {
        try Checker(pack: pack, policy: policy).check(OtvetRules.Draft(text: text, message: message, answerType: type))
    }

    // MARK: Accounts

    /// The user whose password matches, or nil (the same answer for an unknown login and a wrong password).
    public func authenticate(login: String, password: String) throws -> User? {
        let found: (User, String)? = try store.read { session in
            guard let user = try session.user(login: login), user.active,
                  let hash = try session.passwordHash(userID: user.id) else { return nil }
            return (user, hash)
        }
        guard let (user, hash) = found, hasher.verify(password, hash: hash) else { return nil }
        return user
    }

    public func actor(userID: Int, role: Role) throws -> Actor {
        guard let user = try store.read({ try $0.user(id: userID) }) else { throw WorkflowError.notFound("no user \(userID)") }
        return try Actor(user: user, role: role)
    }

    /// Organisations an actor may read: their own.
    func visibleOrganisations(_ actor: Actor) -> [Int] { [actor.user.organisationID] }
}
