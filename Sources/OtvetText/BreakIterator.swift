import CICU

/// An ICU break iterator over its own copy of the text, read in batches:
/// one owner of the C handle, freed in `deinit`. Non-copyable, so the
/// handle has exactly one owner and access needs no runtime checks. A 10 MB text needs no
/// boundary array of its own size.
struct BreakIterator: ~Copyable {
    enum Kind: Int32 {
        case word = 0, sentence = 1
    }

    private let text: UnsafeMutableBufferPointer<UInt16>
    private let handle: OpaquePointer
    private var ends = [Int32](repeating: 0, count: 256)
    private var classes = [UInt8](repeating: 0, count: 256)
    private var filled = 0
    private var cursor = 0
    private var finished = false

    init(_ kind: Kind, units: [UInt16]) throws(ICUError) {
        text = .allocate(capacity: max(units.count, 1))
        _ = text.initialize(from: units)
        var error: Int32 = 0
        guard let handle = otvet_breaker_open(kind.rawValue, text.baseAddress, Int32(units.count), &error) else {
            text.deallocate()
            throw ICUError(code: error)
        }
        self.handle = handle
    }

    deinit {
        otvet_breaker_close(handle)
        text.deallocate()
    }

    /// The next boundary and, for words, the class of the segment it ends.
    mutating func next() -> (end: Int, segmentClass: ICU.SegmentClass)? {
        if cursor == filled {
            guard !finished else { return nil }
            let capacity = Int32(ends.count)
            filled = Int(ends.withUnsafeMutableBufferPointer { endsBuffer in
                classes.withUnsafeMutableBufferPointer {
                    otvet_breaker_next(handle, endsBuffer.baseAddress, $0.baseAddress, capacity)
                }
            })
            cursor = 0
            if filled < ends.count { finished = true }
            guard filled > 0 else { return nil }
        }
        defer { cursor += 1 }
        return (Int(ends[cursor]), ICU.SegmentClass(rawValue: classes[cursor]) ?? .none)
    }
}
