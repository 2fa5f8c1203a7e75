import Testing
import OtvetText

/// Token kinds: compound tokens (dates, phones, legal references…) must come
/// out as exactly one token of the right kind, and look-alikes must not.
@Suite("Token kinds")
struct TokenKindTests {
    struct Compound: Sendable, CustomTestStringConvertible {
        let input: String
        let token: String
        let kind: TokenKind
        init(_ input: String, _ token: String, _ kind: TokenKind) {
            self.input = input
            self.token = token
            self.kind = kind
        }
        var testDescription: String { "\(kind): «\(token)» in «\(input)»" }
    }

    static let compounds: [Compound] = [
        // Dates
        Compound("Работы выполнены 02.03.2021", "02.03.2021", .date),
        Compound("Работы начаты 02.03.2021 г. и продолжаются", "02.03.2021 г.", .date),
        Compound("в период с 26.07.2021г. по 06.08.2021г.", "26.07.2021г.", .date),
        Compound("в период с 26.07.2021г. по 06.08.2021г.", "06.08.2021г.", .date),
        Compound("Работы будут проводиться ориентировочно до 01.07.2021 года.", "01.07.2021", .date),
        Compound("срок 2021-03-02 истек", "2021-03-02", .date),
        Compound("письмо от 2.3.21 получено", "2.3.21", .date),
        Compound("письмо от 02/03/2021 получено", "02/03/2021", .date),
        // Times
        Compound("в 17:34 поступил звонок", "17:34", .time),
        Compound("в 9:05 поступил звонок", "9:05", .time),
        Compound("в 17:34:10 поступил звонок", "17:34:10", .time),
        // Phones
        Compound("звоните 8-800-100-70-10 круглосуточно", "8-800-100-70-10", .phone),
        Compound("телефон +7 (4822) 32-10-00, звоните", "+7 (4822) 32-10-00", .phone),
        Compound("телефон 89206883015.", "89206883015", .phone),
        Compound("по тел. 32-10-00 ежедневно", "32-10-00", .phone),
        Compound("телефон 8 (4822) 32-10-00 и", "8 (4822) 32-10-00", .phone),
        Compound("звоните 8 800 100 70 10.", "8 800 100 70 10", .phone),
        // E-mail
        Compound("пишите ivan.petrov@tver.ru.", "ivan.petrov@tver.ru", .email),
        Compound("пишите на info@адм.рф сегодня", "info@адм.рф", .email),
        // URLs
        Compound("Подайте жалобу на https://pos.gosuslugi.ru/admin/.", "https://pos.gosuslugi.ru/admin/", .url),
        Compound("Сайт www.tver.ru работает.", "www.tver.ru", .url),
        Compound("Сайт gosuslugi.ru/123 работает.", "gosuslugi.ru/123", .url),
        Compound("Адрес: https://www.gosuslugi.ru/help?x=1, сайт", "https://www.gosuslugi.ru/help?x=1", .url),
        Compound("сайт (www.tver.ru).", "www.tver.ru", .url),
        // Legal references
        Compound("постановлением Правительства РФ от 27.12.2004 № 861, определено", "№ 861", .legalReference),
        Compound("постановление №861 утверждено", "№861", .legalReference),
        Compound("Федеральный закон 59-ФЗ «О порядке»", "59-ФЗ", .legalReference),
        Compound("Федеральным законом № 59-ФЗ", "№ 59-ФЗ", .legalReference),
        Compound("предусмотрено ст. 14.4 КоАП РФ", "ст. 14.4", .legalReference),
        Compound("согласно п. 31(б) Правил", "п. 31(б)", .legalReference),
        Compound("постановление N 861 утверждено", "N 861", .legalReference),
        Compound("распоряжение № 123-р. Ответ", "№ 123-р", .legalReference),
        Compound("Во исполнение ч.2 ст.5 закона", "ч.2", .legalReference),
        Compound("Во исполнение ч.2 ст.5 закона", "ст.5", .legalReference),
        Compound("исх. № 28 от 15.01.2021", "№ 28", .legalReference),
        // Abbreviations
        Compound("дорога на ул. Сиверсова", "ул.", .abbreviation),
        Compound("администрация г. Тверь", "г.", .abbreviation),
        Compound("проживает в д. 5", "д.", .abbreviation),
        Compound("работы ведутся, т.е. дорога закрыта", "т.е.", .abbreviation),
        Compound("покос, уборка и т. д. будут", "т. д.", .abbreviation),
        Compound("покос, уборка и т.д. будут", "т.д.", .abbreviation),
        Compound("силами ООО \"Благоустройство\"", "ООО", .abbreviation),
        Compound("силами МУП «Тверьгорэлектро»", "МУП", .abbreviation),
        Compound("статьей 14.4 КоАП РФ", "КоАП", .abbreviation),
        Compound("статьей 14.4 КоАП РФ", "РФ", .abbreviation),
        Compound("справка из ЦЗН района", "ЦЗН", .abbreviation),
        Compound("по тел. 32-10-00", "тел.", .abbreviation),
        Compound("(исх. № 28 от 15.01.2021)", "исх.", .abbreviation),
        Compound("подписал И. И. Петров", "И.", .abbreviation),
        Compound("по ул. Сиверсова (от трассы М-10)", "М-10", .abbreviation),
        Compound("в охранных зонах (ОЗ) ВЛ-10 кВ", "ВЛ-10", .abbreviation),
        // Hyphenated words stay whole
        Compound("кто-то позвонил", "кто-то", .word),
        Compound("силами подметально-уборочной машины", "подметально-уборочной", .word),
        Compound("Кто-нибудь позвонит", "Кто-нибудь", .word),
        Compound("из-за дождя", "из-за", .word),
        Compound("во-первых, работы", "во-первых", .word),
    ]

