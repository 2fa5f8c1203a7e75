import Foundation
import OtvetRules
import OtvetText
import Testing

/// The package's `Rules/` directory, found from this file's path.
let rulesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Rules").path

let sharedAnalyzer = try! TextAnalyzer()

let sharedResources: RuleResources = {
    var errors: [DataFileError] = []
    let lexicons = RulePack.loadLexicons(directory: rulesDirectory, errors: &errors)
    precondition(errors.isEmpty, "lexicons do not load: \(errors)")
    return RuleResources(analyzer: sharedAnalyzer, lexicons: lexicons, directory: rulesDirectory)
}()

/// One generic test over every rule file: its examples fire exactly at
/// their marks, good ones stay silent, and both survive a multi-byte prefix.
@Test("Rule examples", arguments: RulePack.ruleFiles(directory: rulesDirectory).map { ($0 as NSString).lastPathComponent })
func ruleExamples(file: String) throws {
    let rule = try RulePack.loadRule(path: rulesDirectory + "/rules/" + file, resources: sharedResources)
    #expect(file == rule.id + ".yml", "a rule file is named after its id")
    let failures = RuleExampleRunner(analyzer: sharedAnalyzer).run(rule, settings: rule.description.settings)
    for failure in failures { Issue.record("\(failure.description)") }
    #expect(rule.description.examples.contains { $0.expectation == .bad })
}
