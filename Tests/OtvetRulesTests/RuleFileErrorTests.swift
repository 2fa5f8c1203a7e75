import OtvetRules
import OtvetText
import Foundation
import Testing

/// A bad rule file is reported with its path, line and what is wrong.
@Suite("Rule file errors") struct RuleFileErrorTests {
    let good = """
        id: sample
        kind: lexicon
        name: Пример
        summary: Пример
        severity: warning
        message: "«{match}»"
        explanation: Пример.
        params:
          lexicon: bureaucratese
        examples:
          bad: ["[[В настоящее время]] тепло."]
          good: ["Сейчас тепло."]
        """

    @Test func aGoodFileParses() throws {
        let definition = try RuleFileParser.parse(good, path: "sample.yml")
        #expect(definition.description.examples.count == 2)
        #expect(definition.description.examples[0].spans == [TextRangeFixture.range(0, 17)])
    }

    @Test(arguments: [
        ("severity: warning", "severity: fatal", "sample.yml:5:11: severity must be error, warning or suggestion, not 'fatal'"),
        ("id: sample\n", "", "missing key 'id'"),
        ("name: Пример\n", "name: Пример\ncolour: red\n", "sample.yml:4:9: unknown key 'colour'"),
        ("[[В настоящее время]] тепло.", "[[В настоящее время тепло.", "'[[' without a closing ']]'"),
        ("good: [\"Сейчас тепло.\"]", "good: [\"[[Сейчас]] тепло.\"]", "a good example must not contain [[…]] markers"),
        ("  lexicon: bureaucratese", "  lexicon: [a, b", "sample.yml:"),
        ("id: sample", "id: Sample Rule", "must be lower-case ASCII"),
    ])
    func aBrokenFileNamesTheProblem(original: String, replacement: String, expected: String) {
        let broken = good.replacingOccurrences(of: original, with: replacement)
        #expect(throws: DataFileError.self) { try RuleFileParser.parse(broken, path: "sample.yml") }
        do {
            _ = try RuleFileParser.parse(broken, path: "sample.yml")
        } catch {
            #expect(error.description.contains(expected), "got: \(error.description)")
        }
    }

    @Test func anUnknownLexiconIsAnErrorAtItsLine() throws {
        let definition = try RuleFileParser.parse(good.replacingOccurrences(of: "bureaucratese", with: "nothing"),
                                                  path: "sample.yml")
        #expect(throws: DataFileError.self) { _ = try RuleKinds.all["lexicon"]!(definition, sharedResources) }
    }

    @Test func aliasesAreRefused() {
        #expect(throws: DataFileError.self) { try YAMLParser.parse("a: &x [1]\nb: *x\n", path: "p.yml") }
    }
}

enum TextRangeFixture {
    static func range(_ offset: Int, _ length: Int) -> OtvetText.TextRange { .init(offset: offset, length: length) }
}

@Suite("Lexicon replacements") struct LexiconReplacementTests {
    @Test func replacementsFollowTheCaseOfTheMatch() throws {
        let pack = try RulePack.load(directory: rulesDirectory, analyzer: sharedAnalyzer)
        let rule = try #require(pack.rule("bureaucratese"))
        func replacements(_ text: String) throws -> [String] {
            let context = CheckContext(document: try sharedAnalyzer.analyze(text), settings: rule.description.settings)
            return try #require(rule.check(context).first { $0.match.lowercased() == "в настоящее время" }).replacements
        }
        #expect(try replacements("В настоящее время фонарь работает.") == ["Сейчас"])
        #expect(try replacements("Фонарь в настоящее время работает.") == ["сейчас"])
    }
}
