/// A request with what the route matched.
public struct RouteContext: Sendable {
    public let service: Service
    public let request: HTTPRequest
    /// `{id}` and the like, from the path.
    public let parameters: [String: String]
    /// The route's path pattern, as metrics and the OpenAPI document name it.
    public let route: String
}

/// Method + path pattern (`/v1/messages/{id}/{action}`) → handler.
public struct Router: Sendable {
    public typealias Handler = @Sendable (RouteContext) throws -> HTTPResponse

    public struct Route: Sendable {
        public let method: String
        public let pattern: String
        let segments: [Substring]
        let handler: Handler
    }

    public private(set) var routes: [Route] = []

    public init() {}

    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: pattern, segments: pattern.split(separator: "/"), handler: handler))
    }

    public enum Match {
        case found(Route, [String: String])
        /// The path exists with other methods.
        case wrongMethod(allowed: [String])
        case notFound
    }

    public func match(_ method: String, _ path: String) -> Match {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        var allowed: [String] = []
        for route in routes where route.segments.count == parts.count {
            var parameters: [String: String] = [:]
            let matches = zip(route.segments, parts).allSatisfy { pattern, part in
                if pattern.hasPrefix("{"), pattern.hasSuffix("}") {
                    parameters[String(pattern.dropFirst().dropLast())] = String(part)
                    return true
                }
                return pattern == part
            }
            guard matches else { continue }
            if route.method == method || (method == "HEAD" && route.method == "GET") { return .found(route, parameters) }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .wrongMethod(allowed: allowed)
    }
}
