/// The answer types of the ПОС «Подготовить ответ» dialog.
public enum AnswerType: String, Sendable, Codable, CaseIterable {
    /// Решено
    case resolved
    /// Не решено
    case unresolved
    /// Отложено
    case postponed
    /// Отклонено
    case rejected

    public var title: String {
        switch self {
        case .resolved: "Решено"
        case .unresolved: "Не решено"
        case .postponed: "Отложено"
        case .rejected: "Отклонено"
        }
    }
}
