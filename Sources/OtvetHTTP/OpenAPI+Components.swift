import OtvetRules
import OtvetWorkflow

/// The schemas of the OpenAPI document. Property names are the ones the
/// Swift encoders write (`JSONEncoder`, optionals left out when nil);
/// `Timestamp` is an ISO-8601 UTC string.
extension OpenAPI {
    static var components: JSON {
        [
            "securitySchemes": [
                "bearer": ["type": "http", "scheme": "bearer",
                           "description": "A session token from `POST /v1/login`, or an API token from `POST /v1/tokens`"],
                "cookie": ["type": "apiKey", "in": "cookie", "name": "otvet_session",
                           "description": "The session cookie `POST /v1/login` sets (HttpOnly, SameSite=Strict)"],
                "csrf": ["type": "apiKey", "in": "header", "name": "X-CSRF-Token",
                         "description": "The `csrf` of the login answer; required with the cookie on anything but GET and HEAD"],
            ] as JSON,
            "responses": problemResponses,
            "schemas": schemas,
        ]
    }

    static let problemTitles: [Int: String] = [
        400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 405: "MethodNotAllowed",
        409: "Conflict", 413: "PayloadTooLarge", 415: "UnsupportedMediaType", 422: "UnprocessableContent",
        503: "ServiceUnavailable",
    ]

    static func problemResponseName(_ status: Int) -> String { problemTitles[status] ?? "Problem\(status)" }

    static var problemResponses: JSON {
        let descriptions: [Int: String] = [
            400: "The request is malformed: not JSON, not UTF-8, an unknown field (named in `field`), a missing or mistyped field",
            401: "No token, or an unknown or expired one",
            403: "The active role may not do this, or a cookie request lacks its X-CSRF-Token",
            404: "Nothing here, or nothing the user may see",
            405: "The path exists with other methods (listed in `Allow`)",
            409: "The message is in another state, or changed since `expectedVersion`",
            413: "The body is over the server's limit",
            415: "The body is not of the media type the route reads",
            422: "The request is understood but refused: an unknown value, a missing reason, or the check's `findings`",
            503: "Over the connection limit, or the workflow database is unavailable",
        ]
        var responses: JSON = [:]
        for (status, name) in problemTitles {
            var response: JSON = ["description": descriptions[status] ?? name,
                                  "content": ["application/problem+json": ["schema": ref("Problem")]]]
            if status == 405 {
                response["headers"] = ["Allow": ["description": "The methods the path has", "schema": ["type": "string"]]]
            }
            responses[name] = response
        }
        return responses
    }

    // MARK: Schemas

    static var timestamp: JSON { ["type": "string", "format": "date-time", "description": "ISO-8601 UTC, like 2021-07-18T17:34:00Z"] }
    static var integer: JSON { ["type": "integer"] }
    static var number: JSON { ["type": "number"] }
    static var string: JSON { ["type": "string"] }
    static var boolean: JSON { ["type": "boolean"] }

    static func array(_ items: JSON) -> JSON { ["type": "array", "items": items] }
    static func enumeration(_ values: [String]) -> JSON { ["type": "string", "enum": values] }

    /// An object with exactly these properties: the server writes no others, or (in request bodies) rejects them.
    static func closedObject(_ properties: JSON, required: [String] = []) -> JSON {
        ["type": "object", "properties": properties, "required": required, "additionalProperties": false]
    }

