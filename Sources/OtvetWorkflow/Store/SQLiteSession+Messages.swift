import OtvetRules

extension SQLiteSession {
    func insertMessage(_ message: NewMessage) throws -> Message {
        do {
            try transaction.execute("""
                INSERT INTO messages (number, organisation_id, category_id, subcategory_id, text, applicant, region,
                    problem_address, attachments, received_at, deadline, fast_track, source, state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, message.number, message.organisationID, message.categoryID, message.subcategoryID, message.text,
                JSONColumn.encode(message.applicant), message.region, message.problemAddress,
                JSONColumn.encode(message.attachments), message.receivedAt.description, message.deadline.description,
                message.fastTrack, message.source.rawValue, message.state.rawValue)
        } catch {
            throw error.isConstraint ? WorkflowError.conflict("message number \(message.number) exists") : error
        }
        return try self.message(id: transaction.lastInsertID)!
    }

    func message(id: Int) throws -> Message? {
        try transaction.row("SELECT * FROM messages WHERE id = ?", id).map(Self.message)
    }

    func message(number: String) throws -> Message? {
        try transaction.row("SELECT * FROM messages WHERE number = ?", number).map(Self.message)
    }

    func update(_ message: Message, expectedVersion: Int) throws -> Message {
        try transaction.execute("""
            UPDATE messages SET organisation_id = ?, category_id = ?, subcategory_id = ?, repeat_count = ?, state = ?,
                executor_id = ?, head_id = ?, redirect_to = ?, answered_at = ?, version = version + 1
            WHERE id = ? AND version = ?
            """, message.organisationID, message.categoryID, message.subcategoryID, message.repeatCount,
            message.state.rawValue, message.executorID, message.headID, message.redirectTo,
            message.answeredAt?.description, message.id, expectedVersion)
        guard transaction.changes == 1 else {
            throw WorkflowError.conflict("message \(message.number) was changed by someone else; reload it")
        }
        return try self.message(id: message.id)!
    }

    func messages(organisationIDs: [Int], states: [MessageState], limit: Int, offset: Int) throws -> [Message] {
        guard !organisationIDs.isEmpty, !states.isEmpty else { return [] }
        let orgs = Array(repeating: "?", count: organisationIDs.count).joined(separator: ",")
        let stateMarks = Array(repeating: "?", count: states.count).joined(separator: ",")
        let arguments: [any SQLiteBindable] = organisationIDs + states.map(\.rawValue) + [limit, offset]
        return try transaction.rows("""
            SELECT * FROM messages WHERE organisation_id IN (\(orgs)) AND state IN (\(stateMarks))
            ORDER BY deadline, id LIMIT ? OFFSET ?
            """, arguments).map(Self.message)
    }

    func stateCounts(organisationIDs: [Int]) throws -> [MessageState: Int] {
        guard !organisationIDs.isEmpty else { return [:] }
        let orgs = Array(repeating: "?", count: organisationIDs.count).joined(separator: ",")
        var counts: [MessageState: Int] = [:]
        for row in try transaction.rows("SELECT state, COUNT(*) AS n FROM messages WHERE organisation_id IN (\(orgs)) GROUP BY state",
                                        organisationIDs) {
            if let state = MessageState(rawValue: row.string("state")) { counts[state] = row.int("n") }
        }
        return counts
    }

    func messages(receivedFrom: Timestamp, to: Timestamp) throws -> [Message] {
        try transaction.rows("SELECT * FROM messages WHERE received_at >= ? AND received_at < ? ORDER BY id",
                             [receivedFrom.description, to.description]).map(Self.message)
    }

    static func message(_ row: SQLiteRow) throws -> Message {
        Message(id: row.int("id"), number: row.string("number"), organisationID: row.int("organisation_id"),
                categoryID: row.optionalInt("category_id"), subcategoryID: row.optionalInt("subcategory_id"),
                text: row.string("text"), applicant: try JSONColumn.decode(Applicant.self, row.string("applicant")),
                region: row.optionalString("region"), problemAddress: row.optionalString("problem_address"),
                attachments: try JSONColumn.decode([Attachment].self, row.string("attachments")),
                receivedAt: Timestamp(row.string("received_at")) ?? Timestamp(seconds: 0),
                deadline: Timestamp(row.string("deadline")) ?? Timestamp(seconds: 0),
                fastTrack: row.bool("fast_track"), source: MessageSource(rawValue: row.string("source")) ?? .portal,
                repeatCount: row.int("repeat_count"), state: MessageState(rawValue: row.string("state")) ?? .new,
                executorID: row.optionalInt("executor_id"), headID: row.optionalInt("head_id"),
                redirectTo: row.optionalString("redirect_to"),
                answeredAt: row.optionalString("answered_at").flatMap(Timestamp.init), version: row.int("version"))
    }

    // MARK: Drafts and history

    func insertDraft(_ draft: NewDraft) throws -> DraftVersion {
        let next = (try transaction.row("SELECT MAX(version) AS v FROM drafts WHERE message_id = ?", draft.messageID)?
            .optionalInt("v") ?? 0) + 1
        try transaction.execute("""
            INSERT INTO drafts (message_id, version, author_id, type, text, signer_position, signer_name, comment,
                template_id, created_at, score, verdict, findings)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, draft.messageID, next, draft.authorID, draft.type.rawValue, draft.text, draft.signerPosition,
            draft.signerName, draft.comment, draft.templateID, draft.createdAt.description, draft.result.score,
            draft.result.verdict.rawValue, JSONColumn.encode(draft.result.findings))
        return try Self.draft(transaction.row("SELECT * FROM drafts WHERE id = ?", transaction.lastInsertID)!)
    }

    func drafts(messageID: Int) throws -> [DraftVersion] {
        try transaction.rows("SELECT * FROM drafts WHERE message_id = ? ORDER BY version", [messageID]).map(Self.draft)
    }

    static func draft(_ row: SQLiteRow) throws -> DraftVersion {
        DraftVersion(id: row.int("id"), messageID: row.int("message_id"), version: row.int("version"),
              authorID: row.int("author_id"), type: AnswerType(rawValue: row.string("type")) ?? .resolved,
              text: row.string("text"), signerPosition: row.string("signer_position"),
              signerName: row.string("signer_name"), comment: row.optionalString("comment"),
              templateID: row.optionalInt("template_id"),
              createdAt: Timestamp(row.string("created_at")) ?? Timestamp(seconds: 0), score: row.double("score") ?? 0,
              verdict: Verdict(rawValue: row.string("verdict")) ?? .fail,
              findings: try JSONColumn.decode([Finding].self, row.string("findings")))
    }

    func appendHistory(_ entry: NewHistoryEntry) throws -> HistoryEntry {
        try transaction.execute("""
            INSERT INTO history (message_id, at, actor_id, role, action, comment, draft_version, from_state, to_state,
                override_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, entry.messageID, entry.at.description, entry.actorID, entry.role?.rawValue, entry.action, entry.comment,
            entry.draftVersion, entry.fromState.rawValue, entry.toState.rawValue, entry.overrideReason)
        return Self.history(try transaction.row("SELECT * FROM history WHERE id = ?", transaction.lastInsertID)!)
    }

    func history(messageID: Int) throws -> [HistoryEntry] {
        try transaction.rows("SELECT * FROM history WHERE message_id = ? ORDER BY id", [messageID]).map(Self.history)
    }

    func history(from: Timestamp, to: Timestamp) throws -> [HistoryEntry] {
        try transaction.rows("SELECT * FROM history WHERE at >= ? AND at < ? ORDER BY id",
                             [from.description, to.description]).map(Self.history)
    }

    static func history(_ row: SQLiteRow) -> HistoryEntry {
        HistoryEntry(id: row.int("id"), messageID: row.int("message_id"),
                     at: Timestamp(row.string("at")) ?? Timestamp(seconds: 0), actorID: row.optionalInt("actor_id"),
                     role: row.optionalString("role").flatMap(Role.init), action: row.string("action"),
                     comment: row.optionalString("comment"), draftVersion: row.optionalInt("draft_version"),
                     fromState: MessageState(rawValue: row.string("from_state")) ?? .new,
                     toState: MessageState(rawValue: row.string("to_state")) ?? .new,
                     overrideReason: row.optionalString("override_reason"))
    }
}
