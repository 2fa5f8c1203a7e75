import Foundation
import OtvetWorkflow

/// A JSON Lines file of incoming messages, read strictly: a field the
/// importer does not know is an error, not silently dropped, because a
/// misspelt `categoryId` would otherwise import a message without its
/// category and with the wrong deadline.
struct MessageLines {
    struct Failure: Error, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "line \(line): \(message)" }
    }

    /// Why one line does not decode.
    struct Problem: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    /// The messages and the line each came from (blank lines are skipped).
    private(set) var messages: [IncomingMessage] = []
    private(set) var lines: [Int] = []

    init(_ text: String) throws(Failure) {
        // Split on LF bytes, not on Characters: "\r\n" is one Character, and
        // U+2028 may legally appear raw inside a JSON string.
        for (index, slice) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var bytes = Array(slice)
            if bytes.last == 0x0D { bytes.removeLast() }
            guard bytes.contains(where: { ![0x20, 0x09].contains($0) }) else { continue }
            do {
                messages.append(try Self.decode(bytes))
                lines.append(index + 1)
            } catch {
                throw Failure(line: index + 1, message: error.text)
            }
        }
    }

    static func decode(_ bytes: [UInt8]) throws(Problem) -> IncomingMessage {
        let data = Data(bytes)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw Problem("not valid JSON" + (detail.map { " (\($0))" } ?? ""))
        }
        guard let fields = object as? [String: Any] else { throw Problem("not a JSON object") }
        try checkFields(fields)
        do {
            return try JSONDecoder().decode(IncomingMessage.self, from: data)
        } catch let error as DecodingError {
            throw Problem(describe(error))
        } catch {
            throw Problem("\(error)")
        }
    }

    private static func checkFields(_ fields: [String: Any]) throws(Problem) {
        try unknown(fields, known: messageFields, at: "")
        if let applicant = fields["applicant"] as? [String: Any] { try unknown(applicant, known: applicantFields, at: "applicant.") }
        for (index, item) in (fields["attachments"] as? [Any] ?? []).enumerated() {
            if let attachment = item as? [String: Any] { try unknown(attachment, known: attachmentFields, at: "attachments[\(index)].") }
        }
    }

    private static func unknown(_ fields: [String: Any], known: Set<String>, at prefix: String) throws(Problem) {
        guard let field = fields.keys.sorted().first(where: { !known.contains($0) }) else { return }
        throw Problem("unknown field '\(prefix)\(field)' (known: \(known.sorted().joined(separator: ", ")))")
    }

    // The field names are read off the types themselves, so they follow
    // `IncomingMessage` when it grows a field.
    static let messageFields = fieldNames(IncomingMessage.self, sample: #"{"number": "", "text": ""}"#)
    static let applicantFields = fieldNames(Applicant.self, sample: "{}")
    static let attachmentFields = fieldNames(Attachment.self, sample: #"{"name": ""}"#)

    private static func fieldNames<T: Decodable>(_ type: T.Type, sample: String) -> Set<String> {
        guard let value = try? JSONDecoder().decode(type, from: Data(sample.utf8)) else {
            preconditionFailure("\(type) no longer decodes from \(sample): update MessageLines")
        }
        return Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(path(context.codingPath + [key]))'"
        case .valueNotFound(_, let context):
            return "field '\(path(context.codingPath))' must not be null"
        case .typeMismatch(let type, let context):
            return "field '\(path(context.codingPath))' must be \(kind(type))"
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field == "source" {
                return "field 'source' must be one of \(MessageSource.allCases.map(\.rawValue).joined(separator: ", "))"
            }
            return field.isEmpty ? context.debugDescription : "field '\(field)': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is Double.Type: "a number"
        default: "\(type)".hasPrefix("Array") ? "a list" : "an object"
        }
    }
}

