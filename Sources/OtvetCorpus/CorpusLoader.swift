import Foundation
import OtvetRules
import OtvetText

/// Reads every `*.yml` case of a corpus directory. Every bad file is
/// reported with its path and line; a case whose id is not its file name
/// is refused, so cases can be found by id.
public enum CorpusLoader {
    public static func load(directory: String, knownRules: Set<String>) throws(CorpusError) -> [CorpusCase] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yml") }.sorted()
        guard !names.isEmpty else { throw CorpusError(errors: [DataFileError(path: directory, line: 0, column: 0, message: "no cases (*.yml)")]) }
        var cases: [CorpusCase] = []
        var errors: [DataFileError] = []
        for name in names {
            let path = directory + "/" + name
            do throws(DataFileError) {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw DataFileError(path: path, line: 0, column: 0, message: "cannot be read")
                }
                let text: String
                do { text = try TextInput.decode(data) } catch {
                    throw DataFileError(path: path, line: 0, column: 0, message: error.description)
                }
                let item = try CorpusCaseParser.parse(text, path: path, knownRules: knownRules)
                guard item.id + ".yml" == name else {
                    throw DataFileError(path: path, line: 1, column: 1, message: "id '\(item.id)' differs from the file name")
                }
                cases.append(item)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw CorpusError(errors: errors) }
        return cases
    }
}

public struct CorpusError: Error, CustomStringConvertible, Sendable {
    public let errors: [DataFileError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
