import Foundation
import OtvetCorpus
import OtvetRules
import OtvetWorkflow
import Synchronization

/// The Otvet HTTP service: routes, problem documents for every failure, an
/// access log line and metrics for every request. Runs on libmicrohttpd's
/// worker threads; everything it holds is Sendable.
public final class Service: RequestHandler {
    public struct Settings: Sendable {
        /// Whether `/v1/check` and `/v2/check` answer without a token.
        public enum CheckAccess: String, Sendable {
            /// Open to loopback clients, token elsewhere (the default).
            case loopback
            case open
            case token
        }

        public var checkAccess: CheckAccess = .loopback
        /// Whether `/check`, the public check page, is served.
        public var publicCheckPage = true
        /// Where access log lines go (one JSON object a line).
        public var log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }

        public init() {}
    }

    public let pack: RulePack
    public let policy: Policy
    public let workflow: Workflow?
    /// The trainers' corpus, when the server was given one.
    public let corpus: [CorpusCase]?
    public let metrics = Metrics()
    /// The corpus with its agreement: pack, policy and corpus never change while serving, so it is checked once.
    private let corpusSummary = Mutex<HTTPResponse?>(nil)
    let settings: Settings
    let router: Router

    public init(pack: RulePack, policy: Policy = .standard, workflow: Workflow? = nil, corpus: [CorpusCase]? = nil,
                settings: Settings = Settings()) {
        self.pack = pack
        self.policy = policy
        self.workflow = workflow
        self.corpus = corpus
        self.settings = settings
        router = Routes.build()
    }

    public var routes: [Router.Route] { router.routes }

    func cachedCorpusSummary(_ make: () throws -> HTTPResponse) throws -> HTTPResponse {
        if let cached = corpusSummary.withLock({ $0 }) { return cached }
        let made = try make()
        corpusSummary.withLock { $0 = made }
        return made
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let start = ContinuousClock.now
        var routeName = "unmatched"
        var response: HTTPResponse
        do {
            switch router.match(request.method, request.path) {
            case .found(let route, let parameters):
                routeName = route.pattern
                response = try route.handler(RouteContext(service: self, request: request, parameters: parameters,
                                                          route: route.pattern))
            case .wrongMethod(let allowed):
                response = Problem(405, "\(request.method) is not allowed here; use \(allowed.joined(separator: ", "))").response
                    .adding("Allow", allowed.joined(separator: ", "))
            case .notFound:
                response = Problem(404, "no route \(request.path)").response
            }
        } catch let problem as Problem {
            response = problem.response
        } catch let error as WorkflowError {
            response = Self.problem(for: error).response
        } catch {
            settings.log(#"{"level":"error","error":\#(Self.quoted(String(describing: error)))}"#)
            response = Problem(500, "the server failed to answer; the error is logged").response
        }
        // HEAD keeps the body: libmicrohttpd sends its Content-Length but not the body (RFC 9110 §9.3.2).
        response = Self.secured(response)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // The method is the client's text: a metrics label only from a known set, and quoted in the log.
        let method = Self.knownMethods.contains(request.method) ? request.method : "OTHER"
        metrics.record(route: routeName, method: method, status: response.status, seconds: seconds)
        settings.log(#"{"time":"\#(Timestamp.now)","method":\#(Self.quoted(request.method)),"path":\#(Self.quoted(request.path)),"route":"\#(routeName)","status":\#(response.status),"duration_ms":\#(String(format: "%.2f", seconds * 1000)),"remote":"\#(request.remoteAddress)"}"#)
        return response
    }

    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"]

    /// Headers every answer carries.
    static func secured(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        response.headers.append(("X-Content-Type-Options", "nosniff"))
        if response.header("Cache-Control") == nil { response.headers.append(("Cache-Control", "no-store")) }
        return response
    }

    static func problem(for error: WorkflowError) -> Problem {
        switch error {
        case .invalid(let text): Problem(422, text)
        case .forbidden(let text): Problem(403, text)
        case .notFound(let text): Problem(404, text)
        case .conflict(let text): Problem(409, text)
        case .blockedByCheck(let text, let findings): Problem(422, text, findings: findings)
        }
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
