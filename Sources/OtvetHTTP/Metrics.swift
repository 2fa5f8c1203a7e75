import Synchronization

/// Prometheus counters and a latency histogram, in the text exposition format.
public final class Metrics: Sendable {
    private struct State {
        var requests: [String: Int] = [:]          // "route|method|status"
        var latency = [Int](repeating: 0, count: Metrics.buckets.count + 1)
        var latencySum = 0.0
        var latencyCount = 0
        var checks = 0
        var findings: [String: Int] = [:]
    }

    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
    private let state = Mutex(State())

    public init() {}

    public func record(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests["\(route)|\(method)|\(status)", default: 0] += 1
            let bucket = Metrics.buckets.firstIndex { seconds <= $0 } ?? Metrics.buckets.count
            state.latency[bucket] += 1
            state.latencySum += seconds
            state.latencyCount += 1
        }
    }

    public func recordCheck(rules: [String]) {
        state.withLock { state in
            state.checks += 1
            for rule in rules { state.findings[rule, default: 0] += 1 }
        }
    }

    public var text: String {
        state.withLock { state in
            var out = "# HELP otvet_http_requests_total HTTP requests by route, method and status.\n"
            out += "# TYPE otvet_http_requests_total counter\n"
            for (key, count) in state.requests.sorted(by: { $0.key < $1.key }) {
                let parts = key.split(separator: "|", omittingEmptySubsequences: false)
                out += "otvet_http_requests_total{route=\"\(parts[0])\",method=\"\(parts[1])\",status=\"\(parts[2])\"} \(count)\n"
            }
            out += "# HELP otvet_http_request_duration_seconds Request latency.\n"
            out += "# TYPE otvet_http_request_duration_seconds histogram\n"
            var cumulative = 0
            for (index, bound) in Metrics.buckets.enumerated() {
                cumulative += state.latency[index]
                out += "otvet_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
            }
            cumulative += state.latency[Metrics.buckets.count]
            out += "otvet_http_request_duration_seconds_bucket{le=\"+Inf\"} \(cumulative)\n"
            out += "otvet_http_request_duration_seconds_sum \(state.latencySum)\n"
            out += "otvet_http_request_duration_seconds_count \(state.latencyCount)\n"
            out += "# HELP otvet_checks_total Drafts checked.\n# TYPE otvet_checks_total counter\n"
            out += "otvet_checks_total \(state.checks)\n"
            out += "# HELP otvet_findings_total Findings by rule.\n# TYPE otvet_findings_total counter\n"
            for (rule, count) in state.findings.sorted(by: { $0.key < $1.key }) {
                out += "otvet_findings_total{rule=\"\(rule)\"} \(count)\n"
            }
            return out
        }
    }
}
