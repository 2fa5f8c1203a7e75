import Foundation
import OtvetRules
import OtvetText
import Synchronization
import Testing
@testable import OtvetHTTP
@testable import OtvetWorkflow

#if canImport(Glibc)
import Glibc
#endif

/// The package's `Rules/` directory, found from this file's path.
let rulesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Rules").path

/// The real rule pack, loaded once for the whole suite.
let sharedPack: Result<RulePack, any Error> = Result {
    try RulePack.load(directory: rulesDirectory, analyzer: try TextAnalyzer())
}

func loadPack() throws -> RulePack { try sharedPack.get() }

/// A real libmicrohttpd server on a free loopback port, stopped when the value goes.
final class TestServer: Sendable {
    let service: Service
    let server: HTTPServer
    var port: UInt16 { server.port }

    init(service: Service, configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.threads = 2
        configuration.timeoutSeconds = 10
        configure(&configuration)
        self.service = service
        server = try HTTPServer(configuration: configuration, handler: service)
    }

    /// A server with the real rule pack and no workflow, logging into `log` when given.
    convenience init(log: LogLines? = nil, checkAccess: Service.Settings.CheckAccess = .loopback,
                     workflow: Workflow? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        var settings = Service.Settings()
        settings.checkAccess = checkAccess
        settings.log = { line in log?.append(line) }
        try self.init(service: Service(pack: try loadPack(), workflow: workflow, settings: settings), configure: configure)
    }

    deinit { server.stop() }

    var client: HTTPClient { HTTPClient(port: port) }
}

/// Access-log lines the service wrote.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

/// An HTTP answer as it came over the socket.
struct HTTPResult: CustomStringConvertible {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    func headers(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    var isProblem: Bool { header("Content-Type")?.hasPrefix("application/problem+json") == true }

    var description: String { "\(status) \(text.prefix(600))" }

    /// Parses one response from raw bytes (`Content-Length` framing, or up to the end).
    init?(parsing bytes: [UInt8]) {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let split = (0...(max(0, bytes.count - 4))).first(where: { bytes.count >= 4 && Array(bytes[$0..<$0 + 4]) == separator })
        else { return nil }
        let head = String(decoding: bytes[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        self.status = status
        headers = head.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(bytes[(split + 4)...])
        if let length = headers.first(where: { $0.0.lowercased() == "content-length" }).flatMap({ Int($0.1) }), body.count > length {
            body = Array(body.prefix(length))
        }
        self.body = body
    }
}

enum SocketError: Error { case failed(String) }

/// A plain TCP connection to the loopback server: for well-formed requests and for everything a
/// normal client refuses to send.
final class RawConnection {
    let descriptor: Int32

    init(port: UInt16, timeoutSeconds: Int = 10) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError.failed("socket") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw SocketError.failed("connect to port \(port): errno \(errno)")
        }
    }

    deinit { close(descriptor) }

    /// Sends everything; false when the server closed the connection first.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    /// Reads until the server closes the connection (or the timeout).
    func readToEnd() -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            result += buffer[..<count]
        }
        return result
    }

    /// Reads one response framed by Content-Length, leaving the connection open.
    func readResponse() -> HTTPResult? {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let parsed = HTTPResult(parsing: result), let length = parsed.header("Content-Length").flatMap(Int.init),
               parsed.body.count >= length {
                return parsed
            }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return HTTPResult(parsing: result) }
            result += buffer[..<count]
        }
    }
}

/// A tiny HTTP/1.1 client: one connection per request, `Connection: close`.
struct HTTPClient {
    let port: UInt16
    /// Sent with every request.
    var headers: [(String, String)] = []

    func with(_ name: String, _ value: String) -> HTTPClient {
        var copy = self
        copy.headers.append((name, value))
        return copy
    }

    func bearer(_ token: String) -> HTTPClient { with("Authorization", "Bearer \(token)") }

