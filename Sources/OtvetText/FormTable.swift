/// Remembers what each distinct spelling in a text normalises to, so a
/// word seen a thousand times is normalised and stemmed once. Keyed by the
/// raw UTF-16 units with an open-addressing table: a hit costs one hash
/// and one comparison, and allocates nothing.
struct FormTable {
    struct Form {
        let normalized: Word
        let stem: Word
        let syllables: Int
        let letterCase: LetterCase
        let kind: TokenKind
    }

    /// Past this many distinct forms the table stops growing (text of
    /// random garbage gains nothing from it).
    private static let maximumForms = 1 << 19

    private var keys: [[UInt16]] = []
    private var forms: [Form] = []
    private var slots = [Int32](repeating: -1, count: 1 << 8)

    static func hash(_ units: ArraySlice<UInt16>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for unit in units { hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    mutating func form(for units: ArraySlice<UInt16>, make: (UInt64) -> Form) -> Form {
        let hash = Self.hash(units)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if keys[index].elementsEqual(units) { return forms[index] }
            slot = (slot + 1) & mask
        }
        let form = make(hash)
        guard forms.count < Self.maximumForms else { return form }
        slots[slot] = Int32(forms.count)
        keys.append(Array(units))
        forms.append(form)
        if forms.count * 2 > slots.count { grow() }
        return form
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, key) in keys.enumerated() {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for unit in key { hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3 }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
