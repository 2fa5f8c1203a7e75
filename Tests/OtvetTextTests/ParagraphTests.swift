import Testing
import OtvetText

/// Paragraphs: blank lines and single line breaks end them, wrapped lines
/// continue them, list items stand alone, and sentences never cross them.
@Suite("Paragraphs")
struct ParagraphTests {
    @Test func blankLineSeparatesParagraphs() throws {
        let document = try analyze("Работы завершены.\n\nСпасибо за обращение.")
        #expect(document.paragraphTexts == ["Работы завершены.", "Спасибо за обращение."])
        #expect(document.paragraphs.map(\.range) == [TextRange(offset: 0, length: 17), TextRange(offset: 19, length: 21)])
        #expect(document.paragraphs.map(\.sentences) == [0..<1, 1..<2])
        #expect(document.paragraphs.map(\.tokens) == [0..<3, 3..<7])
        #expect(document.paragraphs.allSatisfy { !$0.isListItem })
    }

    @Test func severalBlankLinesAndSurroundingWhitespace() throws {
        let document = try analyze("\n\n  Да.\n\n\n\n\tНет.  \n\n")
        #expect(document.paragraphTexts == ["Да.", "Нет."])
        #expect(document.paragraphs.map(\.range) == [TextRange(offset: 4, length: 3), TextRange(offset: 12, length: 4)])
    }

    @Test func linesOfOnlyWhitespaceCountAsBlank() throws {
        let document = try analyze("Первый абзац.\n \t \nВторой абзац.")
        #expect(document.paragraphTexts == ["Первый абзац.", "Второй абзац."])
    }

    @Test func indentedLinesAreTrimmed() throws {
        let document = try analyze("\tОтступ.\n    Ещё отступ.")
        #expect(document.paragraphs.map(\.range) == [TextRange(offset: 1, length: 7), TextRange(offset: 13, length: 11)])
        #expect(document.paragraphTexts == ["Отступ.", "Ещё отступ."])
    }

    struct Example: Sendable, CustomTestStringConvertible {
        let input: String
        let paragraphs: [String]
        init(_ input: String, _ paragraphs: [String]) {
            self.input = input
            self.paragraphs = paragraphs
        }
        var testDescription: String { input.debugDescription }
    }

    /// A single line break after closing punctuation starts a new paragraph.
    static let singleBreaks: [Example] = [
        Example("Первая строка.\nВторая строка.", ["Первая строка.", "Вторая строка."]),
        Example("Спасибо!\nРаботы завершены.", ["Спасибо!", "Работы завершены."]),
        Example("Вопрос: когда?\nОтвет: завтра.", ["Вопрос: когда?", "Ответ: завтра."]),
        Example("Сообщаем следующее:\nработы завершены.", ["Сообщаем следующее:", "работы завершены."]),
        Example("работы завершены;\nобъезд открыт.", ["работы завершены;", "объезд открыт."]),
        Example("Работы завершены.\nсроки соблюдены.", ["Работы завершены.", "сроки соблюдены."]),
        Example("Работы ведутся…\nЗавтра закончим.", ["Работы ведутся…", "Завтра закончим."]),
        // No closing punctuation, but the next line starts with a capital: not a wrap.
        Example("Работы по ремонту дороги\nБудут выполнены в июле.", ["Работы по ремонту дороги", "Будут выполнены в июле."]),
        Example("Рассмотрев обращение\n«Тверьэнерго» сообщает", ["Рассмотрев обращение", "«Тверьэнерго» сообщает"]),
    ]

    @Test("A single line break starts a paragraph", arguments: singleBreaks)
    func singleLineBreak(_ example: Example) throws {
        let document = try analyze(example.input)
        #expect(document.paragraphTexts == example.paragraphs)
        // Here every paragraph is one sentence, and no sentence runs over the break.
        #expect(document.sentenceTexts == example.paragraphs)
    }

    /// A line that merely wraps (no closing punctuation, next line lower case) continues the paragraph.
    static let wraps: [Example] = [
        Example("Работы по ремонту дороги\nбудут выполнены в июле.", ["Работы по ремонту дороги\nбудут выполнены в июле."]),
        Example("Рассмотрев обращение,\nсообщаем следующее.", ["Рассмотрев обращение,\nсообщаем следующее."]),
        Example("Работы по ремонту\nдороги будут\nвыполнены в июле.", ["Работы по ремонту\nдороги будут\nвыполнены в июле."]),
        Example("Работы по ремонту дороги\r\nбудут выполнены в июле.", ["Работы по ремонту дороги\r\nбудут выполнены в июле."]),
    ]

    @Test("A wrapped line continues the paragraph and the sentence", arguments: wraps)
    func wrappedLine(_ example: Example) throws {
        let document = try analyze(example.input)
        #expect(document.paragraphTexts == example.paragraphs)
        #expect(document.sentenceTexts == example.paragraphs)
    }