    static var schemas: JSON {
        [
            "Problem": closedObject([
                "type": string, "title": string, "status": integer, "detail": string,
                "field": ["type": "string", "description": "The request field at fault"],
                "findings": ["type": "array", "items": ref("Finding"), "description": "The findings that block the step"],
            ], required: ["type", "title", "status", "detail"]),
            "Severity": enumeration(Severity.allCases.map(\.rawValue)),
            "Verdict": enumeration(["pass", "fail"]),
            "AnswerType": enumeration(AnswerType.allCases.map(\.rawValue)),
            "Role": enumeration(Role.allCases.map(\.rawValue)),
            "MessageState": enumeration(MessageState.allCases.map(\.rawValue)),
            "Folder": enumeration(Folder.allCases.map(\.rawValue)),
            "Finding": closedObject([
                "rule": string, "severity": ref("Severity"), "message": string,
                "match": ["type": "string", "description": "The matched text, as written"],
                "offset": ["type": "integer", "description": "UTF-16 code units from the start of the text"],
                "length": ["type": "integer", "description": "UTF-16 code units"],
                "line": ["type": "integer", "description": "1-based"],
                "column": ["type": "integer", "description": "1-based, in UTF-16 code units"],
                "replacements": array(string),
            ], required: ["rule", "severity", "message", "match", "offset", "length", "line", "column", "replacements"]),
            "CheckRequest": closedObject([
                "text": ["type": "string", "description": "The draft answer"],
                "message": ["type": "string", "description": "The citizen's message, for the rules that compare with it"],
                "type": ref("AnswerType"),
                "policy": ["type": "string", "description": "A policy in YAML, instead of the server's"],
            ], required: ["text"]),
            "CheckAnswer": closedObject([
                "score": ["type": "number", "minimum": 0, "maximum": 10], "verdict": ref("Verdict"), "passMark": number,
                "findings": array(ref("Finding")),
            ], required: ["score", "verdict", "passMark", "findings"]),
            "RuleSummary": closedObject(
                ["id": string, "name": string, "kind": string, "severity": ref("Severity"), "summary": string],
                required: ["id", "name", "kind", "severity", "summary"]),
            "RuleDetail": closedObject([
                "id": string, "name": string, "kind": string, "severity": ref("Severity"), "summary": string,
                "message": string, "explanation": string,
                "settings": ["type": "object", "additionalProperties": number],
                "examples": array(closedObject([
                    "expectation": enumeration(["bad", "good"]), "text": string,
                    "spans": array(closedObject(["offset": integer, "length": integer], required: ["offset", "length"])),
                ], required: ["expectation", "text", "spans"])),
            ], required: ["id", "name", "kind", "severity", "summary", "message", "explanation", "settings", "examples"]),
            "Health": closedObject([
                "status": enumeration(["ok", "degraded"]), "rules": integer,
                "database": ["type": "string", "enum": ["ok", "unavailable"], "description": "Absent without a workflow database"],
            ], required: ["status", "rules"]),
        ].merging(languageToolSchemas) { $1 }.merging(authSchemas) { $1 }.merging(workflowSchemas) { $1 }
    }

    static var languageToolSchemas: JSON {
        [
            "LanguageToolCheckForm": [
                "type": "object",
                "description": "Other LanguageTool fields (motherTongue, enabledCategories, level…) are accepted and ignored.",
                "properties": [
                    "language": ["type": "string", "description": "ru-RU, ru or auto"],
                    "text": string,
                    "data": ["type": "string", "description": "Annotated text as JSON; offsets in the answer count in the original"],
                    "enabledRules": string, "disabledRules": string,
                    "enabledOnly": enumeration(["true", "false"]), "disabledCategories": string,
                ] as JSON,
                "required": ["language"],
            ] as JSON,
            "LanguageToolLanguage": closedObject(["name": string, "code": string, "longCode": string],
                                                 required: ["name", "code", "longCode"]),
            "LanguageToolAnswer": closedObject([
                "software": closedObject([
                    "name": string, "version": string, "buildDate": string, "apiVersion": integer, "premium": boolean,
                    "status": string,
                ], required: ["name", "version", "buildDate", "apiVersion", "premium", "status"]),
                "warnings": closedObject(["incompleteResults": boolean], required: ["incompleteResults"]),
                "language": closedObject([
                    "name": string, "code": string,
                    "detectedLanguage": closedObject(["name": string, "code": string, "confidence": number],
                                                     required: ["name", "code", "confidence"]),
                ], required: ["name", "code", "detectedLanguage"]),
                "matches": array(ref("LanguageToolMatch")),
            ], required: ["software", "warnings", "language", "matches"]),
            "LanguageToolMatch": closedObject([
                "message": string, "shortMessage": string,
                "replacements": array(closedObject(["value": string], required: ["value"])),
                "offset": ["type": "integer", "description": "UTF-16 code units in the original text (or data)"],
                "length": integer,
                "context": closedObject(["text": string, "offset": integer, "length": integer], required: ["text", "offset", "length"]),
                "sentence": string,
                "type": closedObject(["typeName": enumeration(["UnknownWord", "Other"])], required: ["typeName"]),
                "rule": closedObject([
                    "id": string, "description": string, "issueType": string,
                    "category": closedObject(["id": enumeration(["TYPOS", "STYLE", "COURTESY", "CONTENT"]), "name": string],
                                             required: ["id", "name"]),
                ], required: ["id", "description", "issueType", "category"]),
                "ignoreForIncompleteSentence": boolean, "contextForSureMatch": integer,
            ], required: ["message", "shortMessage", "replacements", "offset", "length", "context", "sentence", "type", "rule",
                          "ignoreForIncompleteSentence", "contextForSureMatch"]),
        ]
    }

