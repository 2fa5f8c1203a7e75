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

extension String {
    /// Builds a string from UTF-16 code units by writing its UTF-8 directly;
    /// `String(decoding:as: UTF16.self)` takes a slow generic path. Lone
    /// surrogates become U+FFFD, as there.
    init(utf16Units units: ArraySlice<UInt16>) {
        self.init(unsafeUninitializedCapacity: units.count * 3) { buffer in
            var written = 0
            var index = units.startIndex
            let end = units.endIndex
            while index < end {
                var scalar = UInt32(units[index])
                index += 1
                if scalar >= 0xD800 && scalar <= 0xDFFF {
                    if scalar <= 0xDBFF, index < end, units[index] >= 0xDC00, units[index] <= 0xDFFF {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                        index += 1
                    } else {
                        scalar = 0xFFFD
                    }
                }
                switch scalar {
                case ..<0x80:
                    buffer[written] = UInt8(scalar)
                    written += 1
                case ..<0x800:
                    buffer[written] = UInt8(0xC0 | (scalar >> 6))
                    buffer[written + 1] = UInt8(0x80 | (scalar & 0x3F))
                    written += 2
                case ..<0x10000:
                    buffer[written] = UInt8(0xE0 | (scalar >> 12))
                    buffer[written + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    buffer[written + 2] = UInt8(0x80 | (scalar & 0x3F))
                    written += 3
                default:
                    buffer[written] = UInt8(0xF0 | (scalar >> 18))
                    buffer[written + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                    buffer[written + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    buffer[written + 3] = UInt8(0x80 | (scalar & 0x3F))
                    written += 4
                }
            }
            return written
        }
    }
}
