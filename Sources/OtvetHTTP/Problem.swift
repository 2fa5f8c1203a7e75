import OtvetRules

/// An RFC 9457 problem document: every 4xx and 5xx Otvet answers is one.
public struct Problem: Error, Sendable, Encodable {
    public let type: String
    public let title: String
    public let status: Int
    public let detail: String
    /// The check's findings, when the check refused the step.
    public var findings: [Finding]?
    /// Fields the client sent wrong.
    public var field: String?

    public init(_ status: Int, _ detail: String, field: String? = nil, findings: [Finding]? = nil) {
        self.status = status
        self.detail = detail
        self.field = field
        self.findings = findings
        self.title = Problem.titles[status] ?? "Error"
        self.type = "https://otvet.example/problems/\(Problem.slugs[status] ?? "error")"
    }

    static let titles: [Int: String] = [
        400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        408: "Request Timeout", 409: "Conflict", 413: "Payload Too Large", 415: "Unsupported Media Type",
        422: "Unprocessable Content", 429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable",
    ]

    static let slugs: [Int: String] = [
        400: "bad-request", 401: "unauthorized", 403: "forbidden", 404: "not-found", 405: "method-not-allowed",
        409: "conflict", 413: "too-large", 415: "unsupported-media-type", 422: "unprocessable", 500: "internal",
        503: "unavailable",
    ]

    public var response: HTTPResponse {
        var response = HTTPResponse.json(self, status: status)
        response.headers = [("Content-Type", "application/problem+json; charset=utf-8")]
        return response
    }
}
