/// The arguments after a command's name, consumed by the command as it
/// reads its options. A small stand-in for swift-argument-parser, which
/// this build cannot fetch: options as `--name value` or `--name=value`,
/// flags, and positionals; whatever is left over is an error.
public struct ArgumentList {
    private var items: [String]
    private let help: String

    public init(_ items: [String], help: String) {
        self.items = items
        self.help = help
    }

    public var isEmpty: Bool { items.isEmpty }

    /// Removes `--name` if present.
    public mutating func flag(_ name: String) -> Bool {
        guard let index = items.firstIndex(of: name) else { return false }
        items.remove(at: index)
        return true
    }

    /// Removes and returns every value of a repeatable option.
    public mutating func values(_ name: String) throws(CLIError) -> [String] {
        var result: [String] = []
        var index = 0
        while index < items.count {
            let item = items[index]
            if item == name {
                guard index + 1 < items.count else { throw usage("\(name) needs a value") }
                result.append(items[index + 1])
                items.removeSubrange(index...index + 1)
            } else if item.hasPrefix(name + "=") {
                result.append(String(item.dropFirst(name.count + 1)))
                items.remove(at: index)
            } else {
                index += 1
            }
        }
        return result
    }

    /// Removes and returns a single-valued option.
    public mutating func value(_ name: String) throws(CLIError) -> String? {
        let all = try values(name)
        guard all.count <= 1 else { throw usage("\(name) is given more than once") }
        return all.first
    }

    /// A single-valued option restricted to `choices`.
    public mutating func choice(_ name: String, _ choices: [String]) throws(CLIError) -> String? {
        guard let value = try value(name) else { return nil }
        guard choices.contains(value) else {
            throw usage("\(name) must be one of \(choices.joined(separator: ", ")), not '\(value)'")
        }
        return value
    }

    public mutating func integer(_ name: String, in range: ClosedRange<Int>) throws(CLIError) -> Int? {
        guard let text = try value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw usage("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return number
    }

    /// Everything left, which must not look like an option (`-` alone means stdin).
    public mutating func positionals() throws(CLIError) -> [String] {
        var result: [String] = []
        var afterSeparator = false
        for item in items {
            if !afterSeparator, item == "--" { afterSeparator = true; continue }
            if !afterSeparator, item.hasPrefix("-"), item != "-" { throw usage("unknown option '\(item)'") }
            result.append(item)
        }
        items.removeAll()
        return result
    }

    /// Fails if anything is left unread.
    public mutating func finish() throws(CLIError) {
        let rest = try positionals()
        if let first = rest.first { throw usage("unexpected argument '\(first)'") }
    }

    public func usage(_ message: String) -> CLIError { .usage(message, help: help) }
}
