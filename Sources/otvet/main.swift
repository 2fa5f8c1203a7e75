import Foundation
import OtvetCLI

/// The thin executable: wires the process to the CLI library and exits with its code.
let context = CommandContext(
    readStandardInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
    write: { FileHandle.standardOutput.write(Data($0.utf8)) },
    writeError: { FileHandle.standardError.write(Data($0.utf8)) },
    isTerminal: isatty(STDOUT_FILENO) != 0,
    environment: ProcessInfo.processInfo.environment,
    currentDirectory: FileManager.default.currentDirectoryPath
)
exit(CLI.run(Array(CommandLine.arguments.dropFirst()), context: context))
