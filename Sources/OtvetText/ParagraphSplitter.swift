/// Finds paragraphs. A blank line always ends one; a single line break
/// ends one too, unless the line merely wraps: the previous line has no
/// closing punctuation and the next starts in lower case. List items are
/// always paragraphs of their own.
enum ParagraphSplitter {
    struct Block {
        var range: Range<Int>
        var isListItem: Bool
    }

    static func blocks(_ units: [UInt16], lines: LineIndex) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        let starts = lines.lineStarts
        for (index, lineStart) in starts.enumerated() {
            let lineEnd = index + 1 < starts.count ? starts[index + 1] : units.count
            var first = lineStart
            var last = lineEnd
            while first < last, units[first].isWhitespace { first += 1 }
            while last > first, units[last - 1].isWhitespace { last -= 1 }
            guard first < last else {
                if let block = current { blocks.append(block) }
                current = nil
                continue
            }
            let isListItem = startsWithListMarker(units, at: first, end: last)
            if var block = current, !isListItem, continues(units, previousEnd: block.range.upperBound, next: first) {
                block.range = block.range.lowerBound..<last
                current = block
            } else {
                if let block = current { blocks.append(block) }
                current = Block(range: first..<last, isListItem: isListItem)
            }
        }
        if let block = current { blocks.append(block) }
        return blocks
    }

    private static func continues(_ units: [UInt16], previousEnd: Int, next: Int) -> Bool {
        let last = units[previousEnd - 1]
        if last.isTerminalPunctuation || last == 0x3A || last == 0x3B { return false }
        return units[next].isLowerLetter
    }

    /// `- `, `• `, `* `, `— `, `1. `, `2) `.
    private static func startsWithListMarker(_ units: [UInt16], at start: Int, end: Int) -> Bool {
        let first = units[start]
        let hasSpaceAfter = { (index: Int) in index < end && units[index].isWhitespace }
        switch first {
        case 0x2D, 0x2022, 0x2A, 0x2014, 0x2013, 0xB7, 0x25AA, 0x25CF:
            return hasSpaceAfter(start + 1)
        default:
            var index = start
            while index < end, units[index].isASCIIDigit, index - start < 3 { index += 1 }
            guard index > start, index < end, units[index] == 0x2E || units[index] == 0x29 else { return false }
            return hasSpaceAfter(index + 1)
        }
    }
}
