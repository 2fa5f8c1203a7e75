import Foundation
import Synchronization
import Testing
@testable import OtvetHTTP
@testable import OtvetWorkflow

@Suite("Auth and workflow API") struct AuthAndWorkflowAPITests {
    let validator: SchemaValidator

    init() throws { validator = try SchemaValidator() }

    func expectValid(_ answer: HTTPResult, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(answer.json.map { validator.errors($0, against: schema) } == [], "\(answer)", sourceLocation: sourceLocation)
    }

    // MARK: Sessions

    @Test func loginGivesATokenAndAStrictHttpOnlyCookie() throws {
        let world = try WorkflowWorld()
        let session = try world.login("executor")
        expectValid(session.answer, "LoginAnswer")
        #expect(session.token.utf8.count == 64)
        #expect(session.answer.object["role"] as? String == "executor")
        #expect(session.answer.object["expiresAt"] as? String == "2021-07-19T05:34:00Z", "12 hours")
        let user = try #require(session.answer.object["user"] as? [String: Any])
        #expect(user["login"] as? String == "executor")
        #expect((user["organisation"] as? [String: Any])?["name"] as? String == "Администрация Калининского района")
        let cookie = try #require(session.answer.header("Set-Cookie"))
        let attributes = cookie.components(separatedBy: "; ")
        #expect(attributes.first == "otvet_session=\(session.token)")
        #expect(attributes.contains("HttpOnly"))
        #expect(attributes.contains("SameSite=Strict"))
        #expect(attributes.contains("Path=/"))
        #expect(attributes.contains("Max-Age=43200"))

        let me = try world.client.bearer(session.token).get("/v1/me")
        #expect(me.status == 200)
        expectValid(me, "MeAnswer")
        #expect(me.object["activeRole"] as? String == "executor")
        #expect(me.object["csrf"] as? String == session.csrf)
        #expect(((me.object["user"] as? [String: Any])?["roles"] as? [String]) == ["executor"])
    }

    /// The assign-org dialog lists where a message may go: own, higher and subordinate organisations, never a foreign one.
    @Test func organisationsListStaysWithinTheHierarchy() throws {
        let world = try WorkflowWorld()
        let session = try world.login("coordinator")
        let answer = try world.client.bearer(session.token).get("/v1/organisations")
        #expect(answer.status == 200)
        let names = Set(answer.array.compactMap { $0["name"] as? String })
        #expect(names == ["Правительство Тверской области", "Администрация Калининского района", "МКУ «Калининское ЖКХ»"])
        #expect(!names.contains(world.foreign.name))
        #expect(try world.client.get("/v1/organisations").status == 401)
    }

    /// Templates are saved by an administrator, checked when saved, and listed for the organisation.
    @Test func anAdministratorSavesACheckedTemplate() throws {
        let world = try WorkflowWorld()
        let admin = try world.login("admin")
        let text = "В настоящее время работы ведутся."
        let saved = try world.client.bearer(admin.token).post("/v1/templates", json: ["name": "Работы", "text": text])
        #expect(saved.status == 201, "\(saved)")
        #expect(saved.object["verdict"] as? String == "fail")
        #expect((saved.object["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "bureaucratese" } == true)
        let listed = try world.client.bearer(admin.token).get("/v1/templates")
        #expect(listed.array.map { $0["name"] as? String } == ["Работы"])
        let executor = try world.login("executor")
        #expect(try world.client.bearer(executor.token).post("/v1/templates", json: ["name": "X", "text": text]).status == 403)
        #expect(try world.client.bearer(admin.token).post("/v1/templates", json: ["name": "X"]).status == 400)
    }

