import Foundation
import OtvetRules
import OtvetText

/// Options every rule-running command shares: where the rules and the
/// policy come from.
struct RuleOptions {
    let rulesDirectory: String?
    let policyPath: String?

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        rulesDirectory = try arguments.value("--rules")
        policyPath = try arguments.value("--policy")
    }

    static let help = """
          --rules DIR          Rule pack directory (default: $OTVET_RULES, ./Rules, or the one beside the build)
          --policy FILE        Policy file: rules on/off, severities, thresholds, pass mark (default: DIR/policy.yml)
        """

    /// The rule directory: the option, the environment, the working directory, or the source checkout.
    func directory(_ context: CommandContext) throws(CLIError) -> String {
        var candidates: [String] = []
        if let rulesDirectory { candidates.append(InputReader(context: context).resolve(rulesDirectory)) }
        else {
            if let fromEnvironment = context.environment["OTVET_RULES"] { candidates.append(fromEnvironment) }
            candidates.append(context.currentDirectory + "/Rules")
            let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("../../../Rules").standardized.path)
        }
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate + "/rules", isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
        }
        throw .input("no rule pack found (looked in \(candidates.joined(separator: ", "))); pass --rules DIR")
    }

    func loadPack(_ context: CommandContext) throws(CLIError) -> RulePack {
        let directory = try directory(context)
        do {
            return try RulePack.load(directory: directory, analyzer: try TextAnalyzer())
        } catch let error as RulePackError {
            throw .input("the rule pack does not load:\n" + error.description)
        } catch {
            throw .input("the text engine does not start: \(error)")
        }
    }

    func loadPolicy(_ context: CommandContext, pack: RulePack) throws(CLIError) -> Policy {
        var path = policyPath.map { InputReader(context: context).resolve($0) }
        if path == nil, let directory = try? directory(context),
           FileManager.default.fileExists(atPath: directory + "/policy.yml") {
            path = directory + "/policy.yml"
        }
        guard let path else { return .standard }
        let text = try InputReader(context: context).read(path).text
        do {
            return try Policy.parse(text, path: path, knownRules: Set(pack.rules.map(\.id)))
        } catch {
            throw .input("the policy does not load: \(error.description)")
        }
    }
}
