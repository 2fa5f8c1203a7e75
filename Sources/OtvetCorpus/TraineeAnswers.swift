import Foundation
import OtvetRules

/// A trainee's answers to corpus cases, one JSON object a line:
/// `{"case": "bad-02-kimry-embankment-sand", "answer": "Здравствуйте! …"}`.
public struct TraineeAnswer: Sendable, Equatable {
    public let line: Int
    public let caseID: String
    public let answer: String
}

public struct TraineeAnswerError: Error, CustomStringConvertible, Sendable, Equatable {
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

public enum TraineeAnswers {
    /// Parses every line; the first bad one is an error naming its line, and nothing is half-read.
    public static func parse(_ text: String, knownCases: Set<String>) throws(TraineeAnswerError) -> [TraineeAnswer] {
        var answers: [TraineeAnswer] = []
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw TraineeAnswerError(line: number, message: "not a JSON object")
            }
            if let unknown = object.keys.first(where: { $0 != "case" && $0 != "answer" }) {
                throw TraineeAnswerError(line: number, message: "unknown field '\(unknown)' (expected \"case\" and \"answer\")")
            }
            guard let caseID = object["case"] as? String else {
                throw TraineeAnswerError(line: number, message: "\"case\" must be a case id (text)")
            }
            guard knownCases.contains(caseID) else {
                throw TraineeAnswerError(line: number, message: "no case '\(caseID)' in the corpus")
            }
            guard let answer = object["answer"] as? String else {
                throw TraineeAnswerError(line: number, message: "\"answer\" must be text")
            }
            answers.append(TraineeAnswer(line: number, caseID: caseID, answer: answer))
        }
        return answers
    }
}
