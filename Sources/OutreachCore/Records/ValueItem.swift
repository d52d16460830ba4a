import Foundation

/// A value the partnership could create: what it is, who reaps it, through which lens, how soon,
/// and the notes that are evidence for it.
public struct ValueItem: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var partnerID: UUID?
    public var sessionID: UUID?
    public var questionID: String?
    public var value: String
    public var benefits: [String]
    public var lens: ValueLens
    public var horizon: ValueHorizon
    /// Ids of notes that support this value.
    public var evidence: [UUID]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), partnerID: UUID?, sessionID: UUID? = nil, questionID: String? = nil,
        value: String, benefits: [String], lens: ValueLens, horizon: ValueHorizon, evidence: [UUID] = [],
        createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.partnerID = partnerID
        self.sessionID = sessionID
        self.questionID = questionID
        self.value = value
        self.benefits = benefits
        self.lens = lens
        self.horizon = horizon
        self.evidence = evidence
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
