extension String {
    /// The string's UTF-16 code units. Native Swift strings are UTF-8, and
    /// `Array(utf16)` walks them through a generic view; transcoding the
    /// contiguous UTF-8 directly is several times faster on large texts.
    var utf16Units: [UInt16] {
        var copy = self
        return copy.withUTF8 { utf8 in
            [UInt16](unsafeUninitializedCapacity: utf8.count) { buffer, written in
                var input = 0
                var output = 0
                let count = utf8.count
                while input < count {
                    let lead = UInt32(utf8[input])
                    var scalar: UInt32
                    if lead < 0x80 {
                        scalar = lead
                        input += 1
                    } else if lead < 0xE0 {
                        scalar = (lead & 0x1F) << 6 | UInt32(utf8[input + 1] & 0x3F)
                        input += 2
                    } else if lead < 0xF0 {
                        scalar = (lead & 0x0F) << 12 | UInt32(utf8[input + 1] & 0x3F) << 6
                            | UInt32(utf8[input + 2] & 0x3F)
                        input += 3
                    } else {
                        scalar = (lead & 0x07) << 18 | UInt32(utf8[input + 1] & 0x3F) << 12
                            | UInt32(utf8[input + 2] & 0x3F) << 6 | UInt32(utf8[input + 3] & 0x3F)
                        input += 4
                    }
                    if scalar < 0x10000 {
                        buffer[output] = UInt16(scalar)
                        output += 1
                    } else {
                        scalar -= 0x10000
                        buffer[output] = UInt16(0xD800 + (scalar >> 10))
                        buffer[output + 1] = UInt16(0xDC00 + (scalar & 0x3FF))
                        output += 2
                    }
                }
                written = output
            }
        }
    }
}