    func request(_ method: String, _ path: String, headers extra: [(String, String)] = [], body: [UInt8]? = nil) throws -> HTTPResult {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers + extra { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        let connection = try RawConnection(port: port)
        connection.send(Array(head.utf8) + (body ?? []))
        let bytes = connection.readToEnd()
        guard let result = HTTPResult(parsing: bytes) else {
            throw SocketError.failed("no HTTP answer to \(method) \(path): \(String(decoding: bytes, as: UTF8.self))")
        }
        return result
    }

    func get(_ path: String, headers: [(String, String)] = []) throws -> HTTPResult {
        try request("GET", path, headers: headers)
    }

    /// POSTs a JSON value (an object, array or already-encoded text).
    func post(_ path: String, json: Any, headers: [(String, String)] = []) throws -> HTTPResult {
        let body: [UInt8]
        if let text = json as? String {
            body = Array(text.utf8)
        } else {
            body = Array(try JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed]))
        }
        return try request("POST", path, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    func post(_ path: String, form: [(String, String)], headers: [(String, String)] = []) throws -> HTTPResult {
        try request("POST", path, headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers,
                    body: Array(FormEncoding.encode(form).utf8))
    }
}

enum FormEncoding {
    static let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._*")).subtracting(
        CharacterSet(charactersIn: Unicode.Scalar(0x80)!...Unicode.Scalar(0x10FFFF)!))

    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { name, value in "\(escape(name))=\(escape(value))" }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
    }
}

/// The UTF-16 offset of `needle` in `text` (the `nth` occurrence), found without the server's help.
func utf16Offset(of needle: String, in text: String, occurrence nth: Int = 1) -> Int? {
    var searchStart = text.startIndex
    var found = 0
    while let range = text.range(of: needle, range: searchStart..<text.endIndex) {
        found += 1
        if found == nth { return text.utf16.distance(from: text.utf16.startIndex, to: range.lowerBound) }
        searchStart = range.upperBound
    }
    return nil
}

// MARK: The OpenAPI document as a validator

/// Checks JSON values against the document's schemas: the keywords the document uses
/// (`$ref`, type, enum, properties, required, additionalProperties, items, minimum, maximum),
/// so that the document and the encoders cannot drift apart.
struct SchemaValidator {
    let document: [String: Any]

    init() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(OpenAPI.document.utf8))
        document = try #require(parsed as? [String: Any])
    }

    func schema(_ name: String) -> [String: Any] {
        ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any] ?? [:]
    }

    /// Problems found, empty when the value fits.
    func errors(_ value: Any, against name: String) -> [String] {
        var errors: [String] = []
        check(value, schema(name), path: name, errors: &errors)
        return errors
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        return resolve(self.schema(String(ref.split(separator: "/").last!)))
    }

    private func check(_ value: Any, _ raw: [String: Any], path: String, errors: inout [String]) {
        let schema = resolve(raw)
        if let type = schema["type"] as? String, !fits(value, type) {
            errors.append("\(path): expected \(type), got \(value)")
            return
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if let number = value as? NSNumber, !(value is Bool) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { errors.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { errors.append("\(path): above \(maximum)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path): missing required '\(key)'")
            }
            for (key, item) in object {
                if let property = properties[key] as? [String: Any] {
                    check(item, property, path: "\(path).\(key)", errors: &errors)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    check(item, additional, path: "\(path).\(key)", errors: &errors)
                } else if schema["additionalProperties"] as? Bool == false {
                    errors.append("\(path): '\(key)' is not in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { check(item, items, path: "\(path)[\(index)]", errors: &errors) }
        }
    }

    private func fits(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "boolean": (value as? NSNumber).map(isBoolean) ?? false
        case "integer": (value as? NSNumber).map { !isBoolean($0) && $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": (value as? NSNumber).map { !isBoolean($0) } ?? false
        case "null": value is NSNull
        default: true
        }
    }

    /// JSONSerialization reads `true` and `false` as NSNumbers of type `c`.
    private func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }
}
