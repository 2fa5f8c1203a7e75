import Testing
import OtvetText

/// The ten answers of the guide (seed 000, «Удачные кейсы» and «Неудачные
/// кейсы», the text after «Ответ заявителю»), embedded verbatim, with the
/// sentences a Russian reader sees in them.
@Suite("Seed answers")
struct SeedSegmentationTests {
    private func check(_ text: String, sentences: [String], perParagraph: [Int],
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> Document {
        let document = try analyze(text)
        #expect(document.sentenceTexts == sentences, sourceLocation: sourceLocation)
        #expect(document.paragraphs.map(\.sentences.count) == perParagraph, sourceLocation: sourceLocation)
        #expect(document.paragraphs.allSatisfy { !$0.isListItem }, sourceLocation: sourceLocation)
        #expect(invariantViolations(document) == [], sourceLocation: sourceLocation)
        return document
    }

    private func expectToken(_ document: Document, _ text: String, _ kind: TokenKind,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let token = document.token(text)
        #expect(token?.kind == kind, "«\(text)»", sourceLocation: sourceLocation)
    }

    // MARK: Удачные кейсы

    @Test func vyshniyVolochek() throws {
        let document = try check(Self.vyshniyVolochek, sentences: Self.vyshniyVolochekSentences,
                                 perParagraph: Self.vyshniyVolochekSentencesPerParagraph)
        expectToken(document, "г.", .abbreviation)
        expectToken(document, "Волочѣк", .word)
        expectToken(document, "М-10", .abbreviation)
        expectToken(document, "ГКУ", .abbreviation)
        expectToken(document, "02.03.2021 г.", .date)
        #expect(document.sentences.map(\.wordCount) == [1, 39, 21])
    }

    @Test func ostashkov() throws {
        let document = try check(Self.ostashkov, sentences: Self.ostashkovSentences,
                                 perParagraph: Self.ostashkovSentencesPerParagraph)
        #expect(document.sentences.count == 2)
        #expect(document.tokens.filter { $0.kind == .date }.map { document.text(of: $0) }
            == ["26.07.2021г.", "06.08.2021г."])
        expectToken(document, "ул.", .abbreviation)
        expectToken(document, "Привокзальная", .word)
        #expect(document.sentences.map(\.range) == [TextRange(offset: 0, length: 65), TextRange(offset: 66, length: 128)])
    }

    @Test func tverStreetLighting() throws {
        let document = try check(Self.tverStreetLighting, sentences: Self.tverStreetLightingSentences,
                                 perParagraph: Self.tverStreetLightingSentencesPerParagraph)
        #expect(document.paragraphs.count == 3)
        expectToken(document, "№ 36", .legalReference)
        expectToken(document, "№ 74", .legalReference)
        expectToken(document, "МУП", .abbreviation)
        #expect(LC(document.position(of: document.sentences[1].range.offset)) == LC(2, 1))
        #expect(LC(document.position(of: document.sentences[3].range.offset)) == LC(3, 89))
    }

