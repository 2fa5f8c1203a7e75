import CHTTPServer
import Foundation

/// Limits and place of the server.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port: UInt16 = 8080
    /// Worker threads; the default is the number of cores.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// Open connections beyond this get 503.
    public var connectionLimit = 256
    /// Idle connections are closed after this many seconds.
    public var timeoutSeconds = 30
    /// Larger request bodies get 413.
    public var maximumBodyBytes = 1 << 20
    /// Memory for one connection's request line and headers; beyond it libmicrohttpd answers 431.
    public var maximumHeaderBytes = 32 << 10

    public init() {}
}

/// Anything that answers requests; called on libmicrohttpd's worker threads.
public protocol RequestHandler: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse
}

/// The libmicrohttpd daemon: one owner of the C handle, stopped in `stop()`
/// or `deinit`. The C callback is a plain function reaching the handler
/// through the context pointer, so nothing runs on the main actor.
public final class HTTPServer: @unchecked Sendable {
    private var handle: OpaquePointer?
    private let box: Unmanaged<HandlerBox>
    public let port: UInt16

    final class HandlerBox {
        let handler: any RequestHandler
        init(_ handler: any RequestHandler) { self.handler = handler }
    }

    public init(configuration: ServerConfiguration, handler: any RequestHandler) throws {
        let box = Unmanaged.passRetained(HandlerBox(handler))
        var error = [CChar](repeating: 0, count: 256)
        let errorSize = error.count
        let started: OpaquePointer? = configuration.host.withCString { host in
            var config = otvet_http_config(
                host: host, port: configuration.port, threads: UInt32(max(1, configuration.threads)),
                connection_limit: UInt32(configuration.connectionLimit), timeout_seconds: UInt32(configuration.timeoutSeconds),
                max_body: configuration.maximumBodyBytes, max_header: configuration.maximumHeaderBytes)
            return otvet_http_start(&config, HTTPServer.callback, box.toOpaque(), &error, errorSize)
        }
        self.box = box
        guard let started else {
            box.release()
            handle = nil
            port = 0
            throw ServerError(message: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        handle = started
        port = otvet_http_port(started)
    }

    /// Stops accepting connections, lets requests in flight finish, and stops the workers.
    public func stop() {
        guard let handle else { return }
        self.handle = nil
        otvet_http_stop(handle)
    }

    public var activeConnections: Int { handle.map { Int(otvet_http_active_connections($0)) } ?? 0 }

    deinit {
        stop()
        box.release()
    }

    private static let callback: otvet_http_handler = { context, request, response in
        guard let context, let request, let response else { return }
        let handler = Unmanaged<HandlerBox>.fromOpaque(context).takeUnretainedValue().handler
        let answer = handler.respond(to: HTTPRequest(request.pointee))
        response.pointee.status = Int32(answer.status)
        if !answer.body.isEmpty, let memory = malloc(answer.body.count) {
            answer.body.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: answer.body.count) }
            response.pointee.body = memory.assumingMemoryBound(to: UInt8.self)
            response.pointee.body_length = answer.body.count
        }
        if !answer.headers.isEmpty {
            // Header values never carry line breaks: strip them so a value cannot add a header.
            let lines = answer.headers.map { name, value in
                "\(name): \(value.filter { $0 != "\r" && $0 != "\n" })\n"
            }.joined()
            response.pointee.headers = strdup(lines)
        }
    }
}

public struct ServerError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

extension HTTPRequest {
    init(_ raw: otvet_http_request) {
        func fields(_ names: UnsafePointer<UnsafePointer<CChar>?>?, _ values: UnsafePointer<UnsafePointer<CChar>?>?,
                    _ count: Int32, lowercase: Bool) -> [String: String] {
            var result: [String: String] = [:]
            for index in 0..<Int(count) {
                guard let name = names?[index] else { continue }
                let key = String(cString: name)
                result[lowercase ? key.lowercased() : key] = values?[index].map { String(cString: $0) } ?? ""
            }
            return result
        }
        self.init(
            method: raw.method.map { String(cString: $0) } ?? "GET",
            path: raw.path.map { String(cString: $0) } ?? "/",
            headers: fields(raw.header_names, raw.header_values, raw.header_count, lowercase: true),
            query: fields(raw.query_names, raw.query_values, raw.query_count, lowercase: false),
            body: raw.body.map { Array(UnsafeBufferPointer(start: $0, count: raw.body_length)) } ?? [],
            remoteAddress: raw.remote_address.map { String(cString: $0) } ?? "")
    }
}
