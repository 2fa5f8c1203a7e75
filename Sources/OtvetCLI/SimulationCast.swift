import OtvetWorkflow

/// Who acts in a simulation: one organisation's coordinator, executors,
/// head and admin, found in the database or created for the demo.
struct SimulationCast {
    let organisationID: Int
    let categories: [Category]
    let coordinator: Actor
    let executors: [Actor]
    let head: Actor
    let admin: Actor

    /// The first organisation with every role the simulation needs.
    static func find(in workflow: Workflow) throws -> SimulationCast? {
        let found: (Int, [User], [Category])? = try workflow.store.read { session in
            for organisation in try session.organisations() {
                let users = try session.users(organisationID: organisation.id).filter(\.active)
                if [Role.coordinator, .executor, .head, .admin].allSatisfy({ role in users.contains { $0.roles.contains(role) } }) {
                    return (organisation.id, users, try session.categories(organisationID: organisation.id))
                }
            }
            return nil
        }
        guard let (organisationID, users, categories) = found else { return nil }
        func actors(_ role: Role) throws -> [Actor] { try users.filter { $0.roles.contains(role) }.map { try Actor(user: $0, role: role) } }
        return SimulationCast(organisationID: organisationID, categories: categories.filter { $0.parentID == nil },
                              coordinator: try actors(.coordinator)[0], executors: try actors(.executor),
                              head: try actors(.head)[0], admin: try actors(.admin)[0])
    }

    /// The demo organisation, on an empty database only; nil when the database has organisations.
    static func create(in workflow: Workflow) throws -> SimulationCast? {
        guard try workflow.store.read({ try $0.organisations() }).isEmpty else { return nil }
        let organisation = try workflow.createOrganisation(name: "Демо-администрация")
        try workflow.setPolicy(organisationID: organisation.id, yaml: SimulationScript.demoPolicy)
        try workflow.createCategory(organisationID: organisation.id, name: "Благоустройство", termDays: 30, fastTrackHours: 24)
        try workflow.createCategory(organisationID: organisation.id, name: "Дороги", termDays: 15, fastTrackHours: 48)
        let people: [(String, String, Role)] = [
            ("demo-coordinator", "Смирнова Ольга Викторовна", .coordinator),
            ("demo-executor1", "Иванов Пётр Сергеевич", .executor),
            ("demo-executor2", "Кузнецова Анна Петровна", .executor),
            ("demo-executor3", "Попов Игорь Николаевич", .executor),
            ("demo-head", "Соколов Андрей Михайлович", .head),
            ("demo-admin", "Администратор ЛКО", .admin),
        ]
        for (login, name, role) in people {
            try workflow.createUser(login: login, name: name, password: randomPassword(), organisationID: organisation.id,
                                    roles: [role])
        }
        return try find(in: workflow)
    }

    /// Demo accounts must not have a guessable password; nobody needs to know this one.
    private static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