    static var authSchemas: JSON {
        [
            "Organisation": closedObject(["id": integer, "name": string, "parentID": integer], required: ["id", "name"]),
            "User": closedObject([
                "id": integer, "login": string, "name": string, "roles": array(ref("Role")), "organisation": ref("Organisation"),
            ], required: ["id", "login", "name", "roles"]),
            "LoginRequest": closedObject([
                "login": string, "password": string,
                "role": ["$ref": "#/components/schemas/Role", "description": "The role to act in (default: the user's first)"],
            ], required: ["login", "password"]),
            "LoginAnswer": closedObject([
                "token": ["type": "string", "description": "Send as `Authorization: Bearer <token>`; shown once"],
                "csrf": ["type": "string", "description": "Send as `X-CSRF-Token` with the cookie"],
                "expiresAt": timestamp, "role": ref("Role"), "user": ref("User"),
            ], required: ["token", "csrf", "role", "user"]),
            "MeAnswer": closedObject([
                "user": ref("User"), "activeRole": ref("Role"),
                "csrf": ["type": "string", "description": "Absent for API tokens"],
            ], required: ["user", "activeRole"]),
            "TokenAnswer": closedObject(["token": string, "name": string], required: ["token", "name"]),
        ]
    }

    static var workflowSchemas: JSON {
        let applicant: JSON = ["type": "object", "properties": ["name": string, "address": string, "email": string, "phone": string]]
        let attachment: JSON = ["type": "object", "properties": ["name": string, "size": integer, "type": string], "required": ["name"]]
        return [
            "Applicant": applicant,
            "Attachment": attachment,
            "MessageSource": enumeration(MessageSource.allCases.map(\.rawValue)),
            "IncomingMessage": closedObject([
                "number": ["type": "string", "maxLength": 64, "description": "The platform's number"],
                "organisationID": ["type": "integer", "description": "Default: the user's organisation (the only one allowed)"],
                "categoryID": integer, "subcategoryID": integer,
                "text": ["type": "string", "description": "Up to 64 KiB of UTF-8"],
                "applicant": ref("Applicant"), "region": string, "problemAddress": string,
                "attachments": array(ref("Attachment")), "receivedAt": timestamp, "fastTrack": boolean,
                "source": ref("MessageSource"),
            ], required: ["number", "text"]),
            "Message": closedObject([
                "id": integer, "number": string, "organisationID": integer, "categoryID": integer, "subcategoryID": integer,
                "text": string, "applicant": ref("Applicant"), "region": string, "problemAddress": string,
                "attachments": array(ref("Attachment")), "receivedAt": timestamp, "deadline": timestamp,
                "fastTrack": boolean, "source": ref("MessageSource"), "repeatCount": integer, "state": ref("MessageState"),
                "executorID": integer, "headID": ["type": "integer", "description": "The head the approval was handed to"],
                "redirectTo": string, "answeredAt": timestamp,
                "version": ["type": "integer", "description": "Raised by every step; send it back as `expectedVersion`"],
            ], required: ["id", "number", "organisationID", "text", "applicant", "attachments", "receivedAt", "deadline",
                          "fastTrack", "source", "repeatCount", "state", "version"]),
            "FolderAnswer": closedObject([
                "folder": ref("Folder"),
                "counts": ["type": "object", "additionalProperties": integer, "description": "Messages in every folder"],
                "messages": array(closedObject(["message": ref("Message"), "overdue": boolean], required: ["message", "overdue"])),
            ], required: ["folder", "counts", "messages"]),
            "DraftVersion": closedObject([
                "id": integer, "messageID": integer, "version": integer, "authorID": integer, "type": ref("AnswerType"),
                "text": string, "signerPosition": string, "signerName": string, "comment": string, "templateID": integer,
                "createdAt": timestamp, "score": number, "verdict": ref("Verdict"), "findings": array(ref("Finding")),
            ], required: ["id", "messageID", "version", "authorID", "type", "text", "signerPosition", "signerName",
                          "createdAt", "score", "verdict", "findings"]),
            "HistoryEntry": closedObject([
                "id": integer, "messageID": integer, "at": timestamp, "actorID": integer, "role": ref("Role"),
                "action": ["type": "string", "description": "`receive`, or one of the transition actions"],
                "comment": string, "draftVersion": integer, "fromState": ref("MessageState"), "toState": ref("MessageState"),
                "overrideReason": ["type": "string", "description": "A head's reason for approving past the check"],
            ], required: ["id", "messageID", "at", "action", "fromState", "toState"]),
            "MessageCard": closedObject([
                "message": ref("Message"), "overdue": boolean, "drafts": array(ref("DraftVersion")),
                "history": array(ref("HistoryEntry")),
            ], required: ["message", "overdue", "drafts", "history"]),
            "DraftInput": closedObject([
                "type": ref("AnswerType"), "text": string, "signerPosition": string, "signerName": string,
                "comment": string, "templateID": integer,
            ], required: ["type", "text", "signerPosition", "signerName"]),
            "TransitionRequest": closedObject([
                "comment": ["type": "string", "description": "Required by escalate, return, reject and reject-redirect"],
                "executorID": ["type": "integer", "description": "assign: an executor of the organisation"],
                "organisationID": ["type": "integer", "description": "assign-org: a subordinate organisation"],
                "redirectTo": ["type": "string", "description": "redirect: the organisation's name"],
                "headID": ["type": "integer", "description": "delegate: another head"],
                "draft": ref("DraftInput"),
                "overrideReason": ["type": "string", "description": "approve past a failing check"],
                "expectedVersion": ["type": "integer", "description": "The message's version the client saw; another is a 409"],
            ]),
            "TransitionOutcome": closedObject([
                "message": ref("Message"), "draft": ref("DraftVersion"), "entry": ref("HistoryEntry"),
            ], required: ["message", "entry"]),
            "RatingRow": closedObject([
                "organisationID": integer, "organisation": string, "executorID": integer, "executor": string,
                "received": integer, "answered": integer, "answeredShare": ["type": "number", "minimum": 0, "maximum": 1],
                "band": enumeration(["80–100 %", "50–79 %", "0–49 %"]), "overdue": integer, "redirected": integer,
                "returned": integer, "overridden": integer, "averageScore": number,
                "topFindings": array(closedObject(["rule": string, "count": integer], required: ["rule", "count"])),
            ], required: ["organisationID", "organisation", "received", "answered", "answeredShare", "band", "overdue",
                          "redirected", "returned", "overridden", "topFindings"]),
            "RatingReport": closedObject([
                "from": timestamp, "to": timestamp, "organisations": array(ref("RatingRow")),
                "executors": array(ref("RatingRow")),
            ], required: ["from", "to", "organisations", "executors"]),
        ]
    }
}
