import Foundation
import OtvetCLI
import OtvetWorkflow
import Testing

@Suite("Import and report") struct ImportReportCLITests {
    /// A database with categories 1 «Дороги» (15 days) and 2 «Ямы» under it, in organisation 1.
    func databaseWithCategories() throws -> String {
        let db = try initialisedDatabase()
        #expect(Run(["admin", "category", "add", "--db", db, "--org", "1", "--name", "Дороги", "--term-days", "15"]).code == 0)
        #expect(Run(["admin", "category", "add", "--db", db, "--org", "1", "--name", "Ямы", "--parent", "1"]).code == 0)
        return db
    }

    let goodLines = [
        #"{"number": "A-1", "organisationID": 1, "categoryID": 1, "subcategoryID": 2, "text": "Яма на дороге у дома 5", "applicant": {"name": "Анна", "address": "ул. Мира, 5", "email": "a@example.org", "phone": "+7 900 000-00-00"}, "region": "Тверская область", "problemAddress": "ул. Мира, 5", "attachments": [{"name": "яма.jpg", "size": 81234, "type": "image/jpeg"}], "receivedAt": "2024-05-01T09:30:00+03:00", "fastTrack": false, "source": "mobile"}"#,
        #"{"number": "A-2", "organisationID": 1, "categoryID": 1, "text": "Фонарь не горит", "receivedAt": "2024-05-02", "fastTrack": true}"#,
        #"{"number": "A-3", "text": "Мусор не вывозят", "source": "widget"}"#,
    ]

