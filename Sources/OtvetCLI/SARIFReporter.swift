import OtvetRules
import OtvetText

/// SARIF 2.1.0, so code-review and CI tools show the findings: the rules in
/// `tool.driver.rules`, one result per finding with its region. Columns are
/// UTF-16 code units, declared in `columnKind`.
enum SARIFReporter {
    static func report(_ reports: [FileReport], pack: RulePack) -> String {
        let rules = pack.rules.map(\.description)
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let results: [SARIF.Result] = reports.flatMap { report -> [SARIF.Result] in
            let lines = LineIndex(Array(report.text.utf16))
            return report.result.findings.map { finding in
                let end = lines.position(of: finding.offset + finding.length)
                return SARIF.Result(
                    ruleId: finding.rule, ruleIndex: index[finding.rule] ?? -1, level: level(finding.severity),
                    message: .init(text: finding.message),
                    locations: [.init(physicalLocation: .init(
                        artifactLocation: .init(uri: report.file),
                        region: .init(startLine: finding.line, startColumn: finding.column, endLine: end.line,
                                      endColumn: end.column, charOffset: finding.offset, charLength: finding.length,
                                      snippet: .init(text: finding.match))))],
                    fixes: finding.replacements.isEmpty ? nil : finding.replacements.map { replacement in
                        .init(description: .init(text: "«\(finding.match)» → «\(replacement)»"),
                              artifactChanges: [.init(artifactLocation: .init(uri: report.file), replacements: [
                                  .init(deletedRegion: .init(charOffset: finding.offset, charLength: finding.length),
                                        insertedContent: .init(text: replacement))])])
                    },
                    properties: .init(score: report.result.score, verdict: report.result.verdict.rawValue))
            }
        }
        let driver = SARIF.Driver(
            name: "otvet", version: CLI.version, informationUri: "https://pos.gosuslugi.ru/",
            rules: rules.map { rule in
                SARIF.Rule(id: rule.id, name: rule.name, shortDescription: .init(text: rule.summary),
                           fullDescription: .init(text: rule.explanation), help: .init(text: rule.explanation),
                           defaultConfiguration: .init(level: level(rule.severity)))
            })
        let log = SARIF.Log(runs: [.init(tool: .init(driver: driver), columnKind: "utf16CodeUnits", results: results)])
        return JSONOutput.encode(log)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .suggestion: "note"
        }
    }
}

/// The parts of the SARIF 2.1.0 object model Otvet writes.
enum SARIF {
    struct Log: Encodable {
        let version = "2.1.0"
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }
    struct Run: Encodable { let tool: Tool; let columnKind: String; let results: [Result] }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable { let name, version, informationUri: String; let rules: [Rule] }
    struct Text: Encodable { let text: String }
    struct Rule: Encodable {
        let id, name: String
        let shortDescription, fullDescription, help: Text
        let defaultConfiguration: Configuration
    }
    struct Configuration: Encodable { let level: String }
    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Text
        let locations: [Location]
        let fixes: [Fix]?
        let properties: Properties
    }
    struct Properties: Encodable { let score: Double; let verdict: String }
    struct Location: Encodable { let physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable { let artifactLocation: ArtifactLocation; let region: Region }
    struct ArtifactLocation: Encodable { let uri: String }
    struct Region: Encodable {
        let startLine, startColumn, endLine, endColumn, charOffset, charLength: Int
        let snippet: Text
    }
    struct Fix: Encodable { let description: Text; let artifactChanges: [ArtifactChange] }
    struct ArtifactChange: Encodable { let artifactLocation: ArtifactLocation; let replacements: [Replacement] }
    struct Replacement: Encodable { let deletedRegion: DeletedRegion; let insertedContent: Text }
    struct DeletedRegion: Encodable { let charOffset, charLength: Int }
}
