// swift-tools-version:6.0
import PackageDescription

/// Layers, each depending only on those above it:
/// C wrappers → OtvetText (analysis) → OtvetRules (rules, policy, score) → OtvetCorpus, OtvetWorkflow (SQLite store) → OtvetHTTP → OtvetCLI → otvet.
let package = Package(
    name: "Otvet",
    products: [
        .library(name: "OtvetText", targets: ["OtvetText"]),
        .library(name: "OtvetRules", targets: ["OtvetRules"]),
        .executable(name: "otvet", targets: ["otvet"]),
    ],
    targets: [
        // System ICU, hidden behind a header that uses only stdint types,
        // because Foundation ships its own ICU and the two clash in one Swift file.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        .systemLibrary(name: "CYAML", path: "Sources/CYAML"),
        .systemLibrary(name: "CHunspell", path: "Sources/CHunspell"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // libmicrohttpd behind a non-variadic C interface that gathers whole requests.
        .target(name: "CHTTPServer", linkerSettings: [.linkedLibrary("microhttpd")]),
        .systemLibrary(name: "CSodium", path: "Sources/CSodium"),
        .target(name: "OtvetText", dependencies: ["CICU", "CStemmer"]),
        .target(name: "OtvetRules", dependencies: ["OtvetText", "CYAML", "CHunspell"]),
        .target(name: "OtvetCorpus", dependencies: ["OtvetRules"]),
        .target(name: "OtvetWorkflow", dependencies: ["OtvetRules", "CSQLite", "CSodium"]),
        .target(name: "OtvetHTTP", dependencies: ["OtvetRules", "OtvetCorpus", "OtvetWorkflow", "CHTTPServer"],
                resources: [.copy("Web")]),
        .target(name: "OtvetCLI", dependencies: ["OtvetText", "OtvetRules", "OtvetCorpus", "OtvetWorkflow", "OtvetHTTP"]),
        .executableTarget(name: "otvet", dependencies: ["OtvetCLI"]),
        .testTarget(name: "OtvetTextTests", dependencies: ["OtvetText"]),
        .testTarget(name: "OtvetRulesTests", dependencies: ["OtvetRules"]),
        .testTarget(name: "OtvetCorpusTests", dependencies: ["OtvetCorpus"]),
        .testTarget(name: "OtvetWorkflowTests", dependencies: ["OtvetWorkflow"]),
        .testTarget(name: "OtvetHTTPTests", dependencies: ["OtvetHTTP"]),
        .testTarget(name: "OtvetCLITests", dependencies: ["OtvetCLI", "OtvetWorkflow", "OtvetRules", "OtvetText"]),
    ]
)