    @Test func threeGoodLinesAreThreeMessages() throws {
        let db = try databaseWithCategories()
        let file = try temporaryFile(Array((goodLines.joined(separator: "\r\n") + "\r\n\n").utf8))
        let run = Run(["import", "messages", "--db", db, "--org", "1", file])
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout == "imported 3 messages from \(file)\n")
        let messages = try allMessages(db)
        #expect(messages.map(\.number) == ["A-1", "A-2", "A-3"])
        let first = messages[0]
        #expect(first.categoryID == 1 && first.subcategoryID == 2 && first.source == .mobile && first.state == .new)
        #expect(first.receivedAt.description == "2024-05-01T06:30:00Z")
        #expect(first.deadline == first.receivedAt.adding(days: 15), "the category's term")
        #expect(first.applicant == Applicant(name: "Анна", address: "ул. Мира, 5", email: "a@example.org", phone: "+7 900 000-00-00"))
        #expect(first.attachments.map(\.name) == ["яма.jpg"] && first.attachments.first?.size == 81234)
        #expect(messages[1].fastTrack && messages[1].deadline == messages[1].receivedAt.adding(hours: 24))
        #expect(messages[2].organisationID == 1 && messages[2].source == .widget, "--org fills a missing organisationID")
        #expect(try withStore(db) { try $0.history(messageID: first.id) }.map(\.action) == ["receive"])
    }

    @Test(arguments: [
        (#"{"number": "B-3", "organisationID": 1, "text": "x""#, "not valid JSON"),
        (#"{"number": "B-3", "organisationID": 1, "text": "x", "categoryId": 1}"#, "unknown field 'categoryId'"),
        (#"{"number": "B-3", "organisationID": 1, "text": "x", "applicant": {"fullName": "x"}}"#, "unknown field 'applicant.fullName'"),
        (#"{"number": "B-3", "organisationID": 1, "text": "x", "categoryID": 99}"#, "no category 99"),
        (#"{"number": "B-1", "organisationID": 1, "text": "x"}"#, "B-1 exists"),
        (#"{"number": "A-1", "organisationID": 1, "text": "x"}"#, "A-1 exists"),
        (#"{"number": "B-3", "organisationID": 1, "text": "x", "source": "fax"}"#, "'source' must be one of portal, mobile, widget"),
        (#"{"number": "B-3", "organisationID": 1, "text": "x", "receivedAt": "вчера"}"#, "not an ISO-8601 time"),
        (#"{"number": "B-3", "organisationID": "1", "text": "x"}"#, "'organisationID' must be a whole number"),
        (#"{"number": "B-3", "organisationID": 1}"#, "missing field 'text'"),
        (#"["number", "B-3"]"#, "not a JSON object"),
    ])
    func aBadThirdLineImportsNothing(line: String, expected: String) throws {
        let db = try databaseWithCategories()
        #expect(Run(["import", "messages", "--db", db, "-"], stdin: Array((goodLines[0] + "\n").utf8)).code == 0)
        let file = try temporaryFile(Array(([#"{"number": "B-1", "organisationID": 1, "text": "Первое"}"#,
                                             #"{"number": "B-2", "organisationID": 1, "text": "Второе"}"#, line]
                                                .joined(separator: "\n") + "\n").utf8))
        let run = Run(["import", "messages", "--db", db, file])
        #expect(run.code == 2)
        #expect(run.stderr.contains("line 3: "), "\(run.stderr)")
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(try allMessages(db).map(\.number) == ["A-1"], "nothing from the file is kept")
    }

    @Test func lineNumbersCountBlankLines() throws {
        let db = try databaseWithCategories()
        let run = Run(["import", "messages", "--db", db, "-"], stdin: Array("\n\(goodLines[0])\n\n{\"nope\": 1}\n".utf8))
        #expect(run.code == 2)
        #expect(run.stderr.contains("<stdin>: line 4: unknown field 'nope'"), "\(run.stderr)")
        #expect(try allMessages(db).isEmpty)
    }

    @Test(arguments: [[0x7B, 0x00, 0x7D] as [UInt8], [0x7B, 0xFF, 0xFE, 0x7D], Array("{\"number\": \"Пр".utf8.dropLast())])
    func binaryOrInvalidUTF8ImportExitsTwo(bytes: [UInt8]) throws {
        let db = try databaseWithCategories()
        let run = Run(["import", "messages", "--db", db, try temporaryFile(bytes)])
        #expect(run.code == 2)
        #expect(run.stderr.contains("binary data") || run.stderr.contains("not valid UTF-8"), "\(run.stderr)")
        #expect(try allMessages(db).isEmpty)
    }

    @Test func reportOnASimulatedDatabase() throws {
        let db = try scratchDirectory() + "/demo.sqlite"
        let count = 30
        let simulate = Run(["workflow", "simulate", "--db", db, "--messages", "\(count)", "--seed", "7"], environment: fastHashing)
        #expect(simulate.code == 0, "\(simulate.stderr)")
        let lines = simulate.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let committed = lines.filter { $0.first == "committed" }
        func actions(_ name: String) -> Int { committed.filter { $0[2] == name }.count }
        #expect(actions("receive") == count)
        #expect(Set(committed.map { $0[1] }).count == count)
        let redirected = actions("approve-redirect")
        let reopened = actions("reopen")
        #expect(actions("approve") == count - redirected + reopened, "every other message is approved, reopened ones twice")
        let summary = try #require(lines.last?.joined(separator: " "))
        #expect(summary.hasPrefix("simulated \(count) messages"), "\(summary)")
        let overridden = try #require(summary.firstMatch(of: /\((\d+) past the check\)/).flatMap { Int($0.1) })
        #expect(overridden > 0, "the seed exercises an override")

        let period = ["--from", Timestamp.now.adding(days: -31).day, "--to", Timestamp.now.day]
        let json = Run(["report", "--db", db, "--format", "json"] + period)
        #expect(json.code == 0, "\(json.stderr)")
        let report = try JSONDecoder().decode(RatingReport.self, from: Data(json.stdout.utf8))
        let organisation = try #require(report.organisations.first)
        #expect(report.organisations.count == 1 && organisation.organisation == "Демо-администрация")
        #expect(organisation.received == count)
        #expect(organisation.answered == count - redirected)
        #expect(organisation.redirected == redirected)
        #expect(organisation.returned == reopened)
        #expect(organisation.overridden == overridden)
        #expect(organisation.overdue <= count)
        #expect(report.executors.map(\.received).reduce(0, +) == count - redirected, "redirected messages have no executor")
        #expect(report.executors.map(\.answered).reduce(0, +) == count - redirected)

        let text = Run(["report", "--db", db] + period)
        #expect(text.code == 0)
        #expect(text.stdout.contains("По организациям") && text.stdout.contains("По исполнителям"))
        #expect(text.stdout.contains(organisation.band))
        #expect(text.stdout.contains("Демо-администрация") && text.stdout.contains("Иванов Пётр Сергеевич"))

        let csv = Run(["report", "--db", db, "--format", "csv"] + period)
        #expect(csv.code == 0)
        let rows = try parseCSV(csv.stdout)
        #expect(rows.first == ["level", "organisation_id", "organisation", "executor_id", "executor", "received", "answered",
                               "answered_share", "band", "overdue", "redirected", "returned", "overridden", "average_score",
                               "top_findings"])
        #expect(rows.count == 1 + 1 + report.executors.count)
        #expect(rows.allSatisfy { $0.count == 15 })
        #expect(rows[1][0] == "organisation" && rows[1][2] == "Демо-администрация" && rows[1][5] == "\(count)")
        #expect(rows.dropFirst(2).allSatisfy { $0[0] == "executor" && !$0[4].isEmpty })

        let empty = Run(["report", "--db", db, "--from", "2001-01-01", "--to", "2001-01-31"])
        #expect(empty.code == 0 && empty.stdout.contains("сообщений не поступало"))
    }

    @Test func csvQuotesNamesWithCommasQuotesAndNewlines() throws {
        let db = try scratchDirectory() + "/quotes.sqlite"
        let name = "ООО \"Ромашка\", филиал"
        #expect(Run(["admin", "init", "--db", db, "--org", name, "--admin", "boss"], stdin: Array("pw".utf8),
                    environment: fastHashing).code == 0)
        #expect(Run(["import", "messages", "--db", db, "--org", "1", "-"],
                    stdin: Array(#"{"number": "1", "text": "x", "receivedAt": "2024-05-10"}"#.utf8)).code == 0)
        let csv = Run(["report", "--db", db, "--format", "csv", "--from", "2024-05-01", "--to", "2024-05-31"])
        #expect(csv.stdout.contains("\"ООО \"\"Ромашка\"\", филиал\""))
        let rows = try parseCSV(csv.stdout)
        #expect(rows.count == 2 && rows[1][2] == name && rows[1][5] == "1" && rows[1][6] == "0" && rows[1][8] == "0–49 %")
    }
}

/// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
func parseCSV(_ text: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
        if quoted {
            if scalar == "\"" {
                if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
            } else {
                field.unicodeScalars.append(scalar)
            }
        } else if scalar == "\"", field.isEmpty {
            quoted = true
        } else if scalar == "," {
            row.append(field); field = ""
        } else if scalar == "\r" {
            guard scalars.popFirst() == "\n" else { throw CSVError.bareCarriageReturn }
            row.append(field); rows.append(row); row = []; field = ""
        } else if scalar == "\n" {
            throw CSVError.bareLineFeed
        } else {
            field.unicodeScalars.append(scalar)
        }
    }
    guard row.isEmpty, field.isEmpty, !quoted else { throw CSVError.unterminatedRecord }
    return rows
}

enum CSVError: Error { case bareCarriageReturn, bareLineFeed, unterminatedRecord }
