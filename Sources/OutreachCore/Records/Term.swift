import Foundation

/// A word of a partner's jargon, captured in conversation with the team's translation of it.
public struct Term: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var partnerID: UUID?
    public var sessionID: UUID?
    public var questionID: String?
    public var term: String
    public var meaning: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), partnerID: UUID?, sessionID: UUID? = nil, questionID: String? = nil,
        term: String, meaning: String, createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.partnerID = partnerID
        self.sessionID = sessionID
        self.questionID = questionID
        self.term = term
        self.meaning = meaning
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