    @Test func wrongCredentialsAndMalformedLogins() throws {
        let world = try WorkflowWorld()
        let wrong = try world.client.post("/v1/login", json: ["login": "executor", "password": "nope"])
        #expect(wrong.status == 401)
        #expect(wrong.isProblem)
        #expect(wrong.header("Set-Cookie") == nil)
        let unknown = try world.client.post("/v1/login", json: ["login": "nobody", "password": "nope"])
        #expect(unknown.status == 401)
        #expect(unknown.object["detail"] as? String == wrong.object["detail"] as? String, "no hint which one was wrong")
        let missing = try world.client.post("/v1/login", json: ["login": "executor"])
        #expect(missing.status == 400)
        #expect(missing.object["field"] as? String == "password")
        let role = try world.client.post("/v1/login", json: ["login": "executor", "password": "secret-executor", "role": "king"])
        #expect(role.status == 422)
        #expect(role.object["field"] as? String == "role")
        let extra = try world.client.post("/v1/login", json: ["login": "executor", "password": "secret-executor", "remember": true])
        #expect(extra.status == 400)
        #expect(extra.object["field"] as? String == "remember")
        #expect(try world.client.get("/v1/me").status == 401)
        #expect(try world.client.bearer(String(repeating: "a", count: 64)).get("/v1/me").status == 401)
        #expect(try world.client.with("Authorization", "Basic eDp5").get("/v1/me").status == 401)
    }

    @Test func aUserSwitchesBetweenTheirRoles() throws {
        let world = try WorkflowWorld()
        let session = try world.login("multi", role: .executor)
        let client = world.client.bearer(session.token)
        #expect(try client.get("/v1/me").object["activeRole"] as? String == "executor")
        let switched = try client.post("/v1/me/role", json: ["role": "head"])
        #expect(switched.status == 200, "\(switched)")
        expectValid(switched, "MeAnswer")
        #expect(switched.object["activeRole"] as? String == "head")
        #expect(try client.get("/v1/me").object["activeRole"] as? String == "head")
        let notHeld = try client.post("/v1/me/role", json: ["role": "admin"])
        #expect(notHeld.status == 403)
        #expect(try client.get("/v1/me").object["activeRole"] as? String == "head")
        #expect(try client.post("/v1/me/role", json: ["role": "king"]).status == 422)
        #expect(try client.post("/v1/me/role", json: [:] as [String: Any]).status == 400)
        // Signing in straight into a role the user does not hold is refused.
        #expect(try world.client.post("/v1/login", json: ["login": "executor", "password": "secret-executor", "role": "head"]).status == 401)
    }

    @Test func logoutEndsTheToken() throws {
        let world = try WorkflowWorld()
        let session = try world.login("coordinator")
        let client = world.client.bearer(session.token)
        #expect(try client.get("/v1/me").status == 200)
        let out = try client.request("POST", "/v1/logout")
        #expect(out.status == 204)
        #expect(out.body.isEmpty)
        #expect(out.header("Set-Cookie")?.hasPrefix("otvet_session=;") == true)
        #expect(out.header("Set-Cookie")?.contains("Max-Age=0") == true)
        let after = try client.get("/v1/me")
        #expect(after.status == 401)
        #expect(after.isProblem)
        #expect(try world.client.with("Cookie", session.cookie).get("/v1/me").status == 401)
        #expect(try client.request("POST", "/v1/logout").status == 401)
    }

    @Test func theCookieNeedsTheCSRFTokenForChangesAndBearerDoesNot() throws {
        let world = try WorkflowWorld()
        let session = try world.login("multi", role: .executor)
        let browser = world.client.with("Cookie", "theme=dark; \(session.cookie)")
        #expect(try browser.get("/v1/me").status == 200, "reading needs no CSRF token")
        #expect(try browser.request("HEAD", "/v1/me").status == 200)
        let without = try browser.post("/v1/me/role", json: ["role": "head"])
        #expect(without.status == 403)
        #expect(without.isProblem)
        #expect((without.object["detail"] as? String)?.contains("X-CSRF-Token") == true)
        let wrong = try browser.post("/v1/me/role", json: ["role": "head"], headers: [("X-CSRF-Token", "forged")])
        #expect(wrong.status == 403)
        #expect(try browser.get("/v1/me").object["activeRole"] as? String == "executor", "nothing changed")
        let right = try browser.post("/v1/me/role", json: ["role": "head"], headers: [("X-CSRF-Token", session.csrf)])
        #expect(right.status == 200, "\(right)")
        #expect(try browser.get("/v1/me").object["activeRole"] as? String == "head")
        // A script with the bearer token sends no CSRF token.
        let script = world.client.bearer(session.token)
        #expect(try script.post("/v1/me/role", json: ["role": "executor"]).status == 200)
        // The cookie cannot log out without it either.
        #expect(try browser.request("POST", "/v1/logout").status == 403)
        #expect(try browser.request("POST", "/v1/logout", headers: [("X-CSRF-Token", session.csrf)]).status == 204)
    }

