/// Why a command could not run. Every case exits with code 2 and one
/// message on stderr that names the problem.
public enum CLIError: Error, CustomStringConvertible {
    /// The command line itself is wrong; `help` is the command's usage.
    case usage(String, help: String)
    /// Input could not be read or is not text.
    case input(String)

    public var description: String {
        switch self {
        case .usage(let message, _), .input(let message): message
        }
    }
}

/// Exit codes shared by every command.
public enum ExitCode {
    public static let success: Int32 = 0
    /// The check found problems at or above the `--fail-on` level.
    public static let findings: Int32 = 1
    /// Bad usage or unreadable input.
    public static let failure: Int32 = 2
}
