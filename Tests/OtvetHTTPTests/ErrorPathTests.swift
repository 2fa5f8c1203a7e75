import Foundation
import Testing
@testable import OtvetHTTP

@Suite("Error paths") struct ErrorPathTests {
    let log = LogLines()
    let server: TestServer
    let validator: SchemaValidator

    init() throws {
        server = try TestServer(log: log)
        validator = try SchemaValidator()
    }

    /// A problem document with this status, valid against the document's Problem schema.
    func expectProblem(_ answer: HTTPResult, _ status: Int, field: String? = nil, detail: String? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(answer.status == status, "\(answer)", sourceLocation: sourceLocation)
        #expect(answer.isProblem, "Content-Type \(answer.header("Content-Type") ?? "none")", sourceLocation: sourceLocation)
        #expect(answer.object["status"] as? Int == status, sourceLocation: sourceLocation)
        #expect(answer.object["title"] is String, sourceLocation: sourceLocation)
        #expect(answer.object["type"] is String, sourceLocation: sourceLocation)
        if let json = answer.json {
            #expect(validator.errors(json, against: "Problem") == [], sourceLocation: sourceLocation)
        }
        if let field { #expect(answer.object["field"] as? String == field, sourceLocation: sourceLocation) }
        if let detail {
            #expect((answer.object["detail"] as? String)?.contains(detail) == true, "\(answer)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Bodies

    @Test func malformedJSONIs400() throws {
        expectProblem(try server.client.post("/v1/check", json: #"{"text": "#), 400, detail: "not valid JSON")
        expectProblem(try server.client.post("/v1/check", json: "[1, 2]"), 400, detail: "JSON object")
        expectProblem(try server.client.post("/v1/check", json: "\"text\""), 400, detail: "JSON object")
        // Nesting deep enough to exhaust a recursive parser's stack is refused, and the server goes on.
        expectProblem(try server.client.post("/v1/check", json: String(repeating: "[", count: 200_000)), 400)
        #expect(try server.client.get("/healthz").status == 200)
    }

    @Test func wrongContentTypeIs415() throws {
        let plain = try server.client.request("POST", "/v1/check", headers: [("Content-Type", "text/plain")],
                                              body: Array(#"{"text": "Привет"}"#.utf8))
        expectProblem(plain, 415, detail: "application/json")
        let form = try server.client.post("/v1/check", form: [("text", "Привет")])
        expectProblem(form, 415)
        // Parameters of the media type are fine.
        let charset = try server.client.request("POST", "/v1/check", headers: [("Content-Type", "Application/JSON; charset=utf-8")],
                                                body: Array(#"{"text": "Привет"}"#.utf8))
        #expect(charset.status == 200)
        // LanguageTool's API reads forms, not JSON.
        let json = try server.client.post("/v2/check", json: ["language": "ru-RU", "text": "Привет"])
        expectProblem(json, 415)
    }

    @Test func anEmptyBodyWithoutContentTypeIsAnEmptyObject() throws {
        let answer = try server.client.request("POST", "/v1/check", body: [])
        expectProblem(answer, 400, field: "text", detail: "'text' is required")
    }

    @Test func invalidUTF8Is400() throws {
        var body = Array(#"{"text": ""#.utf8)
        body += [0xD0, 0x9F, 0xFF, 0xFE, 0xC3]  // «П», then bytes that are no UTF-8
        body += Array(#""}"#.utf8)
        let answer = try server.client.request("POST", "/v1/check", headers: [("Content-Type", "application/json")], body: body)
        expectProblem(answer, 400, detail: "UTF-8")
        let form = try server.client.request("POST", "/v2/check", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                             body: Array("language=ru-RU&text=%FF%FE".utf8))
        expectProblem(form, 400)
        let nul = try server.client.request("POST", "/v1/check", headers: [("Content-Type", "application/json")],
                                            body: Array(#"{"text": "a"#.utf8) + [0] + Array(#""}"#.utf8))
        expectProblem(nul, 400)
    }

    @Test func unknownMissingAndMistypedFieldsAre400WithTheField() throws {
        expectProblem(try server.client.post("/v1/check", json: ["text": "Привет", "texts": "x"]), 400, field: "texts",
                      detail: "unknown field 'texts'")
        expectProblem(try server.client.post("/v1/check", json: ["message": "Привет"]), 400, field: "text", detail: "required")
        expectProblem(try server.client.post("/v1/check", json: ["text": 5]), 400, field: "text", detail: "must be a string")
        expectProblem(try server.client.post("/v1/check", json: ["text": "Привет", "type": ["resolved"]]), 400, field: "type")
        // null is the same as absent for optional fields, and not a text.
        #expect(try server.client.post("/v1/check", json: ["text": "Привет", "type": NSNull()]).status == 200)
        expectProblem(try server.client.post("/v1/check", json: ["text": NSNull()]), 400, field: "text")
    }

    @Test func aBodyOverTheLimitIs413() throws {
        let small = try TestServer(log: log) { $0.maximumBodyBytes = 1024 }
        let fits = try small.client.post("/v1/check", json: ["text": String(repeating: "а", count: 400)])
        #expect(fits.status == 200, "\(fits)")
        // Declared in Content-Length: refused before the body is read.
        let declared = try small.client.post("/v1/check", json: ["text": String(repeating: "а", count: 1000)])
        expectProblem(declared, 413)
        // A length far over the limit is answered at once, without waiting for the body.
        let early = try RawConnection(port: small.port, timeoutSeconds: 5)
        early.send(Array(("POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 104857600\r\n\r\n{\"text\": \"").utf8))
        let started = ContinuousClock.now
        let earlyAnswer = try #require(HTTPResult(parsing: early.readToEnd()))
        expectProblem(earlyAnswer, 413)
        #expect(ContinuousClock.now - started < .seconds(3))
        // Chunked, with no length up front: refused once it grows past the limit.
        let connection = try RawConnection(port: small.port)
        let chunk = Array(#"{"text": ""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: 3000) + Array(#""}"#.utf8)
        let head = "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + String(chunk.count, radix: 16) + "\r\n"
        connection.send(Array(head.utf8) + chunk + Array("\r\n0\r\n\r\n".utf8))
        let chunked = try #require(HTTPResult(parsing: connection.readToEnd()))
        expectProblem(chunked, 413)
        // The server still answers.
        #expect(try small.client.get("/healthz").status == 200)
    }

    // MARK: Routes and methods

    @Test func anUnknownRouteIs404() throws {
        expectProblem(try server.client.get("/v1/nothing"), 404, detail: "/v1/nothing")
        #expect(try server.client.get("/").status == 302, "the root redirects to the cabinet")
        expectProblem(try server.client.get("/v1/rules/a/b/c"), 404)
    }

    @Test func aWrongMethodIs405WithAllow() throws {
        let delete = try server.client.request("DELETE", "/v1/rules")
        expectProblem(delete, 405)
        #expect(delete.header("Allow") == "GET")
        let put = try server.client.request("PUT", "/v2/check", body: [])
        expectProblem(put, 405)
        #expect(Set((put.header("Allow") ?? "").components(separatedBy: ", ")) == ["GET", "POST"])
        let get = try server.client.get("/v1/check")
        expectProblem(get, 405)
        #expect(get.header("Allow") == "POST")
        // HEAD is GET without the body; a POST-only path has none.
        let head = try server.client.request("HEAD", "/v1/check")
        #expect(head.status == 405)
        #expect(head.body.isEmpty)
    }

    @Test func headOnGetRoutesSendsTheHeadersAndNoBody() throws {
        for path in ["/healthz", "/v1/rules", "/v1/rules/bureaucratese", "/openapi.json", "/v2/languages"] {
            let get = try server.client.get(path)
            let head = try server.client.request("HEAD", path)
            #expect(head.status == 200, "HEAD \(path)")
            #expect(head.body.isEmpty, "HEAD \(path) has no body")
            #expect(head.header("Content-Type") == get.header("Content-Type"))
            // RFC 9110 §9.3.2: the Content-Length a GET would have, or none.
            #expect(head.header("Content-Length") == nil || head.header("Content-Length") == String(get.body.count), "HEAD \(path)")
        }
        expectProblem(try server.client.get("/v1/rules/nope"), 404)
        let missing = try server.client.request("HEAD", "/v1/rules/nope")
        #expect(missing.status == 404)
        #expect(missing.body.isEmpty)
    }

    // MARK: The connection layer

    @Test func aHeaderSectionOverTheLimitIsRefusedAndTheServerGoesOn() throws {
        let connection = try RawConnection(port: server.port)
        let big = String(repeating: "x", count: 64 << 10)
        connection.send(Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(big)\r\nConnection: close\r\n\r\n".utf8))
        let answer = try #require(HTTPResult(parsing: connection.readToEnd()))
        #expect((400..<500).contains(answer.status), "\(answer)")
        #expect(answer.status == 431, "libmicrohttpd's own answer")
        #expect(try server.client.get("/healthz").status == 200)
    }

    @Test func overTheConnectionLimitIs503() throws {
        let limit = 3
        let limited = try TestServer(log: log) {
            $0.connectionLimit = limit
            $0.threads = 1
        }
        // Idle keep-alive connections, each with one request answered.
        var idle: [RawConnection] = []
        for _ in 0..<limit {
            let connection = try RawConnection(port: limited.port)
            connection.send(Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
            let answer = try #require(connection.readResponse())
            #expect(answer.status == 200, "a connection up to the limit is served")
            idle.append(connection)
        }
        #expect(limited.server.activeConnections == limit)
        let refused = try limited.client.get("/healthz")
        expectProblem(refused, 503, detail: "too many connections")
        // One idle connection goes: the next request is served again.
        idle.removeLast()
        let deadline = ContinuousClock.now + .seconds(5)
        while limited.server.activeConnections >= limit, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(try limited.client.get("/healthz").status == 200)
        // The idle connections still work.
        idle[0].send(Array("GET /v2/languages HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
        #expect(idle[0].readResponse()?.status == 200)
    }

    @Test func binaryGarbageDoesNotStopTheServer() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<5 {
            let connection = try RawConnection(port: server.port, timeoutSeconds: 1)
            var bytes = (0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if round.isMultiple(of: 2) { bytes += Array("\r\n\r\n".utf8) }
            connection.send(bytes)
            if let answer = HTTPResult(parsing: connection.readToEnd()) {
                #expect((400..<500).contains(answer.status), "garbage is a client error: \(answer)")
            }
        }
        // A request line that is almost HTTP.
        let almost = try RawConnection(port: server.port, timeoutSeconds: 2)
        almost.send(Array("GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n".utf8) + [0, 1, 2, 0xFF])
        _ = almost.readToEnd()
        #expect(try server.client.get("/healthz").status == 200)
        #expect(try server.client.post("/v1/check", json: ["text": "Здравствуйте!"]).status == 200)
    }

    // MARK: Health, metrics, log

    @Test func healthzIs200() throws {
        let answer = try server.client.get("/healthz")
        #expect(answer.status == 200)
        #expect(validator.errors(answer.json!, against: "Health") == [])
        #expect(answer.object["status"] as? String == "ok")
        #expect(answer.object["rules"] as? Int == server.service.pack.rules.count)
        #expect(answer.object["database"] == nil, "no workflow database here")
        #expect(answer.header("X-Content-Type-Options") == "nosniff")
        #expect(answer.header("Cache-Control") == "no-store")
    }

    @Test func metricsCountRequestsByRouteAndKeepAHistogram() throws {
        _ = try server.client.get("/v1/rules/bureaucratese")
        _ = try server.client.get("/v1/rules/nope")
        _ = try server.client.get("/v1/nothing")
        _ = try server.client.post("/v1/check", json: ["text": "Здравствуйте! В настоящее время фонари починили, 12 июля."])
        _ = try server.client.request("BREW", "/healthz")
        let metrics = try server.client.get("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = metrics.text
        #expect(text.contains("# TYPE otvet_http_requests_total counter"))
        #expect(text.contains(#"otvet_http_requests_total{route="/v1/rules/{id}",method="GET",status="200"} 1"#))
        #expect(text.contains(#"otvet_http_requests_total{route="/v1/rules/{id}",method="GET",status="404"} 1"#))
        #expect(text.contains(#"otvet_http_requests_total{route="unmatched",method="GET",status="404"} 1"#))
        #expect(text.contains(#"otvet_http_requests_total{route="/v1/check",method="POST",status="200"} 1"#))
        #expect(text.contains(#"otvet_http_requests_total{route="unmatched",method="OTHER",status="405"} 1"#),
                "an unknown method is no label of its own")
        #expect(text.contains("# TYPE otvet_http_request_duration_seconds histogram"))
        #expect(text.contains(#"otvet_http_request_duration_seconds_bucket{le="+Inf"}"#))
        #expect(text.contains("otvet_http_request_duration_seconds_count "))
        #expect(text.contains("otvet_http_request_duration_seconds_sum "))
        #expect(text.contains(#"otvet_findings_total{rule="bureaucratese"} 1"#))
        // Every sample line is `name{labels} value` or `name value`.
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            #expect(parts.count == 2 && Double(parts[1]) != nil, "sample: \(line)")
        }
    }

    @Test func accessLogLinesAreJSONEvenForHostileRequests() throws {
        _ = try server.client.get("/healthz")
        _ = try server.client.get("/v1/%22quoted%22/%D0%BF%D1%83%D1%82%D1%8C")
        _ = try server.client.request(#"G"ET"#, "/healthz")
        _ = try server.client.post("/v1/check", json: "{")
        let lines = log.all
        #expect(lines.count >= 4)
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil, "not JSON: \(line)")
            guard let object else { continue }
            for key in ["time", "method", "path", "route", "status", "duration_ms", "remote"] {
                #expect(object[key] != nil, "\(key) in \(line)")
            }
            #expect(object["remote"] as? String == "127.0.0.1")
        }
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.contains { $0["path"] as? String == "/v1/\"quoted\"/путь" && $0["status"] as? Int == 404 })
        #expect(objects.contains { $0["method"] as? String == #"G"ET"# && $0["status"] as? Int == 405 })
        #expect(objects.contains { $0["route"] as? String == "/healthz" && $0["status"] as? Int == 200 })
        #expect(objects.contains { $0["route"] as? String == "/v1/check" && $0["status"] as? Int == 400 })
    }
}
