import Testing
import OtvetText

/// Sentence splitting: every expected sentence is given as the exact text a
/// Russian reader sees as one sentence.
@Suite("Sentence splitting")
struct SentenceSplittingTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let input: String
        let sentences: [String]
        init(_ input: String, _ sentences: [String]) {
            self.input = input
            self.sentences = sentences
        }
        var testDescription: String { input }
    }

    /// ICU breaks after these abbreviations; the splitter must join the sentence back.
    static let rejoined: [Example] = [
        Example("Дорога на ул. Сиверсова отремонтирована. Работы завершены.",
                ["Дорога на ул. Сиверсова отремонтирована.", "Работы завершены."]),
        Example("Администрация г. Тверь сообщает следующее.",
                ["Администрация г. Тверь сообщает следующее."]),
        Example("Адрес: г. Тверь, ул. Ткача, д. 5, кв. 10. Ждем Вас.",
                ["Адрес: г. Тверь, ул. Ткача, д. 5, кв. 10.", "Ждем Вас."]),
        Example("Проживает в д. 5 по улице Мира.",
                ["Проживает в д. 5 по улице Мира."]),
        Example("Живу в д. 5 Б по улице Мира.",
                ["Живу в д. 5 Б по улице Мира."]),
        Example("Нарушение предусмотрено ст. 14.4 КоАП РФ. Обращайтесь в суд.",
                ["Нарушение предусмотрено ст. 14.4 КоАП РФ.", "Обращайтесь в суд."]),
        Example("Ответственность установлена ст. 14.4 КоАП РФ. Согласно ст. 23.49 КоАП РФ органом является Роспотребнадзор.",
                ["Ответственность установлена ст. 14.4 КоАП РФ.",
                 "Согласно ст. 23.49 КоАП РФ органом является Роспотребнадзор."]),
        Example("Ответ подписал И. И. Петров. Вопрос закрыт.",
                ["Ответ подписал И. И. Петров.", "Вопрос закрыт."]),
        Example("заявителю Иванову И.И. направлен ответ.",
                ["заявителю Иванову И.И. направлен ответ."]),
        Example("Уборка, покос и т.д. будут выполнены.",
                ["Уборка, покос и т.д. будут выполнены."]),
        Example("Работы ведутся, т.е. дорога закрыта. Объезд открыт.",
                ["Работы ведутся, т.е. дорога закрыта.", "Объезд открыт."]),
        Example("Справки по тел. 32-10-00 ежедневно.",
                ["Справки по тел. 32-10-00 ежедневно."]),
        Example("Звоните по тел. 32-10-00 Марине Ивановне.",
                ["Звоните по тел. 32-10-00 Марине Ивановне."]),
        Example("Просим обратиться к зам. Главы района Иванову.",
                ["Просим обратиться к зам. Главы района Иванову."]),
        Example("Сумма 5 тыс. руб. перечислена.",
                ["Сумма 5 тыс. руб. перечислена."]),
        Example("Заявление принято (см. выше). Ответ дан.",
                ["Заявление принято (см. выше).", "Ответ дан."]),
        Example("Работы на ул.Привокзальная запланированы. Сроки согласованы.",
                ["Работы на ул.Привокзальная запланированы.", "Сроки согласованы."]),
    ]

    @Test("Abbreviations that cannot end a sentence do not split it", arguments: rejoined)
    func rejoinsAfterAbbreviations(_ example: Example) throws {
        let sentences = try analyze(example.input).sentenceTexts
        #expect(sentences == example.sentences)
    }

    /// Abbreviations, dates and references that do end a sentence.
    static let split: [Example] = [
        Example("Заявка принята 01.09.2024 г. Повторно обращаться не нужно.",
                ["Заявка принята 01.09.2024 г.", "Повторно обращаться не нужно."]),
        Example("Дом построен в 2021 г. Работы завершены.",
                ["Дом построен в 2021 г.", "Работы завершены."]),
        Example("Выполнены покос, уборка и т.д. Работы завершены.",
                ["Выполнены покос, уборка и т.д.", "Работы завершены."]),
        Example("Покос, уборка и т. д. Работы завершены.",
                ["Покос, уборка и т. д.", "Работы завершены."]),
        Example("Оплата 100 руб. Срок 5 дней.",
                ["Оплата 100 руб.", "Срок 5 дней."]),
        Example("Письмо от 12.03.2021 № 123-р. Ответ дан.",
                ["Письмо от 12.03.2021 № 123-р.", "Ответ дан."]),
        Example("Тел. 32-10-00. Мы ответим.",
                ["Тел. 32-10-00.", "Мы ответим."]),
        Example("Работы будут проводиться ориентировочно до 01.07.2021 года. По окончании работ сообщим.",
                ["Работы будут проводиться ориентировочно до 01.07.2021 года.", "По окончании работ сообщим."]),
        Example("сайт https://pos.gosuslugi.ru/admin/. Также www.tver.ru",
                ["сайт https://pos.gosuslugi.ru/admin/.", "Также www.tver.ru"]),
        Example("Здравствуйте. Работы ведет ООО «Благо». Спасибо.",
                ["Здравствуйте.", "Работы ведет ООО «Благо».", "Спасибо."]),
    ]

    @Test("Sentence ends after abbreviations, dates and references", arguments: split)
    func splitsAfterSentenceFinalTokens(_ example: Example) throws {
        let sentences = try analyze(example.input).sentenceTexts
        #expect(sentences == example.sentences)
    }

    static let terminalMarks: [Example] = [
        Example("Спасибо! Вопрос решён? Да.", ["Спасибо!", "Вопрос решён?", "Да."]),
        Example("Вопрос решён?! Да.", ["Вопрос решён?!", "Да."]),
        Example("Работы ведутся... Завтра закончим.", ["Работы ведутся...", "Завтра закончим."]),
        Example("Работы ведутся!.. Завтра закончим.", ["Работы ведутся!..", "Завтра закончим."]),
        Example("Уважаемый Анатолий Сергеевич! Администрация сообщает следующее.",
                ["Уважаемый Анатолий Сергеевич!", "Администрация сообщает следующее."]),
    ]

    @Test("!, ? and ... end sentences", arguments: terminalMarks)
    func splitsAtTerminalMarks(_ example: Example) throws {
        let sentences = try analyze(example.input).sentenceTexts
        #expect(sentences == example.sentences)
    }

    /// The ellipsis character U+2026 is terminal punctuation
    /// (`UInt16.isTerminalPunctuation`) and ends a sentence like «...» does.
    @Test(arguments: [
        Example("Работы ведутся… Завтра закончим.", ["Работы ведутся…", "Завтра закончим."]),
        Example("Спасибо! Вопрос решён? Да… Работы идут.", ["Спасибо!", "Вопрос решён?", "Да…", "Работы идут."]),
    ])
    func ellipsisCharacterEndsSentence(_ example: Example) throws {
        let sentences = try analyze(example.input).sentenceTexts
        #expect(sentences == example.sentences)
    }

    @Test func ellipsisFollowedByLowerCaseContinues() throws {
        let sentences = try analyze("Работы ведутся… завтра закончим.").sentenceTexts
        #expect(sentences == ["Работы ведутся… завтра закончим."])
    }

    static let quotes: [Example] = [
        Example("Он сказал: «Работы завершены.» Потом ушёл.",
                ["Он сказал: «Работы завершены.»", "Потом ушёл."]),
        Example("Работы завершены. «Тверьэнерго» сообщило об этом.",
                ["Работы завершены.", "«Тверьэнерго» сообщило об этом."]),
        Example("Спасибо! «Тверьэнерго» ответит.",
                ["Спасибо!", "«Тверьэнерго» ответит."]),
        Example("Работы завершены.» Спасибо.",
                ["Работы завершены.»", "Спасибо."]),
        Example("(Работы завершены.) Спасибо.",
                ["(Работы завершены.)", "Спасибо."]),
        Example("«Работы завершены», — сообщили в МУП. Спасибо.",
                ["«Работы завершены», — сообщили в МУП.", "Спасибо."]),
        Example("передан в ГКУ \"Дирекция фонда Тверской области\". По информации фонда работы идут.",
                ["передан в ГКУ \"Дирекция фонда Тверской области\".", "По информации фонда работы идут."]),
    ]

    @Test("Closing quotes and brackets stay with the sentence they close", arguments: quotes)
    func quotesAfterPeriod(_ example: Example) throws {
        let sentences = try analyze(example.input).sentenceTexts
        #expect(sentences == example.sentences)
    }

    @Test func noSplitBeforeLowerCase() throws {
        // Neither a semicolon nor a lower-case continuation ends a sentence.
        let semicolon = try analyze("Работы выполнит МУП «Тверьгорэлектро»; Специалисты прибудут завтра.").sentenceTexts
        #expect(semicolon == ["Работы выполнит МУП «Тверьгорэлектро»; Специалисты прибудут завтра."])
        let bracket = try analyze("Заявление принято (см. выше) и рассмотрено.").sentenceTexts
        #expect(bracket == ["Заявление принято (см. выше) и рассмотрено."])
    }

    @Test func sentenceWithoutFinalPunctuation() throws {
        let document = try analyze("Вам необходимо подать пакет документов")
        #expect(document.sentenceTexts == ["Вам необходимо подать пакет документов"])
        #expect(document.sentences[0].wordCount == 5)
    }

    @Test func sentenceRangesAndTokenRanges() throws {
        let text = "Здравствуйте! Работы, к сожалению, не завершены."
        let document = try analyze(text)
        #expect(document.sentences.map(\.range) == [TextRange(offset: 0, length: 13), TextRange(offset: 14, length: 34)])
        #expect(document.sentences.map(\.tokens) == [0..<2, 2..<10])
        #expect(document.sentences.map(\.wordCount) == [1, 5])
        #expect(document.sentenceIndex(ofToken: 0) == 0)
        #expect(document.sentenceIndex(ofToken: 1) == 0)
        #expect(document.sentenceIndex(ofToken: 2) == 1)
        #expect(document.sentenceIndex(ofToken: 9) == 1)
        #expect(document.sentenceIndex(ofToken: 10) == nil)
        #expect(invariantViolations(document).isEmpty)
    }

    @Test func sentenceIndexInLongText() throws {
        let text = (1...50).map { "Предложение номер \($0)." }.joined(separator: " ")
        let document = try analyze(text)
        #expect(document.sentences.count == 50)
        for (index, sentence) in document.sentences.enumerated() {
            #expect(document.text(of: sentence.range) == "Предложение номер \(index + 1).")
            for token in sentence.tokens {
                #expect(document.sentenceIndex(ofToken: token) == index)
            }
        }
    }

    /// A numbered list item («1. Паспорт.») is one sentence: the marker
    /// «1.» is not a sentence of its own.
    @Test(arguments: [
        Example("1. Подать заявление.\n2. Приложить паспорт.", ["1. Подать заявление.", "2. Приложить паспорт."]),
        Example("Необходимо:\n1. Паспорт.\n2) СНИЛС.", ["Необходимо:", "1. Паспорт.", "2) СНИЛС."]),
    ])
    func numberedListMarkerIsNotASentence(_ example: Example) throws {
        let sentences = try analyze(example.input).sentenceTexts
        #expect(sentences == example.sentences)
    }
}