    @Test func anAdministratorMakesAnAPIToken() throws {
        let world = try WorkflowWorld()
        let admin = try world.as_(.admin)
        let made = try admin.post("/v1/tokens", json: ["name": "Интеграция ПОС"])
        #expect(made.status == 201, "\(made)")
        expectValid(made, "TokenAnswer")
        #expect(made.object["name"] as? String == "Интеграция ПОС")
        let token = try #require(made.object["token"] as? String)
        let me = try world.client.bearer(token).get("/v1/me")
        #expect(me.status == 200)
        #expect(me.object["activeRole"] as? String == "admin")
        #expect(me.object["csrf"] == nil, "an API token has no browser session")
        let same = try world.client.bearer(token).post("/v1/me/role", json: ["role": "admin"])
        #expect(same.status == 200)
        #expect(same.object["csrf"] == nil)
        #expect(try admin.post("/v1/tokens", json: ["name": "  "]).status == 422)
        #expect(try admin.post("/v1/tokens", json: [:] as [String: Any]).status == 400)
        for role in [Role.coordinator, .executor, .curator, .head] {
            #expect(try world.as_(role).post("/v1/tokens", json: ["name": "x"]).status == 403, "\(role)")
        }
    }

    // MARK: The guide's scenario

    @Test func theGuidesWholeScenarioThroughTheAPI() throws {
        let world = try WorkflowWorld()
        let coordinator = try world.as_(.coordinator)
        let executor = try world.as_(.executor)
        let head = try world.as_(.head)
        let admin = try world.as_(.admin)
        let executorID = world.users[.executor]!.id

        // 1. The message arrives.
        let imported = try coordinator.post("/v1/messages", json: [
            "number": "170064463", "categoryID": world.category.id, "text": GuideTexts.citizen,
            "receivedAt": "2021-07-18T17:34:00Z", "applicant": ["name": "Смирнов А. В."], "source": "mobile",
        ])
        #expect(imported.status == 201, "\(imported)")
        expectValid(imported, "Message")
        #expect(imported.object["state"] as? String == "new")
        #expect(imported.object["deadline"] as? String == "2021-07-28T17:34:00Z")
        let id = try #require(imported.object["id"] as? Int)
        let folder = try coordinator.get("/v1/messages?folder=new")
        #expect(folder.status == 200)
        expectValid(folder, "FolderAnswer")
        #expect((folder.object["messages"] as? [[String: Any]])?.compactMap { ($0["message"] as? [String: Any])?["id"] as? Int } == [id])
        #expect((folder.object["counts"] as? [String: Int])?["new"] == 1)

        // 2. Assigned, with a comment.
        world.clock.advance(minutes: 30)
        let assigned = try coordinator.step(id, "assign", ["executorID": executorID, "comment": "Подготовьте ответ"])
        #expect(assigned.status == 200, "\(assigned)")
        expectValid(assigned, "TransitionOutcome")
        #expect(assigned.state == "in-work")

        // 3. The bad draft is saved with its findings, and refused at submit with 422 and the findings.
        world.clock.advance(minutes: 120)
        let drafted = try executor.step(id, "draft", ["draft": WorkflowWorld.draft(GuideTexts.bad)])
        #expect(drafted.status == 200, "\(drafted)")
        expectValid(drafted, "TransitionOutcome")
        let v1 = try #require(drafted.object["draft"] as? [String: Any])
        #expect(v1["version"] as? Int == 1)
        #expect(v1["verdict"] as? String == "fail")
        let refused = try executor.step(id, "submit", ["comment": "На утверждение"])
        #expect(refused.status == 422, "\(refused)")
        #expect(refused.isProblem)
        expectValid(refused, "Problem")
        let blocking = try #require(refused.object["findings"] as? [[String: Any]])
        #expect(Set(blocking.compactMap { $0["rule"] as? String }).isSuperset(of: ["redirect-elsewhere", "no-deadline"]))
        #expect(blocking.allSatisfy { $0["severity"] as? String == "error" })
        #expect(blocking.filter { $0["rule"] as? String == "redirect-elsewhere" }.compactMap { $0["offset"] as? Int }
            == [utf16Offset(of: "относится к полномочиям", in: GuideTexts.bad)!, utf16Offset(of: "Рекомендуем обратиться", in: GuideTexts.bad)!])
        #expect(try executor.get("/v1/messages/\(id)").state == "in-work")

