/// Converts UTF-16 offsets to 1-based line and column. This is the one
/// place Otvet makes that conversion, so every reporter agrees.
/// Columns count UTF-16 code units, like the offsets.
public struct LineIndex: Sendable {
    /// Offset at which each line starts; the first is always 0.
    public let lineStarts: [Int]

    public init(_ units: [UInt16]) {
        var starts = [0]
        var index = 0
        let count = units.count
        while index < count {
            let unit = units[index]
            if unit == 0x0D {
                if index + 1 < count, units[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            } else if unit == 0x0A || unit == 0x2028 || unit == 0x2029 || unit == 0x85 {
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
    }

    public struct Position: Hashable, Sendable, Codable {
        public let line: Int
        public let column: Int
    }

    public func position(of offset: Int) -> Position {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return Position(line: low + 1, column: offset - lineStarts[low] + 1)
    }
}
