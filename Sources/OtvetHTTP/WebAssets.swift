import Foundation

/// The web cabinet's files (HTML, CSS, JavaScript), served from the
/// package's resources: no build step, nothing from the network.
enum WebAssets {
    static let directory: URL? = Bundle.module.url(forResource: "Web", withExtension: nil)

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "ico": "image/x-icon", "json": "application/json; charset=utf-8",
    ]

    /// A file of the cabinet; names are plain (letters, digits, `.`, `-`, `_`), so no path leaves the folder.
    static func file(_ parts: [String]) throws(Problem) -> HTTPResponse {
        guard let directory else { throw Problem(503, "the web cabinet's files are not installed with this build") }
        for part in parts {
            guard !part.isEmpty, !part.hasPrefix("."),
                  part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw Problem(404, "no file \(parts.joined(separator: "/"))")
            }
        }
        let url = parts.reduce(directory) { $0.appendingPathComponent($1) }
        guard let type = types[url.pathExtension.lowercased()], let data = FileManager.default.contents(atPath: url.path) else {
            throw Problem(404, "no file \(parts.joined(separator: "/"))")
        }
        return HTTPResponse(status: 200, headers: [
            ("Content-Type", type), ("Cache-Control", "no-cache"),
            ("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"),
        ], body: Array(data))
    }

    static func redirect(_ location: String) -> HTTPResponse {
        HTTPResponse(status: 302, headers: [("Location", location)])
    }

    static func app(_ context: RouteContext) throws -> HTTPResponse {
        context.request.path.hasSuffix("/") ? try file(["index.html"]) : redirect("/app/")
    }

    static func appFile(_ context: RouteContext) throws -> HTTPResponse {
        try file([context.parameters["dir"], context.parameters["file"]].compactMap { $0 })
    }

    static func publicCheck(_ context: RouteContext) throws -> HTTPResponse {
        guard context.service.settings.publicCheckPage else { throw Problem(404, "the public check page is switched off on this server") }
        return try file(["check.html"])
    }
}