        // 4. The fixed draft is submitted.
        world.clock.advance(minutes: 60)
        let submitted = try executor.step(id, "submit", ["comment": "На утверждение", "draft": WorkflowWorld.draft(GuideTexts.good)])
        #expect(submitted.status == 200, "\(submitted)")
        #expect(submitted.state == "prepared")
        #expect((submitted.object["draft"] as? [String: Any])?["score"] as? Double == 10)

        // 5. The head rejects (a comment is required), 6. the executor revises, 7. the head approves.
        #expect(try head.step(id, "reject").status == 422)
        let rejected = try head.step(id, "reject", ["comment": "Укажите, кто и когда проверит работы"])
        #expect(rejected.state == "in-work", "\(rejected)")
        let revised = try executor.step(id, "submit", ["draft": WorkflowWorld.draft(GuideTexts.revision, comment: "Исправил")])
        #expect(revised.state == "prepared", "\(revised)")
        #expect((revised.object["draft"] as? [String: Any])?["version"] as? Int == 3)
        world.clock.advance(minutes: 60)
        let approved = try head.step(id, "approve", ["comment": "Согласовано"])
        #expect(approved.status == 200, "\(approved)")
        #expect(approved.state == "sent")
        #expect((approved.object["message"] as? [String: Any])?["answeredAt"] as? String != nil)
        #expect((approved.object["entry"] as? [String: Any])?["action"] as? String == "approve")

        // 8. The applicant returns it, 9. round again; submit without a draft sends the latest version.
        let reopened = try admin.step(id, "reopen", ["comment": "Заявитель: фонари так и не горят"])
        #expect(reopened.state == "returned", "\(reopened)")
        #expect((reopened.object["message"] as? [String: Any])?["repeatCount"] as? Int == 1)
        let returned = try coordinator.get("/v1/messages?folder=returned")
        #expect((returned.object["messages"] as? [[String: Any]])?.count == 1)
        #expect(try coordinator.step(id, "assign", ["executorID": executorID, "comment": "Повторное рассмотрение"]).state == "in-work")
        #expect(try executor.step(id, "draft", ["draft": WorkflowWorld.draft(GuideTexts.good)]).status == 200)
        let resubmitted = try executor.request("POST", "/v1/messages/\(id)/submit")
        #expect(resubmitted.status == 200, "an empty body is an empty request: \(resubmitted)")
        #expect((resubmitted.object["draft"] as? [String: Any])?["version"] as? Int == 4)
        let final = try head.step(id, "approve")
        #expect(final.state == "sent", "\(final)")

