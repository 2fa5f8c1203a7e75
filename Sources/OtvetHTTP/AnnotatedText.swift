import Foundation

/// LanguageTool's `text` or `data` field. `data` is annotated text —
/// `{"annotation": [{"text": "…"}, {"markup": "<b>", "interpretAs": ""}]}` —
/// checked as its plain text, with offsets mapped back to the original.
struct AnnotatedText {
    struct Piece {
        /// Where the piece starts in the plain text and in the original.
        let plainStart: Int
        let plainLength: Int
        let originalStart: Int
        let originalLength: Int
        let isMarkup: Bool
    }

    let plain: String
    let pieces: [Piece]

    init(fields: [String: String]) throws(Problem) {
        if let text = fields["text"] {
            plain = text
            pieces = [Piece(plainStart: 0, plainLength: text.utf16.count, originalStart: 0,
                            originalLength: text.utf16.count, isMarkup: false)]
            return
        }
        guard let data = fields["data"] else { throw Problem(400, "send 'text' or 'data'", field: "text") }
        guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any],
              let annotation = object["annotation"] as? [[String: Any]] else {
            throw Problem(400, "'data' must be JSON like {\"annotation\": [{\"text\": \"…\"}, {\"markup\": \"…\"}]}", field: "data")
        }
        var plain = ""
        var pieces: [Piece] = []
        var plainOffset = 0
        var originalOffset = 0
        for (index, item) in annotation.enumerated() {
            if let text = item["text"] as? String {
                let length = text.utf16.count
                pieces.append(Piece(plainStart: plainOffset, plainLength: length, originalStart: originalOffset,
                                    originalLength: length, isMarkup: false))
                plain += text
                plainOffset += length
                originalOffset += length
            } else if let markup = item["markup"] as? String {
                let shown = (item["interpretAs"] as? String) ?? ""
                pieces.append(Piece(plainStart: plainOffset, plainLength: shown.utf16.count, originalStart: originalOffset,
                                    originalLength: markup.utf16.count, isMarkup: true))
                plain += shown
                plainOffset += shown.utf16.count
                originalOffset += markup.utf16.count
            } else {
                throw Problem(400, "annotation item \(index + 1) has neither 'text' nor 'markup'", field: "data")
            }
        }
        self.plain = plain
        self.pieces = pieces
    }

    /// An offset in the original text for a plain-text offset. A start maps into the text piece that
    /// begins there, an end into the piece that ends there, so a match never takes in the markup around it.
    func original(_ plainOffset: Int, isEnd: Bool = false) -> Int {
        let containing = pieces.first { piece in
            !piece.isMarkup && (isEnd
                ? piece.plainStart < plainOffset && plainOffset <= piece.plainStart + piece.plainLength
                : piece.plainStart <= plainOffset && plainOffset < piece.plainStart + piece.plainLength)
        }
        guard let piece = containing ?? pieces.last(where: { !$0.isMarkup && $0.plainStart <= plainOffset }) ?? pieces.first else {
            return plainOffset
        }
        return piece.originalStart + min(plainOffset - piece.plainStart, piece.plainLength)
    }

    func original(offset: Int, length: Int) -> (Int, Int) {
        let start = original(offset)
        let end = length == 0 ? start : original(offset + length, isEnd: true)
        return (start, max(0, end - start))
    }
}
