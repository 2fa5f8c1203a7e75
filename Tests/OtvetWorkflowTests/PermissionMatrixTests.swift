import Foundation
import OtvetRules
import Testing
@testable import OtvetWorkflow

/// One world for the whole matrix: every case works on its own fresh messages.
private let matrixWorld = Result { try World.shared() }

/// Who may press which button, as the guide's «Учетные записи и роли» and «Работа с сообщениями» tell it
/// (written out independently of `Action.rule`).
private let guideRoles: [Action: Set<Role>] = [
    .assign: [.coordinator], .assignOrg: [.coordinator], .escalate: [.coordinator], .redirect: [.coordinator],
    .take: [.coordinator],
    .return: [.executor, .coordinator], .draft: [.executor, .coordinator], .submit: [.executor, .coordinator],
    .reject: [.head], .edit: [.head], .delegate: [.head], .approve: [.head],
    .approveRedirect: [.head], .rejectRedirect: [.head],
    .reopen: [.admin],
]

/// The state each action needs, and the state it leads to.
private let guideStates: [Action: (from: MessageState, to: MessageState)] = [
    .assign: (.new, .inWork), .assignOrg: (.new, .new), .escalate: (.new, .new), .redirect: (.new, .awaitingRedirect),
    .take: (.new, .inWork), .return: (.inWork, .new), .draft: (.inWork, .inWork), .submit: (.inWork, .prepared),
    .reject: (.prepared, .inWork), .edit: (.prepared, .prepared), .delegate: (.prepared, .prepared),
    .approve: (.prepared, .sent), .approveRedirect: (.awaitingRedirect, .redirected),
    .rejectRedirect: (.awaitingRedirect, .new), .reopen: (.sent, .returned),
]

/// Actions only the message's assignee may do.
private let assigneeOnly: Set<Action> = [.return, .draft, .submit]

@Suite("Permission matrix") struct PermissionMatrixTests {
    @Test func actionRulesMatchTheGuide() {
        for action in Action.allCases {
            #expect(action.rule.roles == guideRoles[action], "\(action.rawValue)")
            // The coordinator's buttons work in «Новые» and «Возвращены»; every other step in one state.
            let states: Set<MessageState> = guideRoles[action] == [.coordinator] ? [.new, .returned] : [guideStates[action]!.from]
            #expect(action.rule.states == states, "\(action.rawValue)")
        }
        #expect(Action.allCases.filter(\.needsComment) == [.escalate, .return, .reject, .rejectRedirect])
        // Nobody of the curator role may change anything.
        #expect(Action.allCases.allSatisfy { !$0.rule.roles.contains(.curator) })
    }

    /// Puts a fresh message of the district in the state `action` needs, through legal transitions.
    /// For the assignee-only actions the assignee is `assignee`.
    private static func setUp(_ action: Action, in world: World, assignee: User) throws -> Message {
        let message = try world.receive()
        let wf = world.workflow
        switch guideStates[action]!.from {
        case .new:
            break
        case .inWork:
            try world.inWork(message, by: assignee)
            if action == .submit {
                try wf.perform(.draft, on: message.id, by: world.actor(assignee), TransitionRequest(draft: world.input(Texts.good)))
            }
        case .prepared:
            try world.prepared(message)
        case .awaitingRedirect:
            try wf.perform(.redirect, on: message.id, by: world.actor(world.coordinator),
                           TransitionRequest(redirectTo: "Роспотребнадзор"))
        case .sent:
            try world.sent(message)
        default:
            Issue.record("no set-up for \(action.rawValue)")
        }
        let current = try world.message(message.id)
        #expect(current.state == guideStates[action]!.from)
        return current
    }

    /// A request that is complete for `action`.
    private static func request(_ action: Action, in world: World) -> TransitionRequest {
        switch action {
        case .assign: TransitionRequest(comment: "Подготовьте ответ", executorID: world.executor.id)
        case .assignOrg: TransitionRequest(organisationID: world.subordinate.id)
        case .escalate: TransitionRequest(comment: "Вопрос области")
        case .redirect: TransitionRequest(redirectTo: "Роспотребнадзор")
        case .take, .submit, .approve, .approveRedirect, .reopen: TransitionRequest()
        case .return, .reject, .rejectRedirect: TransitionRequest(comment: "Причина")
        case .draft, .edit: TransitionRequest(draft: world.input(Texts.revision))
        case .delegate: TransitionRequest(headID: world.head2.id)
        }
    }