    @Test func listItems() throws {
        let document = try analyze("Необходимо:\n- подать заявление;\n• приложить документы;\n* оплатить пошлину;\n— получить ответ;\n2) СНИЛС;\n10) ИНН.")
        #expect(document.paragraphTexts == [
            "Необходимо:", "- подать заявление;", "• приложить документы;", "* оплатить пошлину;",
            "— получить ответ;", "2) СНИЛС;", "10) ИНН.",
        ])
        #expect(document.paragraphs.map(\.isListItem) == [false, true, true, true, true, true, true])
        #expect(document.sentenceTexts == document.paragraphTexts)
    }

    @Test func numberedListItemsWithDot() throws {
        let document = try analyze("Перечень документов:\n1. Паспорт.\n2. СНИЛС.")
        #expect(document.paragraphTexts == ["Перечень документов:", "1. Паспорт.", "2. СНИЛС."])
        #expect(document.paragraphs.map(\.isListItem) == [false, true, true])
    }

    @Test func listItemsSeparatedByBlankLines() throws {
        let document = try analyze("- Первый пункт\n\n- Второй пункт")
        #expect(document.paragraphTexts == ["- Первый пункт", "- Второй пункт"])
        #expect(document.paragraphs.map(\.isListItem) == [true, true])
    }

    @Test func listItemsNeverMergeWithThePreviousLine() throws {
        // «Пункт» has no closing punctuation, yet the list items stand alone.
        let document = try analyze("Пункт\n- первый;\n- второй.")
        #expect(document.paragraphTexts == ["Пункт", "- первый;", "- второй."])
        #expect(document.paragraphs.map(\.isListItem) == [false, true, true])
    }

    @Test func wrappedListItemContinues() throws {
        let document = try analyze("- подать заявление\nв письменной форме;\n- приложить паспорт.")
        #expect(document.paragraphTexts == ["- подать заявление\nв письменной форме;", "- приложить паспорт."])
        #expect(document.paragraphs.map(\.isListItem) == [true, true])
    }

    static let notListItems: [String] = [
        "-Подать заявление",       // no space after the dash
        "1.5 литра воды.",         // a decimal number
        "2021 год был трудным.",   // a year
        "-5 градусов. Холодно.",   // a negative number
        "1234. Слишком длинный номер",
    ]

    @Test("Not list markers", arguments: notListItems)
    func notAListItem(_ input: String) throws {
        let document = try analyze(input)
        #expect(document.paragraphs.count == 1)
        #expect(document.paragraphs.first?.isListItem == false)
    }

    @Test func crlfLineEndings() throws {
        let document = try analyze("Первый абзац.\r\nВторой абзац.\r\n\r\nТретий абзац.")
        #expect(document.paragraphTexts == ["Первый абзац.", "Второй абзац.", "Третий абзац."])
        #expect(document.paragraphs.map(\.range) == [
            TextRange(offset: 0, length: 13), TextRange(offset: 15, length: 13), TextRange(offset: 32, length: 13),
        ])
        #expect(document.sentenceTexts == ["Первый абзац.", "Второй абзац.", "Третий абзац."])
    }

    @Test func otherLineSeparators() throws {
        // CR alone, U+2028 and NEL all break lines; these lines wrap, so it is one paragraph.
        let document = try analyze("Строка\rвторая\u{2028}третья\u{85}четвёртая")
        #expect(document.paragraphs.count == 1)
        #expect(document.lines.lineStarts == [0, 7, 14, 21])
        // …and with closing punctuation each line is its own paragraph.
        let separate = try analyze("Первая.\rВторая.\u{2028}Третья.\u{85}Четвёртая.")
        #expect(separate.paragraphTexts == ["Первая.", "Вторая.", "Третья.", "Четвёртая."])
    }

    static let multiParagraph: [String] = [
        "Здравствуйте!\nРаботы по ремонту дороги\nбудут выполнены в июле. Спасибо.\n\n- пункт один;\n- пункт два.\n\nС уважением,\nадминистрация",
        "Работы ведутся.\r\nЗавтра закончим.\r\n\r\nДорога на ул. Сиверсова\r\nОтремонтирована.",
        "ул. Сиверсова.\nг. Тверь\nИ. И. Петров\n\n\nТел. 32-10-00.\nhttps://pos.gosuslugi.ru/admin/.",
        "Покос и т.д.\nРаботы завершены 02.03.2021 г.\nПовторно обращаться не нужно.",
    ]

    @Test("Sentences never cross paragraphs", arguments: multiParagraph)
    func sentencesStayInsideParagraphs(_ input: String) throws {
        let document = try analyze(input)
        #expect(document.paragraphs.count > 1)
        #expect(invariantViolations(document) == [])
    }

    @Test func abbreviationAtEndOfLineDoesNotJoinParagraphs() throws {
        // «г.» cannot end a sentence, but a line break after «Сиверсова.» still ends the paragraph.
        let document = try analyze("Дорога на ул. Сиверсова.\nг. Тверь ждёт ремонта.")
        #expect(document.paragraphTexts == ["Дорога на ул. Сиверсова.", "г. Тверь ждёт ремонта."])
        #expect(document.sentenceTexts == ["Дорога на ул. Сиверсова.", "г. Тверь ждёт ремонта."])
    }

    @Test func paragraphTokenRanges() throws {
        let document = try analyze("Да.\n\n\n\nНет.")
        #expect(document.toks == [Tok("Да", .word), Tok(".", .punctuation), Tok("Нет", .word), Tok(".", .punctuation)])
        #expect(document.paragraphs.map(\.tokens) == [0..<2, 2..<4])
        #expect(document.paragraphs.map(\.range) == [TextRange(offset: 0, length: 3), TextRange(offset: 7, length: 4)])
    }
}
