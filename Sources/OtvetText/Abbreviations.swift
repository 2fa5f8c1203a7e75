/// Abbreviations of Russian official text, and whether one may end a sentence.
///
/// A "prefix" abbreviation (`ул.`, `г.` for город, `д.`, `тел.`, an initial)
/// always has something after it, so a sentence break after it is wrong.
/// A "suffix" abbreviation (`т.д.`, `руб.`, `г.` after a year) may close a sentence.
public enum Abbreviations {
    /// Dotted abbreviations, written without their dots, lower case.
    static let prefix: Set<String> = [
        "ул", "г", "д", "дд", "кв", "корп", "к", "стр", "пр", "просп", "пер", "наб", "пл", "ш",
        "мкр", "пос", "п", "с", "дер", "обл", "р", "тел", "т", "факс", "ст", "ч", "пп", "подп",
        "абз", "гл", "разд", "см", "напр", "зам", "нач", "каб", "эт", "рис", "табл",
        "вкл", "искл", "ок", "б", "ген", "гр", "пгт", "сп", "м", "оф", "эл", "исх", "вх",
        "рег", "адм", "упр", "утв", "прил", "исп", "отд", "моб", "доб", "свид", "св", "буд", "пом", "лит",
        "и.о", "т.е", "т.к", "т.н", "т.ч", "в.т.ч", "р-н", "б-р", "пр-т", "пр-д", "ж.д", "с.п", "г.п",
    ]

    static let suffix: Set<String> = [
        "гг", "др", "руб", "коп", "тыс", "млн", "млрд", "шт", "чел", "ед", "экз", "мин", "сек",
        "проч", "кг", "т.д", "т.п", "вв", "мес", "нед",
    ]

    /// Abbreviations written without dots that rules should treat as such.
    static let undotted: Set<String> = ["р-н", "б-р", "пр-т", "пр-д", "кв-л"]

    /// Every dotted abbreviation as a `ShortKey`, for the scanner's hot path.
    static let dottedKeys = Set(prefix.union(suffix).map(ShortKey.init))

    /// Whether a sentence may end right after this abbreviation token.
    /// `г.` may end one only after a number (`в 2021 г.`).
    public static func mayEndSentence(_ token: Token, after previous: Token?) -> Bool {
        guard token.kind == .abbreviation, token.normalized.hasSuffix(".") else { return true }
        // After a number an abbreviation is a unit: "в 2021 г.", "40 см.", "100 р."
        if previous?.kind == .number { return true }
        let key = String(token.normalized.text.dropLast())
        if token.letterCase != .lower, key.count == 1 { return false } // an initial
        return suffix.contains(key) || !prefix.contains(key)
    }
}
