import Testing
import OtvetText

/// Offsets are UTF-16 code units everywhere; line/column positions are
/// 1-based with the column in UTF-16 units; `text(of:)` returns the
/// original, unnormalised slice.
@Suite("Offsets")
struct OffsetTests {
    @Test func emojiPrefixShiftsOffsetsByTwoUnits() throws {
        let document = try analyze("👍 Ёлка стоит.")
        #expect(document.units.count == 14)
        #expect(document.toks == [Tok("👍", .symbol), Tok("Ёлка", .word), Tok("стоит", .word), Tok(".", .punctuation)])
        #expect(document.tokens.map(\.range) == [
            TextRange(offset: 0, length: 2), TextRange(offset: 3, length: 4),
            TextRange(offset: 8, length: 5), TextRange(offset: 13, length: 1),
        ])
        #expect(LC(document.position(of: 3)) == LC(1, 4))
        #expect(LC(document.position(of: 13)) == LC(1, 14))
        #expect(document.text(of: document.tokens[1]) == "Ёлка")
        #expect(document.sentences.map(\.range) == [TextRange(offset: 0, length: 14)])
    }

    @Test func emojiInTheMiddleOfALine() throws {
        let document = try analyze("Спасибо 😊😊 за помощь")
        let word = try #require(document.token("за"))
        #expect(word.range == TextRange(offset: 13, length: 2))
        #expect(LC(document.position(of: word.range.offset)) == LC(1, 14))
        let symbols = document.tokens.filter { $0.kind == .symbol }
        #expect(symbols.count >= 1)
        #expect(symbols.reduce(0) { $0 + $1.range.length } == 4)
    }

    @Test func combiningAcuteStaysInsideTheWord() throws {
        let text = "Вы\u{301}сокий дом."
        let document = try analyze(text)
        #expect(document.tokens.map(\.range) == [
            TextRange(offset: 0, length: 8), TextRange(offset: 9, length: 3), TextRange(offset: 12, length: 1),
        ])
        #expect(document.units(of: document.tokens[0].range) == Array("Вы\u{301}сокий".utf16))
        // There is no precomposed ы́: NFC keeps the mark; only the case changes.
        #expect(Array(document.tokens[0].normalized.text.unicodeScalars) == Array("вы\u{301}сокий".unicodeScalars))
        #expect(document.tokens[0].syllables == 3)
        #expect(LC(document.position(of: 9)) == LC(1, 10))
    }

    @Test func decomposedYoCoversBothUnits() throws {
        // Е + U+0308 and е + U+0308: two code units each for one letter.
        let text = "Е\u{308}лка и е\u{308}ж."
        let document = try analyze(text)
        #expect(document.units.count == 12)
        #expect(document.tokens.map(\.range) == [
            TextRange(offset: 0, length: 5), TextRange(offset: 6, length: 1),
            TextRange(offset: 8, length: 3), TextRange(offset: 11, length: 1),
        ])
        #expect(document.tokens.map(\.kind) == [.word, .word, .word, .punctuation])
        // Normalised: composed, lower case, ё folded to е.
        #expect(Array(document.tokens[0].normalized.text.unicodeScalars) == Array("елка".unicodeScalars))
        #expect(Array(document.tokens[2].normalized.text.unicodeScalars) == Array("еж".unicodeScalars))
        #expect(document.tokens[0].letterCase == .capitalized)
        #expect(document.tokens[0].syllables == 2)
        // The original slice is returned as written, still decomposed.
        #expect(Array(document.text(of: document.tokens[0]).utf16) == [0x415, 0x308, 0x43B, 0x43A, 0x430])
        #expect(Array(document.text(of: document.tokens[2]).utf16) == [0x435, 0x308, 0x436])
        // Same stem as the composed spelling.
        let composed = try analyze("Ёлка и ёж.")
        #expect(document.tokens[0].stem == composed.tokens[0].stem)
        #expect(composed.tokens[0].range == TextRange(offset: 0, length: 4))
        #expect(LC(document.position(of: 8)) == LC(1, 9))
    }

    @Test func decomposedShortI() throws {
        // и + U+0306 is й written in two units.
        let document = try analyze("Мои\u{306} дом.")
        #expect(document.tokens.map(\.range) == [
            TextRange(offset: 0, length: 4), TextRange(offset: 5, length: 3), TextRange(offset: 8, length: 1),
        ])
        #expect(Array(document.tokens[0].normalized.text.unicodeScalars) == Array("мой".unicodeScalars))
        #expect(document.tokens[0].normalized.utf16.count == 3)
        let composed = try analyze("Мой")
        #expect(document.tokens[0].stem == composed.tokens[0].stem)
        #expect(document.units(of: document.tokens[0].range) == [0x41C, 0x43E, 0x438, 0x306])
    }

    @Test func crlfTextPositions() throws {
        let text = "Строка один.\r\nЁж 👍 идёт.\r\n\r\nТретья."
        let document = try analyze(text)
        #expect(document.lines.lineStarts == [0, 14, 27, 29])
        #expect(document.toks == [
            Tok("Строка", .word), Tok("один", .word), Tok(".", .punctuation),
            Tok("Ёж", .word), Tok("👍", .symbol), Tok("идёт", .word), Tok(".", .punctuation),
            Tok("Третья", .word), Tok(".", .punctuation),
        ])
        let positions = document.tokens.map { document.position(of: $0.range.offset) }
        #expect(positions.map(\.line) == [1, 1, 1, 2, 2, 2, 2, 4, 4])
        #expect(positions.map(\.column) == [1, 8, 12, 1, 4, 7, 11, 1, 7])
        // The CR and LF of one break belong to the line they end.
        #expect(LC(document.position(of: 12)) == LC(1, 13))
        #expect(LC(document.position(of: 13)) == LC(1, 14))
        #expect(LC(document.position(of: 27)) == LC(3, 1))
        #expect(document.sentenceTexts == ["Строка один.", "Ёж 👍 идёт.", "Третья."])
    }

    @Test func positionAtTheEnds() throws {
        let document = try analyze("Да.\nНет.")
        #expect(LC(document.position(of: 0)) == LC(1, 1))
        #expect(LC(document.position(of: 3)) == LC(1, 4))
        #expect(LC(document.position(of: 4)) == LC(2, 1))
        #expect(LC(document.position(of: 8)) == LC(2, 5))
    }

    @Test func lineIndexSeparators() {
        let units = Array("а\rб\nв\r\nг\u{2028}д\u{85}е".utf16)
        let index = LineIndex(units)
        #expect(index.lineStarts == [0, 2, 4, 7, 9, 11])
        #expect(LC(index.position(of: 5)) == LC(3, 2))
        #expect(LC(index.position(of: 11)) == LC(6, 1))
        #expect(LineIndex([]).lineStarts == [0])
        #expect(LineIndex(Array("\n".utf16)).lineStarts == [0, 1])
    }

    @Test func trailingLineBreakStartsAnEmptyLine() throws {
        let document = try analyze("Да.\r\n")
        #expect(document.lines.lineStarts == [0, 5])
        #expect(LC(document.position(of: 5)) == LC(2, 1))
    }

    static let samples: [String] = [
        "👍 Ёлка стоит.",
        "Е\u{308}лка и е\u{308}ж.",
        "Здравствуйте!\r\nНа период ремонта путепровода в г. Вышний Волочѣк (от трассы М-10) 😊 работы идут.",
        "Звоните +7 (4822) 32-10-00, пишите ivan.petrov@tver.ru, сайт https://pos.gosuslugi.ru/admin/.",
        "Постановление № 861 от 27.12.2004 г.\u{A0}Ст. 14.4 КоАП РФ.",
        "Ｔｅｓｔ 漢字 テスト ع ש 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.",
    ]

    @Test("text(of:) returns exactly the original code units", arguments: samples)
    func textOfTokenIsTheOriginalSlice(_ text: String) throws {
        let document = try analyze(text)
        let units = Array(text.utf16)
        #expect(document.units == units)
        #expect(document.text == text)
        #expect(!document.tokens.isEmpty)
        for token in document.tokens {
            let slice = Array(units[token.range.bounds])
            #expect(Array(document.text(of: token.range).utf16) == slice)
            // Tokens never start or end with whitespace.
            #expect(slice.first.map { $0 != 0x20 && $0 != 0xA0 && $0 != 0x0A && $0 != 0x0D } == true)
            #expect(slice.last.map { $0 != 0x20 && $0 != 0xA0 && $0 != 0x0A && $0 != 0x0D } == true)
        }
        // Everything outside tokens is whitespace.
        var covered = [Bool](repeating: false, count: units.count)
        for token in document.tokens { for index in token.range.bounds { covered[index] = true } }
        let uncovered = units.indices.filter { !covered[$0] }.map { units[$0] }
        #expect(uncovered.allSatisfy { [0x20, 0xA0, 0x0A, 0x0D, 0x09].contains($0) }, "uncovered: \(uncovered)")
        #expect(invariantViolations(document) == [])
    }

    @Test func textOfClampsOutOfRangeSpans() throws {
        let document = try analyze("Да.")
        #expect(document.text(of: TextRange(offset: 1, length: 100)) == "а.")
        #expect(document.text(of: TextRange(offset: 10, length: 5)) == "")
        #expect(document.text(of: TextRange(offset: -3, length: 4)) == "Д")
    }

    @Test func textRangeArithmetic() {
        let range = TextRange(offset: 3, length: 4)
        #expect(range.end == 7)
        #expect(range.bounds == 3..<7)
        #expect(range.union(TextRange(offset: 10, length: 2)) == TextRange(offset: 3, length: 9))
        #expect(range.contains(TextRange(offset: 4, length: 3)))
        #expect(!range.contains(TextRange(offset: 4, length: 4)))
        #expect(range.shifted(by: -3) == TextRange(offset: 0, length: 4))
        #expect(TextRange(2..<5) == TextRange(offset: 2, length: 3))
        #expect(TextRange(offset: 1, length: 9) < TextRange(offset: 2, length: 1))
        #expect(TextRange(offset: 1, length: 1) < TextRange(offset: 1, length: 2))
        #expect(range.description == "3+4")
    }

    @Test func spanOfTokens() throws {
        let document = try analyze("Дорога на ул. Сиверсова.")
        #expect(document.span(ofTokens: 1..<4) == TextRange(offset: 7, length: 16))
        #expect(document.text(of: document.span(ofTokens: 1..<4)) == "на ул. Сиверсова")
    }
}
