extension Service {
    /// Checks a bearer token for the check APIs (accounts are the workflow's).
    func authenticateCheck(_ request: HTTPRequest) throws(Problem) {
        throw Problem(401, "this server has no accounts yet; checks are open on loopback only")
    }
}
