/// Where a message is in the workflow. Each state is one of the guide's folders.
public enum MessageState: String, Sendable, Codable, CaseIterable {
    /// Новые: not yet given to anyone.
    case new
    /// Возвращены: the applicant returned it for repeat review.
    case returned
    /// В работе: an executor (or the coordinator who took it) prepares the answer.
    case inWork = "in-work"
    /// Подготовленные ответы: awaiting a head's approval.
    case prepared
    /// На перенаправление: a redirect to another organisation awaits a head.
    case awaitingRedirect = "awaiting-redirect"
    /// Отправленные заявителю.
    case sent
    /// Перенаправленные.
    case redirected
    /// Отклоненные (by the platform's moderation).
    case rejected

    /// The message has left the organisation's hands.
    public var isClosed: Bool { self == .sent || self == .redirected || self == .rejected }
}

/// The guide's folders, with «Обработанные» (processed) spanning sent and redirected.
public enum Folder: String, Sendable, Codable, CaseIterable {
    case new, returned, inWork = "in-work", prepared, awaitingRedirect = "awaiting-redirect"
    case processed, sent, redirected, rejected

    public var title: String {
        switch self {
        case .new: "Новые"
        case .returned: "Возвращены"
        case .inWork: "В работе"
        case .prepared: "Подготовленные ответы"
        case .awaitingRedirect: "На перенаправление"
        case .processed: "Обработанные"
        case .sent: "Отправленные заявителю"
        case .redirected: "Перенаправленные"
        case .rejected: "Отклоненные"
        }
    }

    public var states: [MessageState] {
        switch self {
        case .processed: [.sent, .redirected]
        case .new: [.new]
        case .returned: [.returned]
        case .inWork: [.inWork]
        case .prepared: [.prepared]
        case .awaitingRedirect: [.awaitingRedirect]
        case .sent: [.sent]
        case .redirected: [.redirected]
        case .rejected: [.rejected]
        }
    }
}