    @Test func proletarskyDistrict() throws {
        let document = try check(Self.proletarskyDistrict, sentences: Self.proletarskyDistrictSentences,
                                 perParagraph: Self.proletarskyDistrictSentencesPerParagraph)
        #expect(document.tokens.filter { $0.kind == .date }.map { document.text(of: $0) } == ["06.07.2021", "08.07.2021"])
        #expect(document.tokens.filter { $0.kind == .abbreviation }.map { document.text(of: $0) }
            == ["ул.", "ООО", "ТСАХ", "ул."])
    }

    @Test func staritsaDistrict() throws {
        let document = try check(Self.staritsaDistrict, sentences: Self.staritsaDistrictSentences,
                                 perParagraph: Self.staritsaDistrictSentencesPerParagraph)
        expectToken(document, "01.07.2021", .date)
        expectToken(document, "года", .word)
        expectToken(document, "ВЛ-10", .abbreviation)
        expectToken(document, "ПАО", .abbreviation)
        #expect(!document.tokens.contains { $0.kind == .phone })
    }

    // MARK: Неудачные кейсы

    @Test func electricityLegal() throws {
        let document = try analyze(Self.electricityLegal)
        #expect(document.paragraphs.map(\.sentences.count) == Self.electricityLegalSentencesPerParagraph)
        #expect(document.paragraphs.count == 8)
        #expect(invariantViolations(document) == [])
        #expect(document.sentenceTexts(ofParagraph: 0) == [Self.electricityLegalSentences[0]])
        #expect(document.sentenceTexts(ofParagraph: 3) == [
            "На основании вышеизложенного по вопросу отключения электрической энергии Вам необходимо обратиться к гарантирующему поставщику (ОП «ТверьАтомЭнергоСбыт»).",
        ])
        #expect(document.sentenceTexts(ofParagraph: 4) == [
            "Ответственность за выполнение работ либо оказание населению услуг, не соответствующих требованиям нормативных правовых актов, устанавливающих порядок (правила) выполнения работ либо оказания населению услуг, установлена статьей 14.4 Кодекса Российской Федерации об административных правонарушениях (далее - КоАП РФ).",
        ])
        #expect(document.sentenceTexts(ofParagraph: 5) == [
            "Согласно статье 23.49 КоАП РФ органом, полномочным рассматривать дела об административных правонарушениях, предусмотренных статьей 14.4 КоАП РФ, является Федеральный орган исполнительной власти, осуществляющий федеральный государственный надзор в области защиты прав потребителей.",
        ])
        #expect(document.sentences.map(\.wordCount) == [46, 60, 36, 16, 35, 31, 12, 22])
        #expect(document.tokens.filter { $0.kind == .legalReference }.map { document.text(of: $0) } == ["№ 861", "№ 442"])
        #expect(document.tokens.filter { $0.kind == .date }.map { document.text(of: $0) } == ["27.12.2004", "04.05.2021"])
        #expect(!document.tokens.contains { $0.kind == .phone })
        expectToken(document, "КоАП", .abbreviation)
        expectToken(document, "надёжности", .word)
        #expect(document.token("надёжности")?.normalized == "надежности")
    }

    /// The seed answer has a stray blank line inside its last sentence
    /// («…обратиться в Управление» ⏎⏎ «Федеральной службы…»). A blank line
    /// always ends a paragraph and sentences never cross paragraphs, so the
    /// engine reports two pieces; a reader would read one sentence.
    @Test func blankLineInsideASentenceEndsTheParagraph() throws {
        let document = try analyze(Self.electricityLegal)
        #expect(document.sentenceTexts(ofParagraph: 6) == [
            "В случае нарушения ОП «ТверьАтомЭнергоСбыт» прав потребителей, жители вправе обратиться в Управление",
        ])
        #expect(document.sentenceTexts(ofParagraph: 7) == [
            "Федеральной службы по надзору в сфере защиты прав потребителей и благополучия человека по Тверской области для привлечения гарантирующего поставщика к административной ответственности.",
        ])
    }

    @Test func kimry() throws {
        let document = try check(Self.kimry, sentences: Self.kimrySentences,
                                 perParagraph: Self.kimrySentencesPerParagraph)
        expectToken(document, "ООО", .abbreviation)
        expectToken(document, "подметально-уборочной", .word)
        #expect(document.sentences.map(\.wordCount) == [2, 13])
    }

    @Test func tverFamilyCentre() throws {
        let document = try check(Self.tverFamilyCentre, sentences: Self.tverFamilyCentreSentences,
                                 perParagraph: Self.tverFamilyCentreSentencesPerParagraph)
        #expect(document.sentences.count == 1)
        // No final full stop: the last token is a word.
        #expect(document.tokens.last?.kind == .word)
        #expect(document.toks.prefix(9) == [
            Tok("Ваше", .word), Tok("заявление", .word), Tok("на", .word), Tok("услугу", .word),
            Tok("РАСПОРЯЖЕНИЕ", .word), Tok("семейным", .word), Tok("(", .punctuation),
            Tok("региональным", .word), Tok(")", .punctuation),
        ])
    }

    @Test func kalininDistrict() throws {
        let document = try check(Self.kalininDistrict, sentences: Self.kalininDistrictSentences,
                                 perParagraph: Self.kalininDistrictSentencesPerParagraph)
        #expect(document.sentences.map(\.wordCount) == [1, 16, 12])
    }

    @Test func employmentCentre() throws {
        let document = try check(Self.employmentCentre, sentences: Self.employmentCentreSentences,
                                 perParagraph: Self.employmentCentreSentencesPerParagraph)
        #expect(document.paragraphs.count == 2)
        expectToken(document, "ЦЗН", .abbreviation)
        expectToken(document, "исх.", .abbreviation)
        expectToken(document, "№ 28", .legalReference)
        expectToken(document, "15.01.2021", .date)
        #expect(LC(document.position(of: document.paragraphs[1].range.offset)) == LC(3, 1))
    }

    @Test func allAnswersTogether() throws {
        // The answers as one text, separated by blank lines: the same sentences, in order.
        let all = [
            Self.vyshniyVolochek, Self.ostashkov, Self.tverStreetLighting, Self.proletarskyDistrict,
            Self.staritsaDistrict, Self.electricityLegal, Self.kimry, Self.tverFamilyCentre,
            Self.kalininDistrict, Self.employmentCentre,
        ]
        let expected = [
            Self.vyshniyVolochekSentences, Self.ostashkovSentences, Self.tverStreetLightingSentences,
            Self.proletarskyDistrictSentences, Self.staritsaDistrictSentences, Self.electricityLegalSentences,
            Self.kimrySentences, Self.tverFamilyCentreSentences, Self.kalininDistrictSentences,
            Self.employmentCentreSentences,
        ].flatMap { $0 }
        let document = try analyze(all.joined(separator: "\n\n"))
        #expect(document.sentenceTexts == expected)
        #expect(document.sentences.count == 34)
        #expect(invariantViolations(document) == [])
    }

    // MARK: The answers, verbatim

    /// Удачный кейс: администрация Вышневолоцкого городского округа, дорога по ул. Сиверсова.
    static let vyshniyVolochek = """
        Здравствуйте! На период ремонта путепровода через Октябрьскую железную дорогу в г. Вышний Волочѣк участок автомобильной дороги по ул. Сиверсова (от трассы М-10), ул. Узкоколейная до ул. Шмидта передан на содержание и обслуживание в ГКУ "Дирекция территориального дорожного фонда Тверской области". По информации полученной от организации осуществляющей обслуживание вышеуказанных участков автомобильных дорог - проведение работ по ликвидации аварийных локальных повреждения запланировано с 02.03.2021 г.
        """

    static let vyshniyVolochekSentences: [String] = [
        "Здравствуйте!",
        "На период ремонта путепровода через Октябрьскую железную дорогу в г. Вышний Волочѣк участок автомобильной дороги по ул. Сиверсова (от трассы М-10), ул. Узкоколейная до ул. Шмидта передан на содержание и обслуживание в ГКУ \"Дирекция территориального дорожного фонда Тверской области\".",
        "По информации полученной от организации осуществляющей обслуживание вышеуказанных участков автомобильных дорог - проведение работ по ликвидации аварийных локальных повреждения запланировано с 02.03.2021 г.",
    ]

    static let vyshniyVolochekSentencesPerParagraph = [3]

    /// Удачный кейс: администрация Осташковского городского округа, ул. Привокзальная.
    static let ostashkov = """
        Администрация Осташковского городского округа сообщает следующее. Работы по подсыпке и грейдированию дороги на ул.Привокзальная запланированы к выполнению в период с 26.07.2021г. по 06.08.2021г.
        """

    static let ostashkovSentences: [String] = [
        "Администрация Осташковского городского округа сообщает следующее.",
        "Работы по подсыпке и грейдированию дороги на ул.Привокзальная запланированы к выполнению в период с 26.07.2021г. по 06.08.2021г.",
    ]

    static let ostashkovSentencesPerParagraph = [2]

    /// Удачный кейс: департамент дорожного хозяйства администрации города Твери, освещение на ул. Хрустальная (текст ответа начинается в строке «Ответ заявителю»).
    static let tverStreetLighting = """
        Департамент дорожного хозяйства, благоустройства и транспорта администрации города Твери рассмотрев Ваше обращение по вопросу отсутствия наружного освещения в районе домов № 36 корпус 1 на улице Хрустальная и № 74 на улице Дачная, сообщает следующее.
        Содержание сетей наружного освещения по указанному в обращении адресу осуществляется силами муниципального унитарного межрайонного предприятия электрических сетей «Тверьгорэлектро» (далее - МУП «Тверьгорэлектро»);
        Специалистами МУП «Тверьгорэлектро» наружное освещение по данному адресу восстановлено. В настоящее время наружное освещение работает в штатном режиме.
        """

    static let tverStreetLightingSentences: [String] = [
        "Департамент дорожного хозяйства, благоустройства и транспорта администрации города Твери рассмотрев Ваше обращение по вопросу отсутствия наружного освещения в районе домов № 36 корпус 1 на улице Хрустальная и № 74 на улице Дачная, сообщает следующее.",
        "Содержание сетей наружного освещения по указанному в обращении адресу осуществляется силами муниципального унитарного межрайонного предприятия электрических сетей «Тверьгорэлектро» (далее - МУП «Тверьгорэлектро»);",
        "Специалистами МУП «Тверьгорэлектро» наружное освещение по данному адресу восстановлено.",
        "В настоящее время наружное освещение работает в штатном режиме.",
    ]

    static let tverStreetLightingSentencesPerParagraph = [1, 1, 2]

    /// Удачный кейс: администрация Пролетарского района города Твери, мусор на ул. Ткача.
    static let proletarskyDistrict = """
        Уважаемый Анатолий Сергеевич! Администрация Пролетарского района города Твери, рассмотрев Ваше обращение по вопросу несанкционированной свалки мусора на ул. Ткача, города Твери, сообщает следующее. Сотрудниками администрации района 06.07.2021 направлено письмо в адрес регионального оператора (общества с ограниченной ответственностью «Тверьспецавтохозяйство»-далее -ООО«ТСАХ») об организации работы по уборке несанкционированного навала мусора с территории, расположенной по адресу ул. Ткача. В ходе проверки 08.07.2021 сотрудниками администрации района несанкционированных навалов мусора по заявленному адресу не обнаружено.
        """

    static let proletarskyDistrictSentences: [String] = [
        "Уважаемый Анатолий Сергеевич!",
        "Администрация Пролетарского района города Твери, рассмотрев Ваше обращение по вопросу несанкционированной свалки мусора на ул. Ткача, города Твери, сообщает следующее.",
        "Сотрудниками администрации района 06.07.2021 направлено письмо в адрес регионального оператора (общества с ограниченной ответственностью «Тверьспецавтохозяйство»-далее -ООО«ТСАХ») об организации работы по уборке несанкционированного навала мусора с территории, расположенной по адресу ул. Ткача.",
        "В ходе проверки 08.07.2021 сотрудниками администрации района несанкционированных навалов мусора по заявленному адресу не обнаружено.",
    ]

    static let proletarskyDistrictSentencesPerParagraph = [4]

    /// Удачный кейс: администрация Старицкого района, порубочные остатки.
    static let staritsaDistrict = """
        Уважаемый Алексей Владимирович! На Ваше обращение по вопросу уборки порубочных остатков деревьев на территории Старицкого района, администрация Старицкого района сообщает следующее. По информации Ржевского РЭС филиала ПАО «МРСК Центра» - «Тверьэнерго», на территории Старицкого района сотрудниками «Воронежэнерго» проводятся масштабные мероприятия по приведению в нормативное состояние линий электропередачи, в том числе - расчистку просек на ВЛ1-10 кВ. Работы будут проводиться ориентировочно до 01.07.2021 года. По окончании мероприятий по опилвке деревьев в охранных зонах (ОЗ) ВЛ-10 кВ, планируется уборка порубочного материала посредством мультырной техники.
        """

    static let staritsaDistrictSentences: [String] = [
        "Уважаемый Алексей Владимирович!",
        "На Ваше обращение по вопросу уборки порубочных остатков деревьев на территории Старицкого района, администрация Старицкого района сообщает следующее.",
        "По информации Ржевского РЭС филиала ПАО «МРСК Центра» - «Тверьэнерго», на территории Старицкого района сотрудниками «Воронежэнерго» проводятся масштабные мероприятия по приведению в нормативное состояние линий электропередачи, в том числе - расчистку просек на ВЛ1-10 кВ.",
        "Работы будут проводиться ориентировочно до 01.07.2021 года.",
        "По окончании мероприятий по опилвке деревьев в охранных зонах (ОЗ) ВЛ-10 кВ, планируется уборка порубочного материала посредством мультырной техники.",
    ]

    static let staritsaDistrictSentencesPerParagraph = [5]

    /// Неудачный кейс: длинный ответ со ссылками на НПА (отключения света в посёлке Чкаловский).
    static let electricityLegal = """
        Пунктом 31(б) Правил недискриминационного доступа к услугам по передаче электрической энергии и оказания этих услуг, утвержденных постановлением Правительства РФ от 27.12.2004 № 861, определено для третьей категории надёжности допустимое число часов отключения в год - 72 часа, но не более 24 часов подряд, включая срок восстановления электроснабжения.

        Пунктом 30 Основных положений функционирования розничных рынков электрической энергии, утвержденных постановлением Правительства РФ от 04.05.2021 № 442, определено, что в рамках договора поставки электрической энергии гарантирующий поставщик (ОП «ТверьАтомЭнергоСбыт») несёт перед потребителем ответственность за неисполнение или ненадлежащее исполнение обязательств по договору, в том числе за действия лиц, привлечённых им для оказания услуг, которые являются неотъемлемой частью процесса поставки электрической энергии потребителям.

        По договору гарантирующий поставщик (ОП «ТверьАтомЭнергоСбыт») обязан обеспечить надёжную и бесперебойную поставку электрической энергии (мощности) потребителю, надёжность и качество которой соответствует требованиям действующего законодательства Российской Федерации, в объёме покупки электрической энергии (мощности) и порядке, предусмотренном договором.

        На основании вышеизложенного по вопросу отключения электрической энергии Вам необходимо обратиться к гарантирующему поставщику (ОП «ТверьАтомЭнергоСбыт»).

        Ответственность за выполнение работ либо оказание населению услуг, не соответствующих требованиям нормативных правовых актов, устанавливающих порядок (правила) выполнения работ либо оказания населению услуг, установлена статьей 14.4 Кодекса Российской Федерации об административных правонарушениях (далее - КоАП РФ).

        Согласно статье 23.49 КоАП РФ органом, полномочным рассматривать дела об административных правонарушениях, предусмотренных статьей 14.4 КоАП РФ, является Федеральный орган исполнительной власти, осуществляющий федеральный государственный надзор в области защиты прав потребителей.

        В случае нарушения ОП «ТверьАтомЭнергоСбыт» прав потребителей, жители вправе обратиться в Управление

        Федеральной службы по надзору в сфере защиты прав потребителей и благополучия человека по Тверской области для привлечения гарантирующего поставщика к административной ответственности.
        """

    static let electricityLegalSentences: [String] = [
        "Пунктом 31(б) Правил недискриминационного доступа к услугам по передаче электрической энергии и оказания этих услуг, утвержденных постановлением Правительства РФ от 27.12.2004 № 861, определено для третьей категории надёжности допустимое число часов отключения в год - 72 часа, но не более 24 часов подряд, включая срок восстановления электроснабжения.",
        "Пунктом 30 Основных положений функционирования розничных рынков электрической энергии, утвержденных постановлением Правительства РФ от 04.05.2021 № 442, определено, что в рамках договора поставки электрической энергии гарантирующий поставщик (ОП «ТверьАтомЭнергоСбыт») несёт перед потребителем ответственность за неисполнение или ненадлежащее исполнение обязательств по договору, в том числе за действия лиц, привлечённых им для оказания услуг, которые являются неотъемлемой частью процесса поставки электрической энергии потребителям.",
        "По договору гарантирующий поставщик (ОП «ТверьАтомЭнергоСбыт») обязан обеспечить надёжную и бесперебойную поставку электрической энергии (мощности) потребителю, надёжность и качество которой соответствует требованиям действующего законодательства Российской Федерации, в объёме покупки электрической энергии (мощности) и порядке, предусмотренном договором.",
        "На основании вышеизложенного по вопросу отключения электрической энергии Вам необходимо обратиться к гарантирующему поставщику (ОП «ТверьАтомЭнергоСбыт»).",
        "Ответственность за выполнение работ либо оказание населению услуг, не соответствующих требованиям нормативных правовых актов, устанавливающих порядок (правила) выполнения работ либо оказания населению услуг, установлена статьей 14.4 Кодекса Российской Федерации об административных правонарушениях (далее - КоАП РФ).",
        "Согласно статье 23.49 КоАП РФ органом, полномочным рассматривать дела об административных правонарушениях, предусмотренных статьей 14.4 КоАП РФ, является Федеральный орган исполнительной власти, осуществляющий федеральный государственный надзор в области защиты прав потребителей.",
        "В случае нарушения ОП «ТверьАтомЭнергоСбыт» прав потребителей, жители вправе обратиться в Управление",
        "Федеральной службы по надзору в сфере защиты прав потребителей и благополучия человека по Тверской области для привлечения гарантирующего поставщика к административной ответственности.",
    ]

    static let electricityLegalSentencesPerParagraph = [1, 1, 1, 1, 1, 1, 1, 1]

    /// Неудачный кейс: администрация города Кимры, набережная Фадеева.
    static let kimry = """
        Добрый день. Работы на улицах города проводятся силами ООО "Благоустройство" с использованием подметально-уборочной машины Чистодор.
        """

    static let kimrySentences: [String] = [
        "Добрый день.",
        "Работы на улицах города проводятся силами ООО \"Благоустройство\" с использованием подметально-уборочной машины Чистодор.",
    ]

    static let kimrySentencesPerParagraph = [2]

    /// Неудачный кейс: ГКУ «Центр выплат «Тверская семья», ответ без точки в конце.
    static let tverFamilyCentre = """
        Ваше заявление на услугу РАСПОРЯЖЕНИЕ семейным(региональным) материнским капиталом в ГКУ ЦВ Тверская семья не поступало, Вам необходимо подать пакет документов
        """

    static let tverFamilyCentreSentences: [String] = [
        "Ваше заявление на услугу РАСПОРЯЖЕНИЕ семейным(региональным) материнским капиталом в ГКУ ЦВ Тверская семья не поступало, Вам необходимо подать пакет документов",
    ]

    static let tverFamilyCentreSentencesPerParagraph = [1]

    /// Неудачный кейс: администрация Калининского района, уличное освещение.
    static let kalininDistrict = """
        Здравствуйте! Вопрос электроснабжения населения в границах поселения, в том числе и уличного освещения, относится к полномочиям поселения. Рекомендуем обратиться в администрацию Бурашевского сельского поселения для решения поставленного Вами вопроса.
        """

    static let kalininDistrictSentences: [String] = [
        "Здравствуйте!",
        "Вопрос электроснабжения населения в границах поселения, в том числе и уличного освещения, относится к полномочиям поселения.",
        "Рекомендуем обратиться в администрацию Бурашевского сельского поселения для решения поставленного Вами вопроса.",
    ]

    static let kalininDistrictSentencesPerParagraph = [3]

    /// Неудачный кейс: Главное управление по труду и занятости (текст ответа из приложенного письма).
    static let employmentCentre = """
        Уважаемый Запр Умарович!

        Главное управление по труду и занятости населения Тверской области доводит до Вашего сведения, что ГКУ Тверской области «ЦЗН Бежецкого района» подготовлена справка о периоде Вашего нахождения на регистрационном учете и направлена на указанную Вами электронную почту и почтовым отправлением (исх. № 28 от 15.01.2021).
        """

    static let employmentCentreSentences: [String] = [
        "Уважаемый Запр Умарович!",
        "Главное управление по труду и занятости населения Тверской области доводит до Вашего сведения, что ГКУ Тверской области «ЦЗН Бежецкого района» подготовлена справка о периоде Вашего нахождения на регистрационном учете и направлена на указанную Вами электронную почту и почтовым отправлением (исх. № 28 от 15.01.2021).",
    ]

    static let employmentCentreSentencesPerParagraph = [1, 1]
}
