import Foundation
import OtvetText

/// The rules of a `Rules/` directory: `rules/*.yml` (one rule each) and
/// `lexicons/*.yml` (phrase lists the rules name). Loading reports every
/// bad file with its path and line; no rule is silently dropped.
public struct RulePack: Sendable {
    public let rules: [any Rule]
    public let resources: RuleResources

    public init(rules: [any Rule], resources: RuleResources) {
        self.rules = rules
        self.resources = resources
    }

    public func rule(_ id: String) -> (any Rule)? { rules.first { $0.id == id } }

    public static func load(directory: String, analyzer: TextAnalyzer) throws(RulePackError) -> RulePack {
        var errors: [DataFileError] = []
        let resources = RuleResources(analyzer: analyzer, lexicons: loadLexicons(directory: directory, errors: &errors),
                                      directory: directory)
        let rulePaths = ruleFiles(directory: directory)
        if rulePaths.isEmpty {
            errors.append(DataFileError(path: directory + "/rules", line: 0, column: 0, message: "no rule files (*.yml) found"))
        }
        var rules: [any Rule] = []
        var seen: [String: String] = [:]
        for path in rulePaths {
            do throws(DataFileError) {
                let rule = try loadRule(path: path, resources: resources)
                if let other = seen[rule.id] {
                    throw DataFileError(path: path, line: 1, column: 1, message: "rule id '\(rule.id)' is already defined in \(other)")
                }
                seen[rule.id] = path
                rules.append(rule)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw RulePackError(errors: errors) }
        return RulePack(rules: rules, resources: resources)
    }

    /// The rule files of a pack, sorted.
    public static func ruleFiles(directory: String) -> [String] {
        yamlFiles(in: directory + "/rules")
    }

    /// Every lexicon of a pack; bad files are added to `errors`.
    public static func loadLexicons(directory: String, errors: inout [DataFileError]) -> [String: Lexicon] {
        var lexicons: [String: Lexicon] = [:]
        for path in yamlFiles(in: directory + "/lexicons") {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            do throws(DataFileError) {
                lexicons[name] = try Lexicon.parse(try read(path), name: name, path: path)
            } catch {
                errors.append(error)
            }
        }
        return lexicons
    }

    /// One rule file, built by its kind.
    public static func loadRule(path: String, resources: RuleResources) throws(DataFileError) -> any Rule {
        let definition = try RuleFileParser.parse(try read(path), path: path)
        guard let factory = RuleKinds.all[definition.description.kind] else {
            throw DataFileError(path: path, line: 1, column: 1, message:
                "unknown kind '\(definition.description.kind)' (known: \(RuleKinds.all.keys.sorted().joined(separator: ", ")))")
        }
        return try factory(definition, resources)
    }

    private static func yamlFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { directory + "/" + $0 }
    }

    private static func read(_ path: String) throws(DataFileError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataFileError(path: path, line: 0, column: 0, message: "cannot be read")
        }
        do {
            return try TextInput.decode(data)
        } catch {
            throw DataFileError(path: path, line: 0, column: 0, message: error.description)
        }
    }
}

/// Every problem found while loading a rule pack.
public struct RulePackError: Error, CustomStringConvertible, Sendable {
    public let errors: [DataFileError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
