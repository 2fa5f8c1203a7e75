import Foundation
import OtvetRules
import OtvetWorkflow

/// What `workflow simulate` makes up: messages, answers of three kinds and
/// the path each message takes, all drawn from one seeded generator so a
/// seed gives the same stream of transitions on every machine.
struct SimulationScript {
    enum Answer { case good, weak, blocked }

    enum Step {
        case assign, draft(Answer), submit, reject, approve, reopen, redirect, approveRedirect

        var action: Action {
            switch self {
            case .assign: .assign
            case .draft: .draft
            case .submit: .submit
            case .reject: .reject
            case .approve: .approve
            case .reopen: .reopen
            case .redirect: .redirect
            case .approveRedirect: .approveRedirect
            }
        }
    }

    var generator: SampleText.SplitMix64

    init(seed: UInt64) { generator = SampleText.SplitMix64(seed: seed) }

    mutating func next(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }

    /// A message's path: mostly straight to approval; some redirected, some
    /// rejected by the head once, some drafted with an error first, some
    /// approved past a failing check, some reopened by the applicant.
    mutating func path() -> [Step] {
        let straight: [Step] = [.assign, .draft(.good), .submit, .approve]
        let roll = next(100)
        if roll < 6 { return [.redirect, .approveRedirect] }
        var steps: [Step] = switch roll {
        case ..<20: [.assign, .draft(.good), .submit, .reject, .draft(.good), .submit, .approve]
        case ..<30: [.assign, .draft(.blocked), .draft(.good), .submit, .approve]
        case ..<40: [.assign, .draft(.weak), .submit, .approve]
        default: straight
        }
        if next(10) == 0 { steps += [.reopen] + straight }
        return steps
    }

    mutating func message(number: String, organisationID: Int, categories: [Category], now: Timestamp) -> IncomingMessage {
        let category = categories.isEmpty ? nil : categories[next(categories.count)]
        let fields = MessageFields(
            number: number, organisationID: organisationID, categoryID: category?.id,
            text: Self.messages[next(Self.messages.count)],
            applicant: Applicant(name: "Заявитель \(number)", email: "applicant@example.org"),
            receivedAt: Timestamp(seconds: now.seconds - Int64(next(30 * 86_400))), fastTrack: next(10) == 0,
            source: MessageSource.allCases[next(MessageSource.allCases.count)])
        // IncomingMessage has no public initialiser: it is built the way the importer builds it, from JSON.
        let decoded = try? JSONDecoder().decode(IncomingMessage.self, from: JSONEncoder().encode(fields))
        guard let decoded else { preconditionFailure("the simulated message no longer decodes as IncomingMessage") }
        return decoded
    }

    private struct MessageFields: Encodable {
        let number: String
        let organisationID: Int
        let categoryID: Int?
        let text: String
        let applicant: Applicant
        let receivedAt: Timestamp
        let fastTrack: Bool
        let source: MessageSource
    }

    mutating func draft(_ answer: Answer, signer: String) -> DraftInput {
        let (type, text) = switch answer {
        case .good: Self.goodAnswers[next(Self.goodAnswers.count)]
        case .weak: (AnswerType.postponed, Self.weakAnswer)
        case .blocked: (AnswerType.postponed, Self.blockedAnswer)
        }
        return DraftInput(type: type, text: text, signerPosition: "Глава администрации", signerName: signer)
    }

    static let messages = [
        "Во дворе дома 12 по улице Володарского не горят фонари, вечером очень темно.",
        "На улице Мира у дома 5 большая яма на дороге, машины объезжают по тротуару.",
        "Во дворе дома 8 на улице Ленина неделю не вывозят мусор, контейнеры переполнены.",
    ]

    /// Pass the check at any pass mark.
    static let goodAnswers: [(AnswerType, String)] = [
        (.postponed, "Здравствуйте!\n\nФонари во дворе дома 12 на улице Володарского починят до 20 мая.\n\nЕсли свет снова пропадёт, напишите нам ещё раз."),
        (.postponed, "Здравствуйте!\n\nЯму на дороге у дома 5 на улице Мира засыплют щебнем до 1 июня."),
        (.resolved, "Здравствуйте!\n\nМусор во дворе дома 8 на улице Ленина вывезли 3 мая. Контейнерную площадку теперь убирают каждый день."),
    ]

    /// Warnings only (score 8.4): submittable, but fails the demo organisation's pass mark of 9.
    static let weakAnswer = "Администрация сообщает следующее.\n\nВ настоящее время осуществляется проведение работ по Вашему обращению. Работы будут выполнены до 20 мая."

    /// Has an error (no deadline): saved as a draft, never submittable.
    static let blockedAnswer = "Здравствуйте!\n\nВаше обращение рассмотрено, работы будут выполнены в ближайшее время."

    /// The demo organisation's policy: strict enough that the weak answer needs a head's override.
    static let demoPolicy = "name: Демо (строгая)\npass_mark: 9\n"
}
