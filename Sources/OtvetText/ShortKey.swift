/// A short word folded to lower case and hashed into 64 bits, so the
/// scanner can look up abbreviations without building strings. Keys of
/// known abbreviations are few and short; a collision is not a concern.
struct ShortKey: Hashable {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    init<Units: Sequence<UInt16>>(_ units: Units) {
        for unit in units { add(unit) }
    }

    init(_ string: String) {
        self.init(string.utf16)
    }

    func appending<Units: Sequence<UInt16>>(_ units: Units) -> ShortKey {
        var copy = self
        for unit in units { copy.add(unit) }
        return copy
    }

    func appending(_ unit: UInt16) -> ShortKey {
        var copy = self
        copy.add(unit)
        return copy
    }

    private mutating func add(_ unit: UInt16) {
        var lower = unit
        if unit.isASCIIUpper { lower += 0x20 } else if unit.isCyrillicUpper { lower += unit <= 0x40F ? 0x50 : 0x20 }
        if lower == 0x451 { lower = 0x435 }
        value = (value ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
    }
}
