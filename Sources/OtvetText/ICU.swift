import CICU

/// A failure reported by ICU, with its ICU error name.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public var description: String {
        "ICU error \(code) (\(String(cString: otvet_icu_error_name(code))))"
    }
}

/// Swift face of the `CICU` target: ICU word and sentence breaking,
/// NFC and lower-casing over UTF-16 buffers.
enum ICU {
    /// `OTVET_SEGMENT_*` from the C header.
    enum SegmentClass: UInt8 {
        case none = 0, number = 1, letter = 2, ideographic = 3
    }

    /// Bare ICU word breaking, the benchmark's baseline.
    static func countSegments(_ kind: BreakIterator.Kind, _ units: [UInt16]) throws(ICUError) -> Int {
        var error: Int32 = 0
        let count = units.withUnsafeBufferPointer {
            kind == .word ? otvet_word_segment_count($0.baseAddress, Int32($0.count), &error)
                : otvet_sentence_segment_count($0.baseAddress, Int32($0.count), &error)
        }
        guard count >= 0 else { throw ICUError(code: error) }
        return Int(count)
    }

    typealias Transform = (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32,
                           UnsafeMutablePointer<Int32>?) -> Int32

    static func nfc(_ units: ArraySlice<UInt16>) throws(ICUError) -> [UInt16] {
        try transform(units, otvet_to_nfc)
    }

    static func lowercased(_ units: ArraySlice<UInt16>) throws(ICUError) -> [UInt16] {
        try transform(units, otvet_to_lower)
    }

    /// Runs an ICU preflighting transform: try with room to spare, retry once with the size ICU asks for.
    private static func transform(_ units: ArraySlice<UInt16>, _ function: Transform) throws(ICUError) -> [UInt16] {
        var capacity = units.count * 2 + 4
        for _ in 0..<2 {
            var output = [UInt16](repeating: 0, count: capacity)
            var error: Int32 = 0
            let needed = units.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer {
                    function(source.baseAddress, Int32(source.count), $0.baseAddress, Int32(capacity), &error)
                }
            }
            guard needed >= 0 else { throw ICUError(code: error) }
            if Int(needed) <= capacity {
                output.removeSubrange(Int(needed)...)
                return output
            }
            capacity = Int(needed)
        }
        throw ICUError(code: 15) // U_BUFFER_OVERFLOW_ERROR
    }
}
