import OtvetText

/// `application/x-www-form-urlencoded` fields, as LanguageTool clients send them.
enum FormBody {
    static func decode(_ bytes: [UInt8]) throws(Problem) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try percentDecoded(parts[0])
            let value = parts.count > 1 ? try percentDecoded(parts[1]) : ""
            fields[name] = value
        }
        return fields
    }

    static func percentDecoded(_ bytes: ArraySlice<UInt8>) throws(Problem) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                output.append(0x20)
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex + 0, index + 2 <= bytes.endIndex - 1,
                      let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else {
                    throw Problem(400, "the form body has a broken %-escape")
                }
                output.append(high << 4 | low)
                index += 2
            } else {
                output.append(byte)
            }
            index += 1
        }
        do { return try TextInput.decode(output) } catch { throw Problem(400, "a form field is \(error.description)") }
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
