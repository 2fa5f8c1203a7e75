import Synchronization

/// Word forms shared by every text the analyser reads. A reply is short, so
/// a per-text `FormTable` meets most of its words for the first time; this
/// cache keeps their normalised form, stem and kind across texts, so a
/// service checking thousands of replies stems each spelling once.
final class SharedForms: Sendable {
    private struct Entry {
        let units: [UInt16]
        let form: FormTable.Form
    }

    /// Bounds memory in a long-running service; past it the cache starts over.
    private static let limit = 100_000
    private let entries = Mutex<[UInt64: Entry]>([:])

    func form(_ units: ArraySlice<UInt16>, hash: UInt64, make: () -> FormTable.Form) -> FormTable.Form {
        if let entry = entries.withLock({ $0[hash] }), entry.units.elementsEqual(units) { return entry.form }
        let form = make()
        entries.withLock { entries in
            if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
            entries[hash] = Entry(units: Array(units), form: form)
        }
        return form
    }
}
