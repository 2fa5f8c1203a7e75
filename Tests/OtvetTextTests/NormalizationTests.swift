import Testing
import OtvetText

/// Normalised forms (NFC, lower case, ё→е), Snowball stems, syllables and word counts.
@Suite("Normalisation and stems")
struct NormalizationTests {
    private func words(_ text: String) throws -> [Token] {
        try analyze(text).tokens.filter(\.isWord)
    }

    @Test(arguments: [
        ["данный", "данного", "данному", "данные", "данных"],
        ["обратиться", "обратитесь", "обратился"],
        ["обращение", "обращения", "обращению"],
        ["дорога", "дороги", "дорогу", "дорогой"],
        ["Администрация", "администрации", "администрацией"],
    ])
    func inflectedFormsShareAStem(_ forms: [String]) throws {
        let tokens = try words(forms.joined(separator: " "))
        #expect(tokens.count == forms.count)
        let stems = Set(tokens.map(\.stem))
        #expect(stems.count == 1, "stems: \(tokens.map(\.stem))")
    }

    @Test func knownStems() throws {
        let tokens = try words("данный обратиться обратитесь обращение дорога года")
        #expect(tokens.map(\.stem) == ["дан", "обрат", "обрат", "обращен", "дорог", "год"])
    }

    @Test func differentWordsHaveDifferentStems() throws {
        let tokens = try words("дорога работа")
        #expect(tokens[0].stem != tokens[1].stem)
    }

    @Test(arguments: [
        ("ЁЛКА", "елка"), ("ёлка", "елка"), ("Ёлка", "елка"), ("ЕЛКА", "елка"),
        ("Привокзальная", "привокзальная"), ("КоАП", "коап"), ("ООО", "ооо"),
        ("Е\u{308}лка", "елка"), ("Мои\u{306}", "мой"), ("ИДЁТ", "идет"), ("iPhone", "iphone"),
        ("Ωμέγα", "ωμέγα"), ("ÄBC", "äbc"),
    ])
    func normalizedForm(_ input: String, _ expected: String) throws {
        let normalized = try analyzer().normalize(input)
        // Compare scalars: Swift's String == would hide an NFD/NFC difference.
        #expect(Array(normalized.unicodeScalars) == Array(expected.unicodeScalars))
        let document = try analyze(input)
        #expect(document.tokens.count == 1)
        #expect(document.tokens.first.map { Array($0.normalized.text.unicodeScalars) } == Array(expected.unicodeScalars))
    }

    @Test func nfdInputNormalisesToNFC() throws {
        // «Вышний Волочёк» with ё decomposed, and «й» decomposed.
        let document = try analyze("Вышнии\u{306} Волоче\u{308}к")
        #expect(document.tokens.count == 2)
        #expect(Array(document.tokens[0].normalized.text.unicodeScalars) == Array("вышний".unicodeScalars))
        #expect(Array(document.tokens[1].normalized.text.unicodeScalars) == Array("волочек".unicodeScalars))
        #expect(document.tokens.map(\.range) == [TextRange(offset: 0, length: 7), TextRange(offset: 8, length: 8)])
        let composed = try analyze("Вышний Волочёк")
        #expect(document.tokens.map(\.stem) == composed.tokens.map(\.stem))
        #expect(document.tokens.map(\.syllables) == composed.tokens.map(\.syllables))
    }

    @Test func yoIsFoldedInStemsToo() throws {
        let tokens = try words("привлечённых привлеченных несёт несет")
        #expect(tokens[0].normalized == "привлеченных")
        #expect(tokens[0].stem == tokens[1].stem)
        #expect(tokens[2].stem == tokens[3].stem)
    }

    @Test(arguments: [
        ("обращение", 5), ("дорога", 3), ("данный", 2), ("Здравствуйте", 3), ("в", 0), ("с", 0),
        ("ёлка", 2), ("её", 2), ("электроснабжения", 7), ("подметально-уборочной", 8), ("юридическое", 6),
    ])
    func syllableCount(_ word: String, _ expected: Int) throws {
        let document = try analyze(word)
        #expect(document.tokens.count == 1)
        #expect(document.tokens.first?.syllables == expected)
    }

    @Test func nonWordsHaveNoSyllables() throws {
        let document = try analyze("02.03.2021 17:34 8-800-100-70-10 № 861 ООО , 👍 72")
        #expect(document.tokens.allSatisfy { $0.syllables == 0 })
        #expect(document.tokens.contains { $0.kind == .date })
    }

    @Test func documentSyllableCount() throws {
        let document = try analyze("Дорога отремонтирована. Обращение рассмотрено.")
        // до-ро-га (3) от-ре-мон-ти-ро-ва-на (7) об-ра-ще-ни-е (5) рас-смот-ре-но (4)
        #expect(document.syllableCount == 19)
    }

    @Test func wordCountExcludesPunctuationAndSymbols() throws {
        let document = try analyze("Здравствуйте! Работы, к сожалению, не завершены… «Тверьэнерго» 👍 сообщит.")
        #expect(document.sentences.map(\.wordCount).reduce(0, +) == 8)
        #expect(document.wordCount == 8)
        #expect(document.sentences.first?.wordCount == 1)
    }

    @Test func wordCountIncludesNumbersDatesAndAbbreviations() throws {
        let document = try analyze("ООО выполнит работы 02.03.2021 г. к 17:34, тел. 32-10-00, № 861, 5 раз.")
        // ООО | выполнит | работы | 02.03.2021 г. | к | 17:34 | тел. | 32-10-00 | № 861 | 5 | раз
        #expect(document.wordCount == 11)
        #expect(document.sentences.count == 1)
    }

    @Test func stemCacheDoesNotMixWords() throws {
        // The tokenizer caches per form; repeated forms must still get their own stems.
        let document = try analyze("дорога дороги дорога работа дорога")
        #expect(document.tokens.map(\.stem) == ["дорог", "дорог", "дорог", "работ", "дорог"])
    }

    @Test func stemmerDirectly() throws {
        let stemmer = try Stemmer(language: "russian")
        #expect(stemmer.stem("данного") == stemmer.stem("данному"))
        #expect(stemmer.stem("обратитесь") == "обрат")
        #expect(stemmer.stem("") == "")
    }

    @Test func unknownStemmerLanguageThrows() {
        #expect(throws: TextEngineError.self) { try Stemmer(language: "klingon") }
    }

    @Test func analyzerIsSafeToShareAcrossTasks() async throws {
        let shared = try analyzer()
        let texts = (0..<32).map { "Обращение номер \($0) рассмотрено. Дорога отремонтирована." }
        let results = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, try shared.analyze(text).tokens.map(\.stem.text)) }
            }
            var collected: [Int: [String]] = [:]
            for try await (index, stems) in group { collected[index] = stems }
            return collected
        }
        for (index, text) in texts.enumerated() {
            let expected = try shared.analyze(text).tokens.map(\.stem.text)
            #expect(results[index] == expected)
        }
    }
}