        // The card: every step in order, every draft with its check.
        let card = try world.as_(.curator).get("/v1/messages/\(id)")
        #expect(card.status == 200)
        expectValid(card, "MessageCard")
        let history = try #require(card.object["history"] as? [[String: Any]])
        #expect(history.compactMap { $0["action"] as? String } == [
            "receive", "assign", "draft", "submit", "reject", "submit", "approve", "reopen", "assign", "draft", "submit", "approve",
        ])
        let drafts = try #require(card.object["drafts"] as? [[String: Any]])
        #expect(drafts.compactMap { $0["version"] as? Int } == [1, 2, 3, 4])
        #expect(drafts.compactMap { $0["verdict"] as? String } == ["fail", "pass", "pass", "pass"])
        #expect(card.object["overdue"] as? Bool == false)
        #expect((card.object["message"] as? [String: Any])?["version"] as? Int == 12)
        let sent = try coordinator.get("/v1/messages?folder=processed")
        #expect((sent.object["messages"] as? [[String: Any]])?.count == 1)
    }

    @Test func refusedStepsMapToTheirStatuses() throws {
        let world = try WorkflowWorld()
        let id = try world.importMessage()
        let coordinator = try world.as_(.coordinator)
        let executor = try world.as_(.executor)
        let head = try world.as_(.head)
        // The role may not: 403.
        let role = try executor.step(id, "assign", ["executorID": world.users[.executor]!.id])
        #expect(role.status == 403, "\(role)")
        #expect(role.isProblem)
        // The state does not allow it: 409.
        let state = try head.step(id, "approve")
        #expect(state.status == 409, "\(state)")
        // A stale version: 409; the right one goes through.
        let card = try coordinator.get("/v1/messages/\(id)")
        let version = try #require((card.object["message"] as? [String: Any])?["version"] as? Int)
        let stale = try coordinator.step(id, "assign", ["executorID": world.users[.executor]!.id, "expectedVersion": version - 1])
        #expect(stale.status == 409, "\(stale)")
        let fresh = try coordinator.step(id, "assign", ["executorID": world.users[.executor]!.id, "expectedVersion": version])
        #expect(fresh.status == 200, "\(fresh)")
        // Someone else got there first: the second identical step is a conflict.
        #expect(try coordinator.step(id, "assign", ["executorID": world.users[.executor]!.id, "expectedVersion": version]).status == 409)
        // The check blocks: 422 with findings.
        let blocked = try executor.step(id, "submit", ["draft": WorkflowWorld.draft(GuideTexts.bad)])
        #expect(blocked.status == 422)
        #expect((blocked.object["findings"] as? [Any])?.isEmpty == false)
        // An incomplete request: 422 without findings.
        let incomplete = try executor.step(id, "return")
        #expect(incomplete.status == 422)
        #expect(incomplete.object["findings"] == nil)
        // Another executor of the organisation: 403.
        let other = world.client.bearer(try world.login("multi", role: .executor).token)
        #expect(try other.step(id, "draft", ["draft": WorkflowWorld.draft(GuideTexts.good)]).status == 403)
        // Malformed: unknown action or message 404, bad fields 400 naming them.
        #expect(try executor.step(id, "fly").status == 404)
        #expect(try executor.step(999_999, "draft", ["draft": WorkflowWorld.draft(GuideTexts.good)]).status == 404)
        #expect(try executor.step(0, "draft").status == 404)
        #expect(try executor.post("/v1/messages/abc/draft", json: [:] as [String: Any]).status == 404)
        let unknown = try executor.step(id, "draft", ["draft": WorkflowWorld.draft(GuideTexts.good), "colour": "red"])
        #expect(unknown.status == 400)
        #expect(unknown.object["field"] as? String == "colour")
        var withExtra = WorkflowWorld.draft(GuideTexts.good)
        withExtra["font"] = "Times"
        let nested = try executor.step(id, "draft", ["draft": withExtra])
        #expect(nested.status == 400)
        #expect(nested.object["field"] as? String == "draft.font")
        var missing = WorkflowWorld.draft(GuideTexts.good)
        missing["signerName"] = nil
        let missingField = try executor.step(id, "draft", ["draft": missing])
        #expect(missingField.status == 400, "\(missingField)")
        #expect(missingField.object["field"] as? String == "draft.signerName")
        let mistyped = try executor.step(id, "draft", ["draft": WorkflowWorld.draft(GuideTexts.good), "expectedVersion": "three"])
        #expect(mistyped.status == 400)
        #expect(mistyped.object["field"] as? String == "expectedVersion")
        let badType = try executor.step(id, "draft", ["draft": WorkflowWorld.draft(GuideTexts.good, type: "maybe")])
        #expect(badType.status == 400)
        #expect(badType.object["field"] as? String == "draft.type")
        let text = try executor.request("POST", "/v1/messages/\(id)/draft", headers: [("Content-Type", "text/plain")], body: Array("x".utf8))
        #expect(text.status == 415)
        // None of it changed the message.
        #expect((try executor.get("/v1/messages/\(id)").object["drafts"] as? [Any])?.count == 0)
    }

    @Test func concurrentStepsOnOneMessageLetExactlyOneThrough() throws {
        let world = try WorkflowWorld()
        let id = try world.importMessage()
        let coordinator = try world.as_(.coordinator)
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let status = (try? coordinator.step(id, "take"))?.status ?? -1
            statuses.withLock { $0.append(status) }
        }
        let all = statuses.withLock { $0 }
        #expect(all.filter { $0 == 200 }.count == 1, "\(all)")
        #expect(all.filter { $0 == 409 }.count == 7, "\(all)")
        let history = try coordinator.get("/v1/messages/\(id)").object["history"] as? [[String: Any]]
        #expect(history?.compactMap { $0["action"] as? String } == ["receive", "take"])
    }

    @Test func importRefusesMissingAndMistypedFields() throws {
        let world = try WorkflowWorld()
        let coordinator = try world.as_(.coordinator)
        let missing = try coordinator.post("/v1/messages", json: ["text": GuideTexts.citizen])
        #expect(missing.status == 400)
        #expect(missing.object["field"] as? String == "number")
        let mistyped = try coordinator.post("/v1/messages", json: ["number": "1", "text": 5])
        #expect(mistyped.status == 400)
        #expect(mistyped.object["field"] as? String == "text")
        let time = try coordinator.post("/v1/messages", json: ["number": "1", "text": "Фонари", "receivedAt": "вчера"])
        #expect(time.status == 400)
        #expect(time.object["field"] as? String == "receivedAt")
        let unknown = try coordinator.post("/v1/messages", json: ["number": "1", "text": "Фонари", "priority": "high"])
        #expect(unknown.status == 400)
        #expect(unknown.object["field"] as? String == "priority")
        let empty = try coordinator.post("/v1/messages", json: ["number": "1", "text": "   "])
        #expect(empty.status == 422)
        let elsewhere = try coordinator.post("/v1/messages", json: ["number": "1", "text": "Фонари", "organisationID": world.foreign.id])
        #expect(elsewhere.status == 403)
        for role in [Role.executor, .curator, .head] {
            #expect(try world.as_(role).post("/v1/messages", json: ["number": "1", "text": "Фонари"]).status == 403, "\(role)")
        }
        #expect(try world.client.post("/v1/messages", json: ["number": "1", "text": "Фонари"]).status == 401)
        #expect(try coordinator.get("/v1/messages?folder=everything").status == 400)
        #expect(try coordinator.get("/v1/messages?limit=0").status == 400)
        #expect(try coordinator.get("/v1/messages?offset=-1").status == 400)
    }

    // MARK: Who sees and changes what

    @Test func anotherOrganisationNeverReadsOrChangesAMessage() throws {
        let world = try WorkflowWorld()
        let id = try world.importMessage()
        // Put it in every state a foreign role could act in: new → in-work → prepared.
        let prepared = try world.importMessage(number: "2")
        #expect(try world.as_(.coordinator).step(prepared, "assign", ["executorID": world.users[.executor]!.id]).status == 200)
        #expect(try world.as_(.executor).step(prepared, "submit", ["draft": WorkflowWorld.draft(GuideTexts.good)]).status == 200)
        for role in Role.allCases {
            let foreign = try world.asForeign(role)
            for message in [id, prepared] {
                let card = try foreign.get("/v1/messages/\(message)")
                #expect(card.status == 404, "\(role) reads a foreign card")
                #expect(card.isProblem)
                for action in Action.allCases {
                    let body: [String: Any] = ["comment": "x", "executorID": world.foreignUsers[.executor]!.id,
                                               "draft": WorkflowWorld.draft(GuideTexts.good), "redirectTo": "Х",
                                               "headID": world.foreignUsers[.head]!.id, "overrideReason": "x"]
                    let step = try foreign.step(message, action.rawValue, body)
                    #expect(step.status == 404, "\(role) \(action.rawValue) on a foreign message: \(step)")
                }
            }
            for folder in Folder.allCases {
                let list = try foreign.get("/v1/messages?folder=\(folder.rawValue)")
                #expect(list.status == 200)
                #expect((list.object["messages"] as? [Any])?.isEmpty == true, "\(role) \(folder)")
                #expect((list.object["counts"] as? [String: Int])?.values.allSatisfy { $0 == 0 } == true)
            }
        }
        // Nor imports into it, nor reads its rating.
        let foreignCoordinator = try world.asForeign(.coordinator)
        #expect(try foreignCoordinator.post("/v1/messages", json: ["number": "3", "text": "Фонари", "organisationID": world.district.id])
            .status == 403)
        let foreignAdmin = try world.asForeign(.admin)
        #expect(try foreignAdmin.step(id, "reopen", ["comment": "x"]).status == 404)
        // Nothing changed.
        let own = try world.as_(.curator)
        #expect(try own.get("/v1/messages/\(id)").state == "new")
        #expect(try own.get("/v1/messages/\(prepared)").state == "prepared")
        #expect((try own.get("/v1/messages/\(id)").object["history"] as? [Any])?.count == 1)
    }

    @Test func theCuratorReadsEverythingAndChangesNothing() throws {
        let world = try WorkflowWorld()
        let id = try world.importMessage()
        let curator = try world.as_(.curator)
        #expect(try curator.get("/v1/messages/\(id)").status == 200)
        #expect((try curator.get("/v1/messages?folder=new").object["messages"] as? [Any])?.count == 1)
        for action in Action.allCases {
            let step = try curator.step(id, action.rawValue, ["comment": "x", "executorID": world.users[.executor]!.id,
                                                              "draft": WorkflowWorld.draft(GuideTexts.good)])
            #expect(step.status == 403, "curator \(action.rawValue): \(step)")
        }
        #expect(try curator.post("/v1/messages", json: ["number": "9", "text": "Фонари"]).status == 403)
        #expect(try curator.post("/v1/tokens", json: ["name": "x"]).status == 403)
        #expect((try curator.get("/v1/messages/\(id)").object["history"] as? [Any])?.count == 1)
    }

    @Test func eachRoleOnlyItsOwnSteps() throws {
        let world = try WorkflowWorld()
        // A new message: only the coordinator acts.
        let id = try world.importMessage()
        for role in [Role.executor, .curator, .head, .admin] {
            #expect(try world.as_(role).step(id, "take").status == 403, "\(role) take")
            #expect(try world.as_(role).step(id, "assign", ["executorID": world.users[.executor]!.id]).status == 403, "\(role) assign")
        }
        #expect(try world.as_(.coordinator).step(id, "take").status == 200)
        // In work: the role is checked before the state.
        #expect(try world.as_(.executor).step(id, "approve").status == 403)
        #expect(try world.as_(.head).step(id, "approve").status == 409)
        #expect(try world.as_(.admin).step(id, "reopen").status == 409)
        #expect(try world.as_(.executor).step(id, "draft", ["draft": WorkflowWorld.draft(GuideTexts.good)]).status == 403,
                "the coordinator took it")
        #expect(try world.as_(.coordinator).step(id, "draft", ["draft": WorkflowWorld.draft(GuideTexts.good)]).status == 200)
    }

    // MARK: Reports and check access

    @Test func theRatingAsJSONAndCSV() throws {
        let world = try WorkflowWorld()
        let id = try world.importMessage()
        let coordinator = try world.as_(.coordinator)
        #expect(try coordinator.step(id, "assign", ["executorID": world.users[.executor]!.id]).status == 200)
        #expect(try world.as_(.executor).step(id, "submit", ["draft": WorkflowWorld.draft(GuideTexts.good)]).status == 200)
        #expect(try world.as_(.head).step(id, "approve").status == 200)
        _ = try world.importMessage(number: "2")

        let head = try world.as_(.head)
        let json = try head.get("/v1/reports/rating?from=2021-07-01&to=2021-08-01")
        #expect(json.status == 200, "\(json)")
        #expect(json.header("Content-Type")?.hasPrefix("application/json") == true)
        expectValid(json, "RatingReport")
        #expect(json.object["from"] as? String == "2021-07-01T00:00:00Z")
        let rows = try #require(json.object["organisations"] as? [[String: Any]])
        let district = try #require(rows.first { $0["organisationID"] as? Int == world.district.id })
        #expect(district["received"] as? Int == 2)
        #expect(district["answered"] as? Int == 1)
        #expect(district["answeredShare"] as? Double == 0.5)
        #expect(district["band"] as? String == "50–79 %")
        #expect(district["averageScore"] as? Double == 10)
        let executors = try #require(json.object["executors"] as? [[String: Any]])
        #expect(executors.first?["executorID"] as? Int == world.users[.executor]!.id)

        let csv = try head.get("/v1/reports/rating?from=2021-07-01&to=2021-08-01&format=csv")
        #expect(csv.status == 200)
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(csv.header("Content-Disposition") == "attachment; filename=\"rating-2021-07-01-2021-08-01.csv\"")
        let lines = csv.text.components(separatedBy: "\r\n")
        #expect(lines.first == RatingReport.csvHeader.joined(separator: ","))
        let header = RatingReport.csvHeader
        let csvRows = lines.dropFirst().filter { !$0.isEmpty }.map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.components(separatedBy: ",")))
        }
        let organisation = try #require(csvRows.first { $0["level"] == "organisation" })
        #expect(organisation["organisation"] == "Администрация Калининского района")
        #expect(organisation["executor"] == "" && organisation["executor_id"] == "")
        #expect((organisation["received"], organisation["answered"], organisation["answered_share"]) == ("2", "1", "0.500"))
        let executor = try #require(csvRows.first { $0["level"] == "executor" })
        #expect(executor["executor"] == "Пользователь executor")
        #expect((executor["received"], executor["answered"], executor["answered_share"]) == ("1", "1", "1.000"))

        let badFrom = try head.get("/v1/reports/rating?from=July&to=2021-08-01")
        #expect(badFrom.status == 400)
        #expect(badFrom.object["field"] as? String == "from")
        #expect(try head.get("/v1/reports/rating?from=2021-07-01").object["field"] as? String == "to")
        #expect(try head.get("/v1/reports/rating?from=2021-07-01&to=2021-08-01&format=xml").status == 400)
        #expect(try head.get("/v1/reports/rating?from=2021-08-01&to=2021-07-01").status == 422)
        #expect(try world.as_(.executor).get("/v1/reports/rating?from=2021-07-01&to=2021-08-01").status == 403)
        #expect(try world.client.get("/v1/reports/rating?from=2021-07-01&to=2021-08-01").status == 401)
        // The foreign organisation's head sees none of the district.
        let foreign = try world.asForeign(.head).get("/v1/reports/rating?from=2021-07-01&to=2021-08-01")
        #expect((foreign.object["organisations"] as? [[String: Any]])?.contains { $0["organisationID"] as? Int == world.district.id } == false)
    }

    @Test func checkIsOpenOnLoopbackByDefault() throws {
        let world = try WorkflowWorld()
        #expect(try world.client.post("/v1/check", json: ["text": GuideTexts.good]).status == 200)
        #expect(try world.client.post("/v2/check", form: [("language", "ru-RU"), ("text", GuideTexts.good)]).status == 200)
        let health = try world.client.get("/healthz")
        #expect(health.object["database"] as? String == "ok")
    }

    @Test func checkWithTokenAccessNeedsABearerToken() throws {
        let world = try WorkflowWorld(checkAccess: .token)
        let anonymous = try world.client.post("/v1/check", json: ["text": GuideTexts.good])
        #expect(anonymous.status == 401)
        #expect(anonymous.isProblem)
        #expect(try world.client.post("/v2/check", form: [("language", "ru-RU"), ("text", GuideTexts.good)]).status == 401)
        #expect(try world.client.get("/v2/check?language=ru-RU&text=x").status == 401)
        let session = try world.login("executor")
        #expect(try world.client.with("Cookie", session.cookie).post("/v1/check", json: ["text": GuideTexts.good]).status == 401,
                "the check takes a bearer token, not the cookie")
        #expect(try world.client.bearer(String(repeating: "0", count: 64)).post("/v1/check", json: ["text": GuideTexts.good]).status == 401)
        let signedIn = world.client.bearer(session.token)
        let check = try signedIn.post("/v1/check", json: ["text": GuideTexts.good])
        #expect(check.status == 200, "\(check)")
        #expect(try signedIn.post("/v2/check", form: [("language", "ru-RU"), ("text", GuideTexts.good)]).status == 200)
        // The rest stays open.
        #expect(try world.client.get("/v1/rules").status == 200)
        #expect(try world.client.get("/v2/languages").status == 200)
    }

    @Test func withoutAWorkflowTheWorkflowRoutesAre503() throws {
        let server = try TestServer()
        for (method, path) in [("POST", "/v1/login"), ("GET", "/v1/me"), ("GET", "/v1/messages"), ("GET", "/v1/messages/1")] {
            let answer = method == "GET" ? try server.client.get(path)
                : try server.client.post(path, json: ["login": "a", "password": "b"])
            #expect(answer.status == 503, "\(method) \(path)")
            #expect(answer.isProblem)
        }
    }
}
