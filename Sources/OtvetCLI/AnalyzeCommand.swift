import OtvetText

/// `otvet analyze`: shows the document structure the rules see.
struct AnalyzeCommand: Command {
    static let name = "analyze"
    static let summary = "Show paragraphs, sentences and tokens of a text, with offsets"
    static let help = """
        Usage: otvet analyze [FILE|-] [--format text|json]

        Prints the structure Otvet's rules read: paragraphs, sentences and
        tokens with their kinds, UTF-16 offsets and lengths, and 1-based
        line:column (columns count UTF-16 units). Reads stdin when FILE is
        '-' or absent. Invalid UTF-8 or a binary file exits with code 2.

        Options:
          --format text|json   Output format (default: text)

        """

    let path: String
    let format: String

    init(parsing arguments: inout ArgumentList) throws(CLIError) {
        format = try arguments.choice("--format", ["text", "json"]) ?? "text"
        let paths = try arguments.positionals()
        guard paths.count <= 1 else { throw arguments.usage("analyze takes one input, got \(paths.count)") }
        path = paths.first ?? "-"
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let input = try InputReader(context: context).read(path)
        let document = try TextAnalyzer().analyze(input.text)
        context.write(format == "json" ? JSONOutput.encode(DocumentReport(document)) : textReport(document))
        return ExitCode.success
    }

    private func textReport(_ document: Document) -> String {
        var out = ""
        for (paragraphNumber, paragraph) in document.paragraphs.enumerated() {
            let place = document.position(of: paragraph.range.offset)
            out += "paragraph \(paragraphNumber + 1) at \(place.line):\(place.column) [\(paragraph.range)]"
            out += paragraph.isListItem ? " list item\n" : "\n"
            for sentenceIndex in paragraph.sentences {
                let sentence = document.sentences[sentenceIndex]
                out += "  sentence \(sentenceIndex + 1) [\(sentence.range)] \(sentence.wordCount) words: "
                out += document.text(of: sentence.range) + "\n"
                for token in document.tokens[sentence.tokens] {
                    let at = document.position(of: token.range.offset)
                    out += "    \(at.line):\(at.column) [\(token.range)] \(token.kind.rawValue) "
                    out += "\"\(document.text(of: token))\""
                    if token.kind == .word { out += " stem=\(token.stem) syllables=\(token.syllables)" }
                    out += "\n"
                }
            }
        }
        return out
    }
}

/// The JSON shape of `otvet analyze --format json`.
struct DocumentReport: Encodable {
    struct TokenReport: Encodable {
        let text, kind, normalized, stem: String
        let offset, length, line, column, syllables: Int
    }
    struct SentenceReport: Encodable {
        let text: String
        let offset, length, line, column, wordCount: Int
        let tokens: [TokenReport]
    }
    struct ParagraphReport: Encodable {
        let offset, length, line, column: Int
        let isListItem: Bool
        let sentences: [SentenceReport]
    }

    let paragraphs: [ParagraphReport]
    let wordCount: Int

    init(_ document: Document) {
        wordCount = document.wordCount
        paragraphs = document.paragraphs.map { paragraph in
            let place = document.position(of: paragraph.range.offset)
            return ParagraphReport(
                offset: paragraph.range.offset, length: paragraph.range.length, line: place.line,
                column: place.column, isListItem: paragraph.isListItem,
                sentences: document.sentences[paragraph.sentences].map { sentence in
                    let at = document.position(of: sentence.range.offset)
                    return SentenceReport(
                        text: document.text(of: sentence.range), offset: sentence.range.offset,
                        length: sentence.range.length, line: at.line, column: at.column,
                        wordCount: sentence.wordCount,
                        tokens: document.tokens[sentence.tokens].map { token in
                            let position = document.position(of: token.range.offset)
                            return TokenReport(
                                text: document.text(of: token), kind: token.kind.rawValue,
                                normalized: token.normalized.text, stem: token.stem.text, offset: token.range.offset,
                                length: token.range.length, line: position.line, column: position.column,
                                syllables: token.syllables)
                        })
                })
        }
    }
}
