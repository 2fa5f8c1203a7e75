import Foundation
import OtvetText

/// Reads a text input named on the command line: a path, or `-` for stdin.
/// Every failure is a `CLIError.input` that names the file and the problem.
public struct InputReader {
    /// Larger inputs are refused rather than slowly swallowed.
    public static let maximumBytes = 64 << 20

    let context: CommandContext

    public init(context: CommandContext) {
        self.context = context
    }

    public struct Input {
        /// `<stdin>` or the path as given.
        public let name: String
        public let text: String
    }

    public func read(_ path: String) throws(CLIError) -> Input {
        let bytes: [UInt8]
        let name = path == "-" ? "<stdin>" : path
        if path == "-" {
            bytes = context.readStandardInput()
        } else {
            bytes = try readFile(resolve(path))
        }
        guard bytes.count <= Self.maximumBytes else {
            throw .input("\(name): too large (\(bytes.count) bytes; the limit is \(Self.maximumBytes))")
        }
        do {
            return Input(name: name, text: try TextInput.decode(bytes))
        } catch {
            throw .input("\(name): \(error.description)")
        }
    }

    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : context.currentDirectory + "/" + path
    }

    private func readFile(_ path: String) throws(CLIError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .input("\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw .input("\(path): is a directory, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .input("\(path): cannot be opened for reading") }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: Self.maximumBytes + 1) ?? Data()
            return [UInt8](data)
        } catch {
            throw .input("\(path): cannot be read (\(error.localizedDescription))")
        }
    }
}