    private static func snapshot(_ id: Int, _ world: World) throws -> (Message, Int, Int) {
        (try world.message(id), try world.history(id).count, try world.drafts(id).count)
    }

    @Test(arguments: Role.allCases, Action.allCases)
    func ownOrganisation(role: Role, action: Action) throws {
        let world = try matrixWorld.get()
        let user = world.districtUser(role)
        let actor = try world.actor(user)
        let message = try Self.setUp(action, in: world, assignee: role == .coordinator || role == .executor ? user : world.executor)
        let before = try Self.snapshot(message.id, world)
        let allowed = guideRoles[action]!.contains(role)
        let error = workflowError { try world.workflow.perform(action, on: message.id, by: actor, Self.request(action, in: world)) }
        if allowed {
            #expect(error == nil, "\(role.rawValue) may \(action.rawValue): \(error?.description ?? "")")
            let after = try world.message(message.id)
            #expect(after.state == guideStates[action]!.to)
            #expect(after.version == message.version + 1)
            let entry = try #require(try world.history(message.id).last)
            #expect(entry.action == action.rawValue)
            #expect(entry.actorID == user.id)
            #expect(entry.role == role)
            #expect(entry.fromState == guideStates[action]!.from)
            #expect(entry.toState == guideStates[action]!.to)
        } else {
            #expect(error?.kind == "forbidden", "\(role.rawValue) may not \(action.rawValue): got \(String(describing: error))")
            let after = try Self.snapshot(message.id, world)
            #expect(after.0 == before.0, "nothing changed")
            #expect(after.1 == before.1, "no history line")
            #expect(after.2 == before.2, "no draft")
        }
    }

    /// Another organisation's actor never reads or changes the district's messages, whatever the role.
    @Test(arguments: Role.allCases, Action.allCases)
    func foreignOrganisation(role: Role, action: Action) throws {
        let world = try matrixWorld.get()
        let stranger = try Actor(user: world.foreignUsers[role]!, role: role)
        let message = try Self.setUp(action, in: world, assignee: world.coordinator)
        let before = try Self.snapshot(message.id, world)
        var request = Self.request(action, in: world)
        // Even a request naming the stranger's own people is refused before it is looked at.
        if action == .assign { request.executorID = world.foreignUsers[.executor]!.id }
        if action == .delegate { request.headID = world.foreignUsers[.head]!.id }
        let error = workflowError { try world.workflow.perform(action, on: message.id, by: stranger, request) }
        #expect(error?.kind == "notFound", "\(role.rawValue) of another organisation, \(action.rawValue): \(String(describing: error))")
        #expect(error?.description.contains(message.number) == false, "the error tells nothing about the message")
        let after = try Self.snapshot(message.id, world)
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        #expect(after.2 == before.2)
        #expect(workflowError { try world.workflow.card(message.id, for: stranger) }?.kind == "notFound")
    }

    /// On draft/submit/return only the assignee may act: another executor, or a coordinator, is forbidden.
    @Test(arguments: Array(assigneeOnly).sorted { $0.rawValue < $1.rawValue })
    func onlyTheAssigneeWorksOnTheAnswer(action: Action) throws {
        let world = try matrixWorld.get()
        // Assigned to the executor: the other executor and the coordinators may not.
        let assigned = try Self.setUp(action, in: world, assignee: world.executor)
        for other in [world.executor2, world.coordinator, world.coordinator2] {
            let error = workflowError {
                try world.workflow.perform(action, on: assigned.id, by: world.actor(other), Self.request(action, in: world))
            }
            #expect(error?.kind == "forbidden", "\(other.login) \(action.rawValue)")
        }
        // Taken by a coordinator: the executors and the other coordinator may not.
        let taken = try Self.setUp(action, in: world, assignee: world.coordinator)
        for other in [world.executor, world.executor2, world.coordinator2] {
            let error = workflowError {
                try world.workflow.perform(action, on: taken.id, by: world.actor(other), Self.request(action, in: world))
            }
            #expect(error?.kind == "forbidden", "\(other.login) \(action.rawValue)")
        }
        #expect(try world.message(assigned.id) == assigned)
        #expect(try world.message(taken.id) == taken)
        // The assignees themselves may.
        try world.workflow.perform(action, on: assigned.id, by: world.actor(world.executor), Self.request(action, in: world))
        try world.workflow.perform(action, on: taken.id, by: world.actor(world.coordinator), Self.request(action, in: world))
        #expect(try world.message(assigned.id).state == guideStates[action]!.to)
        #expect(try world.message(taken.id).state == guideStates[action]!.to)
    }

