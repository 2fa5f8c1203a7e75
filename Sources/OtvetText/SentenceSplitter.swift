/// Splits a paragraph's tokens into sentences: ICU's sentence breaks, then
/// re-joined where ICU breaks after an abbreviation that cannot end a
/// sentence (`ул. Сиверсова`, `г. Тверь`, `И. И. Петров`), where the next
/// word is lower case, or where only a wrapped line stood between.
struct SentenceSplitter {
    let tokens: [Token]
    /// ICU sentence ends over the whole text, ascending.
    let breaks: [Int32]

    /// Token ranges of the sentences of the paragraph made of `paragraphTokens`.
    func sentences(in paragraphTokens: Range<Int>, breakCursor: inout Int) -> [Range<Int>] {
        guard !paragraphTokens.isEmpty else { return [] }
        var result: [Range<Int>] = []
        var sentenceStart = paragraphTokens.lowerBound
        for index in paragraphTokens.dropFirst() {
            let previousEnd = tokens[index - 1].range.end
            let nextStart = tokens[index].range.offset
            while breakCursor < breaks.count, Int(breaks[breakCursor]) < previousEnd { breakCursor += 1 }
            let icuBreaks = breakCursor < breaks.count && Int(breaks[breakCursor]) <= nextStart
            // ICU offers no break after "…"; a capital after it starts a sentence all the same.
            let afterEllipsis = tokens[index - 1].normalized == "…" && nextStart > previousEnd
                && (tokens[index].letterCase == .capitalized || tokens[index].letterCase == .upper)
            guard icuBreaks || afterEllipsis else { continue }
            if shouldSplit(before: index, sentenceStart: sentenceStart) {
                result.append(sentenceStart..<index)
                sentenceStart = index
            }
        }
        result.append(sentenceStart..<paragraphTokens.upperBound)
        return result
    }

    private func shouldSplit(before index: Int, sentenceStart: Int) -> Bool {
        let next = tokens[index]
        if next.letterCase == .lower { return false }
        // Skip closing quotes and brackets to find what ended the sentence.
        var last = index - 1
        while last > sentenceStart, tokens[last].kind == .punctuation, Self.isClosing(tokens[last].normalized.text) {
            last -= 1
        }
        let ending = tokens[last]
        // "1." opening a numbered list item is a marker, not a sentence.
        if last - sentenceStart == 1, tokens[sentenceStart].kind == .number { return false }
        switch ending.kind {
        case .punctuation:
            return ending.normalized.utf16.contains { $0.isTerminalPunctuation }
        case .abbreviation:
            guard ending.normalized.hasSuffix(".") else { return false }
            return Abbreviations.mayEndSentence(ending, after: last > sentenceStart ? tokens[last - 1] : nil)
        case .date, .legalReference:
            return ending.normalized.hasSuffix(".")
        default:
            return false // a wrapped line, not a sentence end
        }
    }

    private static func isClosing(_ text: String) -> Bool {
        text == "»" || text == "\"" || text == ")" || text == "]" || text == "”" || text == "'" || text == "“"
    }
}
