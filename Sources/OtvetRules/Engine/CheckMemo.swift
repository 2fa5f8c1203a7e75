import Synchronization

/// What rules of one check share: a fact several rules derive the same way
/// (what the answer says concretely, say) is computed by the first that asks.
public final class CheckMemo: Sendable {
    private let values = Mutex<[String: any Sendable]>([:])

    public init() {}

    public func value<T: Sendable>(_ key: String, _ make: () -> T) -> T {
        if let known = values.withLock({ $0[key] }) as? T { return known }
        let made = make()
        values.withLock { $0[key] = made }
        return made
    }
}