    /// An allowed actor in a state the action does not accept gets a conflict, and nothing changes.
    @Test(arguments: Action.allCases)
    func wrongStateIsAConflict(action: Action) throws {
        let world = try matrixWorld.get()
        let role = guideRoles[action]!.sorted().first!
        let user = world.districtUser(role)
        for state in MessageState.allCases where !action.rule.states.contains(state) && state != .rejected {
            let message = try world.receive()
            let wf = world.workflow
            switch state {
            case .new: break
            case .returned:
                try world.sent(message)
                try wf.perform(.reopen, on: message.id, by: world.actor(world.admin))
            case .inWork: try world.inWork(message, by: role == .coordinator ? user : world.executor)
            case .prepared: try world.prepared(message)
            case .awaitingRedirect, .redirected:
                try wf.perform(.redirect, on: message.id, by: world.actor(world.coordinator), TransitionRequest(redirectTo: "МЧС"))
                if state == .redirected { try wf.perform(.approveRedirect, on: message.id, by: world.actor(world.head)) }
            case .sent: try world.sent(message)
            case .rejected: break
            }
            let before = try world.message(message.id)
            #expect(before.state == state)
            let error = workflowError { try wf.perform(action, on: message.id, by: world.actor(user), Self.request(action, in: world)) }
            #expect(error?.kind == "conflict", "\(action.rawValue) in \(state.rawValue): \(String(describing: error))")
            #expect(try world.message(message.id) == before)
        }
    }

    // MARK: Reading is scoped to the organisation

