import Foundation

/// An initiative between several parties, such as "Tenant health data" between a housing
/// authority, a hospital and your own organisation. Sessions, notes, values and actions can
/// belong to it.
public struct Partnership: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var name: String
    /// What you are asking the partners to do, in a sentence: the brief's first line.
    public var ask: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), name: String, ask: String? = nil, createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.ask = ask
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public enum CodingKeys: String, CodingKey {
        case id, name, ask, createdAt, updatedAt
    }
}

/// A party's membership of a partnership.
public struct PartnershipMember: Codable, Hashable, Sendable {
    public var partnershipID: UUID
    public var partyID: UUID
    public var createdAt: Date

    public init(partnershipID: UUID, partyID: UUID, createdAt: Date = Date()) {
        self.partnershipID = partnershipID
        self.partyID = partyID
        self.createdAt = createdAt
    }

    public enum CodingKeys: String, CodingKey {
        case partnershipID, partyID, createdAt
    }
}
