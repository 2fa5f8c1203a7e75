/// Deterministic Russian official-reply text for benchmarks: sentences in
/// the register of the guide's cases, with dates, phones, abbreviations
/// and legal references, shuffled by a seeded generator.
enum SampleText {
    static let sentences = [
        "Здравствуйте, Анна Петровна!",
        "Работы по подсыпке и грейдированию дороги на ул.Привокзальная запланированы с 26.07.2021г. по 06.08.2021г.",
        "Специалистами МУП «Тверьгорэлектро» наружное освещение по данному адресу восстановлено.",
        "В настоящее время наружное освещение работает в штатном режиме.",
        "Дорогу по ул. Сиверсова в г. Вышний Волочёк отремонтируют до 1 ноября.",
        "Сотрудниками администрации района 06.07.2021 направлено письмо в адрес регионального оператора.",
        "Согласно ст. 14.4 КоАП РФ и п. 31(б) Правил, утверждённых постановлением № 861, ответственность несёт поставщик.",
        "По вопросам вывоза ТКО звоните по телефону 8-800-100-70-10 или пишите на info@tver.ru.",
        "Подробности на сайте https://pos.gosuslugi.ru/ и по тел. +7 (4822) 32-10-00.",
        "Мы проверили двор дома № 36 корпус 1 и убрали мусор 08.07.2021 г. Повторно приезжать не нужно.",
        "К сожалению, в связи с недостаточным финансированием ремонт перенесён на 2025 год.",
        "И. И. Петров, начальник отдела, лично проконтролирует работы, т.е. приедет на место в 10:30.",
        "Ямы глубиной до 40 см засыплют щебнем в течение двух недель.",
        "Если фонарь снова погаснет, напишите нам — мы пришлём бригаду в тот же день 👍",
    ]

    /// About `bytes` bytes of UTF-8 text in paragraphs of two to four sentences.
    static func generate(bytes: Int, seed: UInt64 = 2021) -> String {
        var generator = SplitMix64(seed: seed)
        var text = ""
        text.reserveCapacity(bytes + 512)
        while text.utf8.count < bytes {
            let sentenceCount = 2 + Int(generator.next() % 3)
            let paragraph = (0..<sentenceCount).map { _ in sentences[Int(generator.next() % UInt64(sentences.count))] }
            text += paragraph.joined(separator: " ") + "\n\n"
        }
        return text
    }

    /// SplitMix64: tiny, seeded, and the same on every machine.
    struct SplitMix64 {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
