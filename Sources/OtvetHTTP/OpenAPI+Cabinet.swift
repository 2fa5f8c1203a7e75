import OtvetWorkflow

/// The paths the web cabinet adds: its files, the lists its dialogs show, and the trainers' corpus.
extension OpenAPI {
    static var cabinetPaths: JSON {
        let html: JSON = ["description": "The page", "content": ["text/html": ["schema": ["type": "string"]]]]
        let object: JSON = ["type": "object"]
        let caseID = pathParameter("id", "The case's id (its file name)", ["type": "string"])
        return [
            "/": ["get": operation("home", tag: "cabinet", summary: "Redirects to the cabinet", security: .none,
                                   responses: ["302": ["description": "To /app/"]])],
            "/app": ["get": operation("cabinet", tag: "cabinet", summary: "The web cabinet (`/app/`); `/app` redirects there",
                                      security: .none, responses: ["200": html, "302": ["description": "To /app/"]], problems: [404])],
            "/app/{file}": ["get": operation(
                "cabinetFile", tag: "cabinet", summary: "A file of the cabinet (HTML, CSS, JavaScript)", security: .none,
                parameters: [pathParameter("file", "The file name", ["type": "string"])],
                responses: ["200": ["description": "The file", "content": ["*/*": ["schema": ["type": "string"]]]]], problems: [404])],
            "/app/{dir}/{file}": ["get": operation(
                "cabinetNestedFile", tag: "cabinet", summary: "A file in a folder of the cabinet", security: .none,
                parameters: [pathParameter("dir", "The folder", ["type": "string"]), pathParameter("file", "The file name", ["type": "string"])],
                responses: ["200": ["description": "The file", "content": ["*/*": ["schema": ["type": "string"]]]]], problems: [404])],
            "/check": ["get": operation(
                "publicCheckPage", tag: "cabinet", summary: "The public check page: the editor, without signing in",
                description: "Served unless the server was started with `--public-check off`.", security: .none,
                responses: ["200": html], problems: [404])],
            "/v1/users": ["get": operation(
                "listUsers", tag: "workflow", summary: "Active users of the caller's organisation, for the assign and delegate dialogs",
                security: .reading, parameters: [queryParameter("role", "Only users with this role",
                                                                ["type": "string", "enum": Role.allCases.map(\.rawValue)])],
                responses: ["200": jsonResponse("The users", ["type": "array", "items": [
                    "type": "object", "required": ["id", "login", "name", "roles"],
                    "properties": ["id": ["type": "integer"], "login": ["type": "string"], "name": ["type": "string"],
                                   "roles": ["type": "array", "items": ["type": "string"]]]] as JSON])],
                problems: [400, 401])],
            "/v1/organisations": ["get": operation(
                "listOrganisations", tag: "workflow",
                summary: "The caller's organisation, its higher organisation and its subordinates (where a message may be passed)",
                security: .reading, responses: ["200": jsonResponse("The organisations", ["type": "array", "items": [
                    "type": "object", "required": ["id", "name"],
                    "properties": ["id": ["type": "integer"], "name": ["type": "string"], "parentID": ["type": "integer"]]] as JSON])],
                problems: [401])],
            "/v1/templates": [
                "get": operation(
                    "listTemplates", tag: "workflow", summary: "Answer templates of the caller's organisation, with their checks",
                    security: .reading, responses: ["200": jsonResponse("The templates", ["type": "array", "items": object])],
                    problems: [401]),
                "post": operation(
                    "saveTemplate", tag: "workflow",
                    summary: "Save a template (an administrator); it is checked when saved and keeps its findings",
                    security: .signedIn,
                    body: jsonBody(["type": "object", "required": ["name", "text"], "additionalProperties": false,
                                    "properties": ["name": ["type": "string"], "text": ["type": "string"]]]),
                    responses: ["201": jsonResponse("The saved template with its score, verdict and findings", object)],
                    problems: [400, 401, 403, 413, 415, 422]),
            ],
            "/v1/categories": ["get": operation(
                "listCategories", tag: "workflow", summary: "Categories and subcategories of the caller's organisation",
                security: .reading, responses: ["200": jsonResponse("The categories", ["type": "array", "items": object])],
                problems: [401])],
            "/v1/corpus": ["get": operation(
                "listCorpus", tag: "corpus", summary: "The trainers' corpus: every case with the linter's score, verdict and agreement",
                security: .reading, responses: ["200": jsonResponse("The cases", ["type": "array", "items": object])],
                problems: [401, 404])],
            "/v1/corpus/{id}": ["get": operation(
                "getCorpusCase", tag: "corpus", summary: "One case: the message, the answer, the trainer's reasons and the check",
                security: .reading, parameters: [caseID], responses: ["200": jsonResponse("The case", object)], problems: [401, 404])],
            "/v1/corpus/{id}/score": ["post": operation(
                "scoreTraineeAnswer", tag: "corpus", summary: "Score a trainee's answer to a case (checked with the case's message and type)",
                security: .signedIn, parameters: [caseID],
                body: jsonBody(["type": "object", "required": ["answer"], "additionalProperties": false,
                                "properties": ["answer": ["type": "string"]]]),
                responses: ["200": jsonResponse("The check", ref("CheckAnswer"))], problems: [400, 401, 404, 413, 415])],
        ]
    }
}
