import OtvetRules

/// Why a workflow request was refused. Each case maps to one HTTP status
/// and one CLI message.
public enum WorkflowError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The request itself is malformed: a missing reason, an unknown id (422/400).
    case invalid(String)
    /// The actor's role or organisation does not allow it (403).
    case forbidden(String)
    /// Not found, or not visible to the actor (404).
    case notFound(String)
    /// The message is in another state, or someone changed it first (409).
    case conflict(String)
    /// The check found errors that block the step; the findings come along (422).
    case blockedByCheck(String, findings: [Finding])

    public var description: String {
        switch self {
        case .invalid(let text), .forbidden(let text), .notFound(let text), .conflict(let text): text
        case .blockedByCheck(let text, _): text
        }
    }
}
