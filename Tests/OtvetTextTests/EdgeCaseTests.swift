import Testing
import OtvetText

/// Degenerate input: nothing, only whitespace, huge words, floods of punctuation.
@Suite("Edge cases")
struct EdgeCaseTests {
    @Test(arguments: ["", " ", "   \n\t \n  ", "\r\n\r\n", "\u{A0}\u{2003}\u{3000}", "\n", "\u{FEFF}"])
    func emptyOrWhitespaceOnlyGivesAnEmptyDocument(_ text: String) throws {
        let document = try analyze(text)
        #expect(document.tokens.isEmpty)
        #expect(document.sentences.isEmpty)
        #expect(document.paragraphs.isEmpty)
        #expect(document.isEmpty)
        #expect(document.wordCount == 0)
        #expect(document.syllableCount == 0)
        #expect(document.units == Array(text.utf16))
    }

    @Test func emptyDocumentPositions() throws {
        let document = try analyze("")
        #expect(document.lines.lineStarts == [0])
        #expect(LC(document.position(of: 0)) == LC(1, 1))
        #expect(document.sentenceIndex(ofToken: 0) == nil)
    }

    @Test func veryLongWord() throws {
        let word = String(repeating: "электро", count: 2_000) // 14 000 letters
        let document = try analyze("Слово \(word) конец.")
        #expect(document.tokens.count == 4)
        let long = document.tokens[1]
        #expect(long.kind == .word)
        #expect(long.range == TextRange(offset: 6, length: 14_000))
        #expect(long.syllables == 6_000)
        #expect(long.normalized.text == word)
        #expect(document.tokens[2].range.offset == 14_007)
        #expect(document.sentences.count == 1)
        #expect(document.sentences[0].wordCount == 3)
    }

    @Test func veryLongHyphenatedWord() throws {
        let word = Array(repeating: "кто", count: 1_000).joined(separator: "-")
        let document = try analyze(word)
        #expect(document.tokens.count == 1)
        #expect(document.tokens.first?.range.length == word.utf16.count)
    }

    @Test(arguments: [".", "!", "?", ",", "…", "-", "«", "»", "(", ")", "!?.,;:", "№", ". "])
    func tenThousandPunctuationMarks(_ mark: String) throws {
        let text = String(repeating: mark, count: 10_000 / mark.count)
        let document = try analyze(text)
        #expect(document.wordCount == 0)
        #expect(document.tokens.allSatisfy { $0.kind == .punctuation || $0.kind == .symbol })
        #expect(invariantViolations(document) == [])
        // Every non-space unit lands in exactly one token.
        let covered = document.tokens.reduce(0) { $0 + $1.range.length }
        #expect(covered == text.utf16.filter { $0 != 0x20 }.count)
    }

    @Test func tenThousandMarksAroundWords() throws {
        let text = String(repeating: "Да!.. Нет?! ул. г. т.д. И. ", count: 1_000)
        let document = try analyze(text)
        #expect(!document.sentences.isEmpty)
        #expect(invariantViolations(document) == [])
    }

    @Test func manyDigitsAndDashes() throws {
        // Long digit and dash runs must not be taken for dates, nor hang the scanner.
        let digits = String(repeating: "1", count: 5_000)
        let dashes = Array(repeating: "12", count: 2_000).joined(separator: "-")
        let document = try analyze("\(digits) \(dashes)")
        #expect(document.tokens.first.map { document.text(of: $0) } == digits)
        #expect(document.tokens.first?.kind == .number)
        #expect(!document.tokens.contains { $0.kind == .date })
        #expect(invariantViolations(document) == [])
    }

    @Test func lonePunctuationAndSymbols() throws {
        let document = try analyze("…")
        #expect(document.toks == [Tok("…", .punctuation)])
        #expect(document.sentences.count == 1)
        #expect(document.sentences[0].wordCount == 0)
        let emoji = try analyze("👍")
        #expect(emoji.toks == [Tok("👍", .symbol)])
    }

    @Test func replacementCharacterDoesNotCrash() throws {
        // A lone surrogate decodes to U+FFFD; the analyser must treat it as an ordinary symbol.
        let text = String(decoding: [0x0414, 0x0430, 0xD83D, 0x0020, 0x043D, 0x0435, 0x0442] as [UInt16], as: UTF16.self)
        let document = try analyze(text)
        #expect(invariantViolations(document) == [])
        #expect(document.tokens.last.map { document.text(of: $0) } == "нет")
        #expect(document.tokens.contains { document.text(of: $0) == "\u{FFFD}" && $0.kind == .symbol })
    }
}
