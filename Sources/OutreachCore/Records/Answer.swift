import Foundation

/// One revision of the answer to a question in a session. Revisions are never overwritten.
public struct Answer: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var sessionID: UUID
    public var questionID: String
    public var revision: Int
    /// The answer text; nil records that the question was skipped.
    public var value: String?
    public var createdAt: Date

    public init(id: UUID = UUID(), sessionID: UUID, questionID: String, revision: Int, value: String?, createdAt: Date = Date()) {
        self.id = id
        self.sessionID = sessionID
        self.questionID = questionID
        self.revision = revision
        self.value = value
        self.createdAt = createdAt
    }

    public var isSkip: Bool { value == nil }
}

extension Array where Element == Answer {
    /// The revision that holds a question's effective answer (the newest with that text), else the
    /// question's latest revision (a skip). The revisions are in the store's order, oldest edit first.
    public func current(of questionID: String, effective: String?) -> Answer? {
        let own = filter { $0.questionID == questionID }
        if let effective { return own.last { $0.value == effective } ?? own.last { $0.value != nil } }
        return own.last
    }
}
