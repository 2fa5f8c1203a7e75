import Foundation
import OtvetCLI
import Testing

/// Runs the CLI in-process with captured streams.
struct Run {
    var stdout = ""
    var stderr = ""
    var code: Int32 = 0

    init(_ arguments: [String], stdin: [UInt8] = [], environment: [String: String] = [:], terminal: Bool = false) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        var out = ""
        var err = ""
        let context = CommandContext(readStandardInput: { stdin }, write: { out += $0 }, writeError: { err += $0 },
                                     isTerminal: terminal, environment: environment, currentDirectory: root)
        code = CLI.run(arguments, context: context)
        stdout = out
        stderr = err
    }
}

func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "otvet-\(UUID().uuidString).txt"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

@Suite("Command line") struct CLITests {
    @Test func analyzeEmptyInputIsAnEmptyDocument() {
        let run = Run(["analyze", "--format", "json"])
        #expect(run.code == 0)
        #expect(run.stdout.contains("\"wordCount\" : 0"))
    }

    @Test func analyzeShowsCompoundTokens() {
        let run = Run(["analyze", "-"], stdin: Array("Звоните 8-800-100-70-10 до 01.09.2024 г.".utf8))
        #expect(run.code == 0)
        #expect(run.stdout.contains("phone \"8-800-100-70-10\""))
        #expect(run.stdout.contains("date \"01.09.2024 г.\""))
    }

    @Test(arguments: [
        ([0xFF, 0xFE, 0x41] as [UInt8], "not valid UTF-8 (bad byte sequence at byte 0)"),
        ([0x41, 0x00, 0x42] as [UInt8], "binary data (NUL byte at byte 1)"),
        (Array("Привет".utf8.dropLast()) as [UInt8], "not valid UTF-8"),
    ])
    func badInputExitsTwoWithAMessage(bytes: [UInt8], expected: String) throws {
        let path = try temporaryFile(bytes)
        for command in [["analyze", path], ["check", path]] {
            let run = Run(command)
            #expect(run.code == 2)
            #expect(run.stderr.contains(expected), "stderr: \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func missingFileAndBadOptionsExitTwo() {
        #expect(Run(["check", "/no/such/file"]).stderr.contains("no such file"))
        #expect(Run(["check", "--format", "xml"]).code == 2)
        #expect(Run(["check", "--bogus"]).stderr.contains("unknown option '--bogus'"))
        #expect(Run(["frobnicate"]).code == 2)
    }

    @Test func checkReportsSpanLineAndColumn() throws {
        let path = try temporaryFile(Array("Здравствуйте!\nВ настоящее время фонарь работает.".utf8))
        let run = Run(["check", path, "--fail-on", "suggestion"])
        #expect(run.code == 1)
        #expect(run.stdout.contains("\(path):2:1: suggestion: «В настоящее время» — канцелярит"))
        #expect(run.stdout.contains("→ Сейчас"), "a replacement at a sentence start is capitalised")
    }

    /// CRLF files: the underlined line is the finding's own line, without its line break.
    @Test func checkShowsTheRightLineOfACRLFFile() throws {
        let path = try temporaryFile(Array("Здравствуйте!\r\nФонарь заменили.\r\nВ настоящее время он горит.\r\n".utf8))
        let run = Run(["check", path, "--fail-on", "suggestion"])
        #expect(run.stdout.contains("\(path):3:1: suggestion: «В настоящее время»"))
        #expect(run.stdout.contains("\n    В настоящее время он горит.\n    ^^^^^^^^^^^^^^^^^\n"), "\(run.stdout)")
    }

    @Test func cleanAnswerPassesWithExitZero() throws {
        let path = try temporaryFile(Array("Здравствуйте, Анна Петровна!\nФонарь у дома 5 заменили 12 мая.".utf8))
        let run = Run(["check", path, "--format", "json"])
        #expect(run.code == 0, "\(run.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        #expect(json?.first?["verdict"] as? String == "pass")
    }

    @Test func policyTurnsRulesOffAndRejectsUnknownRules() throws {
        let draft = try temporaryFile(Array("Фонарь заменили.".utf8))
        let off = try temporaryFile(Array("rules:\n  missing-greeting: {enabled: false}\n".utf8))
        #expect(Run(["check", draft, "--policy", off, "--fail-on", "warning"]).code == 0)
        #expect(Run(["check", draft, "--fail-on", "warning"]).code == 1)
        let bad = try temporaryFile(Array("rules:\n  no-such-rule: {enabled: false}\n".utf8))
        let run = Run(["check", draft, "--policy", bad])
        #expect(run.code == 2)
        #expect(run.stderr.contains(":2:"), "the error names the line: \(run.stderr)")
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        let text = Array("Фонарь заменили.".utf8)
        #expect(Run(["check", "-"], stdin: text, terminal: true).stdout.contains("\u{1B}["))
        #expect(!Run(["check", "-"], stdin: text, terminal: false).stdout.contains("\u{1B}["))
        #expect(!Run(["check", "-"], stdin: text, environment: ["NO_COLOR": "1"], terminal: true).stdout.contains("\u{1B}["))
    }

    @Test func rulesTestPassesOnTheShippedPack() {
        let run = Run(["rules", "test"])
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains(" 0 failed"))
    }
}
