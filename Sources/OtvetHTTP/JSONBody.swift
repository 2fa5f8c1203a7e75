import Foundation
import OtvetText

/// A JSON object request body, read strictly: the right content type,
/// valid UTF-8, well-formed JSON, an object, and no field the route does
/// not know. Every failure is a problem that names it.
public struct JSONBody {
    let object: [String: Any]

    public init(_ request: HTTPRequest, allowed: Set<String>) throws(Problem) {
        // No body and no Content-Type (`curl -X POST …/take`) is an empty object.
        if request.body.isEmpty, request.mediaType == nil {
            object = [:]
            return
        }
        guard request.mediaType == "application/json" else {
            throw Problem(415, "send the body as application/json (got \(request.mediaType ?? "no Content-Type"))")
        }
        let text: String
        do { text = try TextInput.decode(request.body) } catch { throw Problem(400, "the body is \(error.description)") }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw Problem(400, "the body is not valid JSON")
        }
        guard let object = parsed as? [String: Any] else { throw Problem(400, "the body must be a JSON object") }
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Problem(400, "unknown field '\(unknown)' (allowed: \(allowed.sorted().joined(separator: ", ")))", field: unknown)
        }
        self.object = object
    }

    public func string(_ key: String) throws(Problem) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw Problem(400, "'\(key)' must be a string", field: key) }
        return text
    }

    public func requiredString(_ key: String) throws(Problem) -> String {
        guard let text = try string(key) else { throw Problem(400, "'\(key)' is required", field: key) }
        return text
    }

    public func int(_ key: String) throws(Problem) -> Int? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard !(value is Bool), let number = value as? NSNumber, let int = Int(exactly: number.doubleValue) else {
            throw Problem(400, "'\(key)' must be a whole number", field: key)
        }
        return int
    }

    public func object(_ key: String) throws(Problem) -> [String: Any]? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let nested = value as? [String: Any] else { throw Problem(400, "'\(key)' must be an object", field: key) }
        return nested
    }

    /// Re-encodes the object to decode it into a `Decodable`, for bodies that map onto a type.
    public func decode<T: Decodable>(_ type: T.Type) throws(Problem) -> T {
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            let decoder = JSONDecoder()
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw Problem(400, "the body does not fit: \(JSONBody.describe(error))", field: JSONBody.field(error))
        } catch {
            throw Problem(400, "the body does not fit: \(error)")
        }
    }

    /// The dotted path of the field at fault (`draft.type`, `attachments[0].name`).
    static func field(_ error: DecodingError) -> String? {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { path, key in
                key.intValue.map { "\(path)[\($0)]" } ?? (path.isEmpty ? key.stringValue : "\(path).\(key.stringValue)")
            }
        }
        let field = switch error {
        case .keyNotFound(let key, let context): path(context.codingPath + [key])
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path(context.codingPath)
        @unknown default: ""
        }
        return field.isEmpty ? nil : field
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "'\((path(context).isEmpty ? "" : path(context) + ".") + key.stringValue)' is required"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "'\(path(context))' has the wrong type"
        case .dataCorrupted(let context): return "'\(path(context))': \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