    @Test func readingIsScopedToTheActorsOrganisation() throws {
        let world = try World()
        let wf = world.workflow
        let own = try world.receive()
        let ownPrepared = try world.receive()
        try world.prepared(ownPrepared)
        let foreignMessage = try world.receive(in: world.foreign)
        let subordinateMessage = try world.receive(in: world.subordinate)

        for role in Role.allCases {
            let actor = try world.actor(world.districtUser(role))
            #expect(try wf.card(own.id, for: actor).message.id == own.id, "\(role.rawValue) reads the card")
            #expect(workflowError { try wf.card(foreignMessage.id, for: actor) }?.kind == "notFound")
            #expect(workflowError { try wf.card(subordinateMessage.id, for: actor) }?.kind == "notFound",
                    "a subordinate's messages are its own")
            #expect(try wf.messages(in: .new, for: actor).map(\.id) == [own.id])
            #expect(try wf.messages(in: .prepared, for: actor).map(\.id) == [ownPrepared.id])
            let counts = try wf.folderCounts(for: actor)
            #expect(counts[.new] == 1)
            #expect(counts[.prepared] == 1)
            #expect(counts.values.reduce(0, +) == 2, "\(counts)")
            #expect(Set(counts.keys) == Set(Folder.allCases))

            let stranger = try Actor(user: world.foreignUsers[role]!, role: role)
            #expect(try wf.messages(in: .new, for: stranger).map(\.id) == [foreignMessage.id])
            #expect(try wf.messages(in: .prepared, for: stranger).isEmpty)
            #expect(try wf.folderCounts(for: stranger)[.new] == 1)
            #expect(try wf.folderCounts(for: stranger).values.reduce(0, +) == 1)
            #expect(try wf.card(foreignMessage.id, for: stranger).message.organisationID == world.foreign.id)
            #expect(workflowError { try wf.card(own.id, for: stranger) }?.kind == "notFound")
        }
    }

    @Test func foldersListSoonestDeadlineFirstWithPaging() throws {
        let world = try World()
        let wf = world.workflow
        let start = World.start
        let later = try world.receive(at: start.adding(days: 3))
        let sooner = try world.receive(at: start)
        let middle = try world.receive(at: start.adding(days: 1))
        let coordinator = try world.actor(world.coordinator)
        #expect(try wf.messages(in: .new, for: coordinator).map(\.id) == [sooner.id, middle.id, later.id])
        #expect(try wf.messages(in: .new, for: coordinator, limit: 2).map(\.id) == [sooner.id, middle.id])
        #expect(try wf.messages(in: .new, for: coordinator, limit: 2, offset: 2).map(\.id) == [later.id])
        #expect(try wf.messages(in: .new, for: coordinator, limit: 0).map(\.id) == [sooner.id], "at least one")
        #expect(try wf.messages(in: .new, for: coordinator, offset: -5).count == 3)
        try world.sent(sooner)
        try wf.perform(.redirect, on: middle.id, by: coordinator, TransitionRequest(redirectTo: "МЧС"))
        try wf.perform(.approveRedirect, on: middle.id, by: world.actor(world.head))
        #expect(try wf.messages(in: .processed, for: coordinator).map(\.id) == [sooner.id, middle.id])
        #expect(try wf.messages(in: .sent, for: coordinator).map(\.id) == [sooner.id])
        let counts = try wf.folderCounts(for: coordinator)
        #expect(counts == [.new: 1, .returned: 0, .inWork: 0, .prepared: 0, .awaitingRedirect: 0, .processed: 2, .sent: 1,
                           .redirected: 1, .rejected: 0])
    }

    // MARK: Actors, imports and administration

    @Test func anActorNeedsTheRole() throws {
        let world = try World()
        #expect(throws: WorkflowError.self) { try Actor(user: world.executor, role: .head) }
        #expect(workflowError { try Actor(user: world.executor, role: .head) }?.kind == "forbidden")
        var inactive = world.head
        inactive.active = false
        #expect(workflowError { try Actor(user: inactive, role: .head) }?.kind == "forbidden")
        #expect(try world.workflow.actor(userID: world.head.id, role: .head).user == world.head)
        #expect(workflowError { try world.workflow.actor(userID: 987_654, role: .head) }?.kind == "notFound")
        // One account may hold several roles and acts in one at a time.
        let both = try world.workflow.createUser(login: "glava", name: "Глава", password: "pw", organisationID: world.district.id,
                                                 roles: [.head, .curator, .coordinator])
        let asCurator = try Actor(user: both, role: .curator)
        let message = try world.receive()
        #expect(workflowError { try world.workflow.perform(.take, on: message.id, by: asCurator) }?.kind == "forbidden")
        try world.workflow.perform(.take, on: message.id, by: Actor(user: both, role: .coordinator))
    }

    @Test func importsAreForCoordinatorsAndAdminsOfTheirOwnOrganisation() throws {
        let world = try World()
        let wf = world.workflow
        func incoming(_ number: String, org: Int?) -> IncomingMessage {
            IncomingMessage(number: number, organisationID: org, text: Texts.citizen)
        }
        for role in [Role.executor, .curator, .head] {
            #expect(workflowError { try wf.importMessage(incoming("imp-\(role.rawValue)", org: nil), by: world.actor(world.districtUser(role))) }?
                .kind == "forbidden", "\(role.rawValue)")
        }
        #expect(workflowError { try wf.importMessage(incoming("imp-foreign", org: world.foreign.id), by: world.actor(world.coordinator)) }?
            .kind == "forbidden")
        let byCoordinator = try wf.importMessage(incoming("imp-1", org: nil), by: world.actor(world.coordinator))
        #expect(byCoordinator.organisationID == world.district.id, "the actor's organisation by default")
        let byAdmin = try wf.importMessage(incoming("imp-2", org: world.district.id), by: world.actor(world.admin))
        #expect(try world.history(byAdmin.id).first?.actorID == world.admin.id)
        #expect(workflowError { try wf.importMessage(incoming("imp-3", org: nil)) }?.kind == "invalid", "no organisation")
        #expect(workflowError { try wf.importMessage(incoming("imp-4", org: 4242)) }?.kind == "notFound")
        #expect(workflowError { try wf.importMessage(incoming("  ", org: world.district.id)) }?.kind == "invalid")
        #expect(workflowError { try wf.importMessage(incoming(String(repeating: "9", count: 65), org: world.district.id)) }?
            .kind == "invalid")
        #expect(workflowError { try wf.importMessage(IncomingMessage(number: "imp-5", organisationID: world.district.id, text: " ")) }?
            .kind == "invalid")
        #expect(workflowError { try wf.importMessage(IncomingMessage(number: "imp-6", organisationID: world.foreign.id,
                                                                     categoryID: world.category.id, text: Texts.citizen)) }?
            .kind == "invalid", "a category of another organisation")
    }

    @Test func administrationIsForAdminsOfTheOrganisationOrItsSubordinates() throws {
        let world = try World()
        let wf = world.workflow
        let admin = try world.actor(world.admin)
        for role in [Role.coordinator, .executor, .curator, .head] {
            let actor = try world.actor(world.districtUser(role))
            #expect(workflowError { try wf.createUser(login: "x-\(role.rawValue)", name: "X", password: "pw",
                                                      organisationID: world.district.id, roles: [.executor], by: actor) }?
                .kind == "forbidden")
            #expect(workflowError { try wf.createCategory(organisationID: world.district.id, name: "Дороги", by: actor) }?
                .kind == "forbidden")
        }
        #expect(workflowError { try wf.createUser(login: "intruder", name: "X", password: "pw", organisationID: world.foreign.id,
                                                  roles: [.head], by: admin) }?.kind == "forbidden")
        #expect(workflowError { try wf.createUser(login: "up", name: "X", password: "pw", organisationID: world.region.id,
                                                  roles: [.head], by: admin) }?.kind == "forbidden", "not the parent")
        let sub = try wf.createUser(login: "mku.executor", name: "Исполнитель МКУ", password: "pw",
                                    organisationID: world.subordinate.id, roles: [.executor], by: admin)
        #expect(sub.organisationID == world.subordinate.id)
        #expect(workflowError { try wf.createUser(login: "bad login!", name: "X", password: "pw", organisationID: world.district.id,
                                                  roles: [.executor], by: admin) }?.kind == "invalid")
        #expect(workflowError { try wf.createUser(login: "noroles", name: "X", password: "pw", organisationID: world.district.id,
                                                  roles: [], by: admin) }?.kind == "invalid")
        #expect(workflowError { try wf.createUser(login: "executor", name: "X", password: "pw", organisationID: world.district.id,
                                                  roles: [.executor], by: admin) }?.kind == "conflict", "the login exists")
        #expect(workflowError { try wf.createUser(login: "nopw", name: "X", password: "", organisationID: world.district.id,
                                                  roles: [.executor], by: admin) }?.kind == "invalid")
        #expect(workflowError { try wf.createCategory(organisationID: world.district.id, name: "Долго", termDays: 400, by: admin) }?
            .kind == "invalid")
        let roads = try wf.createCategory(organisationID: world.district.id, name: "Дороги", termDays: 20, by: admin)
        let sub1 = try wf.createCategory(organisationID: world.district.id, name: "Ямы", parentID: roads.id, by: admin)
        #expect(sub1.parentID == roads.id)
        #expect(workflowError { try wf.createCategory(organisationID: world.district.id, name: "Дороги", by: admin) }?
            .kind == "conflict")
        // Only an admin creates organisations under their own.
        #expect(workflowError { try wf.createOrganisation(name: "МУП", parentID: world.foreign.id, by: admin) }?.kind == "forbidden")
        #expect(workflowError { try wf.createOrganisation(name: "Своя администрация", by: admin) }?.kind == "forbidden",
                "a top-level organisation is not under the administrator's")
        #expect(workflowError { try wf.createOrganisation(name: "МУП", parentID: world.district.id, by: world.actor(world.head)) }?
            .kind == "forbidden")
        let child = try wf.createOrganisation(name: "МУП «Калининское»", parentID: world.district.id, by: admin)
        #expect(child.parentID == world.district.id)
        #expect(workflowError { try wf.createOrganisation(name: "МУП «Калининское»") }?.kind == "conflict")
        #expect(workflowError { try wf.createOrganisation(name: " ") }?.kind == "invalid")
    }
}
