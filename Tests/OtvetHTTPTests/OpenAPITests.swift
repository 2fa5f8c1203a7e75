import Foundation
import Testing
@testable import OtvetHTTP

@Suite("OpenAPI") struct OpenAPITests {
    let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    func served() throws -> (document: [String: Any], routes: [(method: String, pattern: String)]) {
        let server = try TestServer()
        let answer = try server.client.get("/openapi.json")
        #expect(answer.status == 200)
        #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
        let document = try #require(answer.json as? [String: Any], "the served document is JSON")
        return (document, server.service.routes.map { ($0.method, $0.pattern) })
    }

    @Test func isOpenAPI31JSONWithInfoServersAndSecurity() throws {
        let (document, _) = try served()
        #expect(document["openapi"] as? String == "3.1.0")
        let info = try #require(document["info"] as? [String: Any])
        #expect(info["title"] as? String == "Otvet")
        #expect(info["version"] as? String != nil)
        let servers = try #require(document["servers"] as? [[String: Any]])
        #expect(servers.first?["url"] as? String == "http://127.0.0.1:8080")
        let components = try #require(document["components"] as? [String: Any])
        let schemes = try #require(components["securitySchemes"] as? [String: [String: Any]])
        #expect(schemes["bearer"]?["scheme"] as? String == "bearer")
        #expect(schemes["cookie"]?["in"] as? String == "cookie")
        #expect(schemes["cookie"]?["name"] as? String == "otvet_session")
        #expect(schemes["csrf"]?["in"] as? String == "header")
        #expect(schemes["csrf"]?["name"] as? String == "X-CSRF-Token")
        let schemas = try #require(components["schemas"] as? [String: Any])
        for name in ["Problem", "Finding", "CheckAnswer", "Message", "MessageCard", "DraftVersion", "HistoryEntry",
                     "TransitionRequest", "DraftInput", "RatingReport", "LanguageToolAnswer"] {
            #expect(schemas[name] != nil, "schema \(name)")
        }
        let problem = try #require(schemas["Problem"] as? [String: Any])
        #expect(Set((problem["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
            == ["type", "title", "status", "detail", "field", "findings"])
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() throws {
        let (document, routes) = try served()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        #expect(routes.count >= 19)
        for route in routes {
            #expect(paths[route.pattern]?[route.method.lowercased()] != nil, "\(route.method) \(route.pattern) is not documented")
        }
        var documented: [(String, String)] = []
        for (path, item) in paths {
            for method in item.keys where methods.contains(method) { documented.append((method.uppercased(), path)) }
        }
        for (method, path) in documented {
            #expect(routes.contains { $0.method == method && $0.pattern == path }, "\(method) \(path) is documented but no route")
        }
        #expect(documented.count == routes.count)
    }

    @Test func operationsDeclareTheirParametersResponsesAndSecurity() throws {
        let (document, routes) = try served()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operationIDs: Set<String> = []
        for route in routes {
            let operation = try #require(paths[route.pattern]?[route.method.lowercased()] as? [String: Any])
            let id = try #require(operation["operationId"] as? String)
            #expect(operationIDs.insert(id).inserted, "operationId \(id) is unique")
            let responses = try #require(operation["responses"] as? [String: Any])
            #expect(responses.keys.contains { ["200", "201", "204", "302"].contains($0) }, "\(route.pattern) has a success")
            #expect(operation["security"] is [Any], "\(route.pattern) says who may call it")
            // Every {name} of the pattern is a required path parameter.
            let names = route.pattern.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            let parameters = operation["parameters"] as? [[String: Any]] ?? []
            for name in names {
                #expect(parameters.contains { $0["name"] as? String == name && $0["in"] as? String == "path" && $0["required"] as? Bool == true },
                        "\(route.pattern) declares {\(name)}")
            }
            // POST routes that read JSON document a body and the errors of reading it.
            if route.method == "POST", route.pattern != "/v1/logout" {
                #expect(operation["requestBody"] != nil, "\(route.pattern) has a request body")
                for status in ["400", "413", "415"] { #expect(responses[status] != nil, "\(route.pattern) documents \(status)") }
            }
        }
        let transition = try #require(paths["/v1/messages/{id}/{action}"]?["post"] as? [String: Any])
        let responses = try #require(transition["responses"] as? [String: Any])
        for status in ["200", "400", "401", "403", "404", "409", "413", "415", "422", "503"] {
            #expect(responses[status] != nil, "the transition documents \(status)")
        }
    }

    @Test func everyReferenceResolves() throws {
        let (document, _) = try served()
        var references: [String] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let ref = object["$ref"] as? String { references.append(ref) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(document)
        #expect(references.count > 50)
        for reference in Set(references) {
            #expect(reference.hasPrefix("#/"))
            var node: Any? = document
            for part in reference.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] }
            #expect(node is [String: Any], "\(reference) resolves")
        }
    }

    @Test func theRequestSchemasCloseWhereTheServerRejectsUnknownFields() throws {
        let validator = try SchemaValidator()
        for name in ["CheckRequest", "LoginRequest", "IncomingMessage", "TransitionRequest", "DraftInput"] {
            #expect(validator.schema(name)["additionalProperties"] as? Bool == false, "\(name) is closed")
        }
        #expect(validator.errors(["text": "Привет"], against: "CheckRequest").isEmpty)
        #expect(!validator.errors(["text": "Привет", "extra": 1], against: "CheckRequest").isEmpty)
        #expect(!validator.errors(["text": 5], against: "CheckRequest").isEmpty)
        #expect(!validator.errors(["message": "x"], against: "CheckRequest").isEmpty)
    }
}
