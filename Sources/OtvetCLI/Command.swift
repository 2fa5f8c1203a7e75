/// Where a command reads and writes. The executable wires it to the real
/// process; tests capture it.
public struct CommandContext {
    public var readStandardInput: () -> [UInt8]
    public var write: (String) -> Void
    public var writeError: (String) -> Void
    /// Standard output is a terminal (colour is allowed unless NO_COLOR is set).
    public var isTerminal: Bool
    public var environment: [String: String]
    public var currentDirectory: String

    public init(readStandardInput: @escaping () -> [UInt8], write: @escaping (String) -> Void,
                writeError: @escaping (String) -> Void, isTerminal: Bool,
                environment: [String: String], currentDirectory: String) {
        self.readStandardInput = readStandardInput
        self.write = write
        self.writeError = writeError
        self.isTerminal = isTerminal
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    public var useColor: Bool { isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true }
}

/// One subcommand: it parses its own arguments and runs.
public protocol Command: Sendable {
    /// The word after `otvet` (or after the group's word).
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The whole `--help` text.
    static var help: String { get }

    init(parsing arguments: inout ArgumentList) throws(CLIError)
    func run(_ context: CommandContext) throws -> Int32
}