    @Test("A compound is exactly one token of its kind", arguments: compounds)
    func compoundIsOneToken(_ example: Compound) throws {
        let document = try analyze(example.input)
        let token = try #require(document.token(example.token),
                                 "no token «\(example.token)» in \(document.toks)")
        #expect(token.kind == example.kind)
        // The token is found where the text says it is.
        let units = Array(example.input.utf16)
        let expectedUnits = Array(example.token.utf16)
        #expect(Array(units[token.range.bounds]) == expectedUnits)
    }

    // MARK: Exact token sequences

    @Test func datesWithAttachedYearAbbreviation() throws {
        let document = try analyze("с 26.07.2021г. по 06.08.2021г.")
        #expect(document.toks == [
            Tok("с", .word), Tok("26.07.2021г.", .date), Tok("по", .word), Tok("06.08.2021г.", .date),
        ])
        #expect(document.tokens[1].range == TextRange(offset: 2, length: 12))
        #expect(document.tokens[3].range == TextRange(offset: 18, length: 12))
    }

    @Test func dateWithSpacedYearAbbreviation() throws {
        let document = try analyze("запланировано с 02.03.2021 г.")
        #expect(document.toks == [Tok("запланировано", .word), Tok("с", .word), Tok("02.03.2021 г.", .date)])
    }

    @Test func dateFollowedByTheWordGoda() throws {
        let document = try analyze("до 01.07.2021 года.")
        #expect(document.toks == [
            Tok("до", .word), Tok("01.07.2021", .date), Tok("года", .word), Tok(".", .punctuation),
        ])
        #expect(document.tokens[2].stem == "год")
    }

    @Test func isoDate() throws {
        let document = try analyze("срок 2021-03-02 истек")
        #expect(document.toks == [Tok("срок", .word), Tok("2021-03-02", .date), Tok("истек", .word)])
    }

    @Test func phonesInOneSentence() throws {
        let document = try analyze("звоните 8-800-100-70-10 или +7 (4822) 32-10-00, 89206883015, 32-10-00.")
        #expect(document.toks == [
            Tok("звоните", .word), Tok("8-800-100-70-10", .phone), Tok("или", .word),
            Tok("+7 (4822) 32-10-00", .phone), Tok(",", .punctuation), Tok("89206883015", .phone),
            Tok(",", .punctuation), Tok("32-10-00", .phone), Tok(".", .punctuation),
        ])
    }

    struct NotAPhone: Sendable, CustomTestStringConvertible {
        let input: String
        let tokens: [Tok]
        var testDescription: String { input }
    }

    static let nonPhones: [NotAPhone] = [
        NotAPhone(input: "2021-2022", tokens: [Tok("2021", .number), Tok("-", .punctuation), Tok("2022", .number)]),
        NotAPhone(input: "72 часа", tokens: [Tok("72", .number), Tok("часа", .word)]),
        NotAPhone(input: "1-10 кВ", tokens: [Tok("1", .number), Tok("-", .punctuation), Tok("10", .number), Tok("кВ", .word)]),
        NotAPhone(input: "не более 24 часов подряд",
                  tokens: [Tok("не", .word), Tok("более", .word), Tok("24", .number), Tok("часов", .word), Tok("подряд", .word)]),
    ]

    @Test("Ranges and counts are not phones", arguments: nonPhones)
    func notPhones(_ example: NotAPhone) throws {
        let document = try analyze(example.input)
        #expect(document.toks == example.tokens)
        #expect(!document.tokens.contains { $0.kind == .phone })
    }

    /// A phone is a whole run of digit groups: the scanner must not accept
    /// the tail of a longer dash-joined run (starting right after «30-»).
    @Test(arguments: [
        "коды 10-20-30-40-50-60-70-80 указаны",
        "+7 (4822) 32-10-00-11-22-33-44",
    ])
    func phoneDoesNotStartInsideALongerDigitRun(_ input: String) throws {
        let document = try analyze(input)
        let phones = document.tokens.filter { $0.kind == .phone }
        for phone in phones {
            let before = phone.range.offset >= 2 ? Array(document.units[(phone.range.offset - 2)..<phone.range.offset]) : []
            let startsMidRun = before.count == 2 && (before[0] >= 0x30 && before[0] <= 0x39) && before[1] == 0x2D
            #expect(!startsMidRun, "phone «\(document.text(of: phone))» starts inside «\(input)»")
        }
    }

    @Test func invalidTimeIsNotATime() throws {
        let document = try analyze("в 25:00")
        #expect(!document.tokens.contains { $0.kind == .time })
        #expect(document.toks == [Tok("в", .word), Tok("25", .number), Tok(":", .punctuation), Tok("00", .number)])
    }

    @Test func urlDoesNotSwallowTrailingPeriod() throws {
        let document = try analyze("сайт https://pos.gosuslugi.ru/admin/. Также www.tver.ru")
        #expect(document.toks == [
            Tok("сайт", .word), Tok("https://pos.gosuslugi.ru/admin/", .url), Tok(".", .punctuation),
            Tok("Также", .word), Tok("www.tver.ru", .url),
        ])
    }

    @Test func urlInParenthesesLeavesTheBrackets() throws {
        let document = try analyze("сайт (www.tver.ru).")
        #expect(document.toks == [
            Tok("сайт", .word), Tok("(", .punctuation), Tok("www.tver.ru", .url),
            Tok(")", .punctuation), Tok(".", .punctuation),
        ])
    }

    @Test func emailDoesNotSwallowTrailingPeriod() throws {
        let document = try analyze("пишите ivan.petrov@tver.ru.")
        #expect(document.toks == [Tok("пишите", .word), Tok("ivan.petrov@tver.ru", .email), Tok(".", .punctuation)])
    }

    @Test func legalReferencesInARow() throws {
        let document = try analyze("постановлением № 861, №861, 59-ФЗ, ст. 14.4, п. 31(б) Правил")
        #expect(document.toks == [
            Tok("постановлением", .word), Tok("№ 861", .legalReference), Tok(",", .punctuation),
            Tok("№861", .legalReference), Tok(",", .punctuation), Tok("59-ФЗ", .legalReference),
            Tok(",", .punctuation), Tok("ст. 14.4", .legalReference), Tok(",", .punctuation),
            Tok("п. 31(б)", .legalReference), Tok("Правил", .word),
        ])
    }

    @Test func abbreviationsInARow() throws {
        let document = try analyze("ул. Сиверсова, г. Тверь, д. 5, т.е. так, и т. д. и ООО МУП КоАП ЦЗН")
        #expect(document.toks == [
            Tok("ул.", .abbreviation), Tok("Сиверсова", .word), Tok(",", .punctuation),
            Tok("г.", .abbreviation), Tok("Тверь", .word), Tok(",", .punctuation),
            Tok("д.", .abbreviation), Tok("5", .number), Tok(",", .punctuation),
            Tok("т.е.", .abbreviation), Tok("так", .word), Tok(",", .punctuation),
            Tok("и", .word), Tok("т. д.", .abbreviation), Tok("и", .word),
            Tok("ООО", .abbreviation), Tok("МУП", .abbreviation), Tok("КоАП", .abbreviation), Tok("ЦЗН", .abbreviation),
        ])
    }

    @Test func abbreviationGluedToTheNextWord() throws {
        let document = try analyze("дороги на ул.Привокзальная запланированы")
        #expect(document.toks == [
            Tok("дороги", .word), Tok("на", .word), Tok("ул.", .abbreviation),
            Tok("Привокзальная", .word), Tok("запланированы", .word),
        ])
        #expect(document.tokens[2].range == TextRange(offset: 10, length: 3))
        #expect(document.tokens[3].range == TextRange(offset: 13, length: 13))
    }

    @Test func cityAbbreviationGluedToTheNextWord() throws {
        let document = try analyze("улице Привокзальная г.Осташков")
        #expect(document.toks == [
            Tok("улице", .word), Tok("Привокзальная", .word), Tok("г.", .abbreviation), Tok("Осташков", .word),
        ])
    }

    @Test func dotBetweenWordsWithoutSpaceIsSplitOff() throws {
        let document = try analyze("подключено.Завтра")
        #expect(document.toks == [Tok("подключено", .word), Tok(".", .punctuation), Tok("Завтра", .word)])
        #expect(document.tokens.map(\.range) == [
            TextRange(offset: 0, length: 10), TextRange(offset: 10, length: 1), TextRange(offset: 11, length: 6),
        ])
    }

    @Test func hyphenatedWordsAreOneToken() throws {
        let document = try analyze("кто-то из подметально-уборочной бригады")
        #expect(document.toks == [
            Tok("кто-то", .word), Tok("из", .word), Tok("подметально-уборочной", .word), Tok("бригады", .word),
        ])
        #expect(document.tokens[2].normalized == "подметально-уборочной")
    }

    @Test func dashBetweenQuotedNameAndWordIsPunctuation() throws {
        // From the Пролетарский answer: «Тверьспецавтохозяйство»-далее -ООО«ТСАХ»
        let document = try analyze("«Тверьспецавтохозяйство»-далее -ООО«ТСАХ»")
        #expect(document.toks == [
            Tok("«", .punctuation), Tok("Тверьспецавтохозяйство", .word), Tok("»", .punctuation),
            Tok("-", .punctuation), Tok("далее", .word), Tok("-", .punctuation), Tok("ООО", .abbreviation),
            Tok("«", .punctuation), Tok("ТСАХ", .abbreviation), Tok("»", .punctuation),
        ])
    }

    @Test func emojiIsASymbolOfTwoCodeUnits() throws {
        let document = try analyze("Спасибо 👍!")
        #expect(document.toks == [Tok("Спасибо", .word), Tok("👍", .symbol), Tok("!", .punctuation)])
        #expect(document.tokens[1].range == TextRange(offset: 8, length: 2))
    }

    @Test func punctuationMarks() throws {
        let document = try analyze("«кавычки», точка. (скобки) — тире; двоеточие: да! да? да…")
        #expect(document.toks == [
            Tok("«", .punctuation), Tok("кавычки", .word), Tok("»", .punctuation), Tok(",", .punctuation),
            Tok("точка", .word), Tok(".", .punctuation), Tok("(", .punctuation), Tok("скобки", .word),
            Tok(")", .punctuation), Tok("—", .punctuation), Tok("тире", .word), Tok(";", .punctuation),
            Tok("двоеточие", .word), Tok(":", .punctuation), Tok("да", .word), Tok("!", .punctuation),
            Tok("да", .word), Tok("?", .punctuation), Tok("да", .word), Tok("…", .punctuation),
        ])
    }

    @Test func numbersAreNumbers() throws {
        let document = try analyze("Уже 6 месяцев, 1.5 литра")
        #expect(document.toks == [
            Tok("Уже", .word), Tok("6", .number), Tok("месяцев", .word), Tok(",", .punctuation),
            Tok("1.5", .number), Tok("литра", .word),
        ])
    }

    /// A power line code «ВЛ1-10» is one abbreviation, like «М-10» and «ВЛ-10»,
    /// and «кВ.» (kilovolt) is not «кв.» (квартира): the sentence ends after it.
    @Test func powerLineCodeIsAnAbbreviation() throws {
        let document = try analyze("расчистку просек на ВЛ1-10 кВ. Работы идут.")
        let token = try #require(document.token("ВЛ1-10"), "tokens: \(document.toks)")
        #expect(token.kind == .abbreviation)
        #expect(document.sentences.count == 2)
    }

    // MARK: Letter case and kind properties

    @Test(arguments: [
        ("КоАП", LetterCase.mixed), ("ООО", .upper), ("Тверь", .capitalized), ("дорога", .lower),
        (",", .none), ("02.03.2021", .none), ("ЁЛКА", .upper), ("Ёлка", .capitalized),
    ])
    func letterCase(_ word: String, _ expected: LetterCase) throws {
        let document = try analyze(word)
        #expect(document.tokens.count == 1)
        #expect(document.tokens.first?.letterCase == expected)
    }

    @Test func kindProperties() {
        let wordLike = TokenKind.allCases.filter(\.isWordLike)
        #expect(Set(wordLike) == Set(TokenKind.allCases).subtracting([.punctuation, .symbol]))
        #expect(TokenKind.allCases.filter(\.isTemporal) == [.date, .time])
        #expect(TokenKind.allCases.filter(\.isContact) == [.phone, .email, .url])
    }

    @Test func compoundTokensKeepTheirTextAsStem() throws {
        let document = try analyze("59-ФЗ от 02.03.2021 г.")
        let law = try #require(document.token("59-ФЗ"))
        #expect(law.normalized == "59-фз")
        #expect(law.stem == "59-фз")
        #expect(law.syllables == 0)
        let date = try #require(document.token("02.03.2021 г."))
        #expect(date.stem == date.normalized)
        #expect(date.syllables == 0)
    }
}
