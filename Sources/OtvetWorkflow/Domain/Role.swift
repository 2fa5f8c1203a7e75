import Foundation

/// The ПОС roles of a user. One account may hold several and acts in one at a time.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case coordinator, executor, curator, head, admin

    public var title: String {
        switch self {
        case .coordinator: "Координатор"
        case .executor: "Исполнитель"
        case .curator: "Куратор"
        case .head: "Руководитель"
        case .admin: "Администратор ЛКО"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses `executor,head`.
    public static func parseList(_ text: String) throws(WorkflowError) -> Set<Role> {
        var roles: Set<Role> = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let role = Role(rawValue: name) else {
                throw .invalid("unknown role '\(name)' (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            roles.insert(role)
        }
        guard !roles.isEmpty else { throw .invalid("at least one role is needed") }
        return roles
    }
}
