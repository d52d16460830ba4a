import Foundation

/// Anyone value can land on or come from: a partner organisation, your own organisation, or an
/// outside beneficiary such as "state Medicaid" or "employers". One row per party everywhere;
/// other spellings are aliases.
public struct Party: Codable, Hashable, Sendable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A partner organisation you reach out to.
        case partner
        /// Your own organisation ("us").
        case own
        /// Someone outside the partnership who gains downstream.
        case outside
    }

    public var id: UUID
    public var name: String
    public var kind: Kind
    /// The partner record this party stands for (kinds `partner` and `own`).
    public var partnerID: UUID?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID = UUID(), name: String, kind: Kind, partnerID: UUID? = nil, createdAt: Date = Date(), updatedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.partnerID = partnerID
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public enum CodingKeys: String, CodingKey {
        case id, name, kind, partnerID, createdAt, updatedAt
    }
}

/// Another name for a party, matched without regard to case.
public struct PartyAlias: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var partyID: UUID
    public var alias: String
    public var createdAt: Date

    public init(id: UUID = UUID(), partyID: UUID, alias: String, createdAt: Date = Date()) {
        self.id = id
        self.partyID = partyID
        self.alias = alias
        self.createdAt = createdAt
    }

    public enum CodingKeys: String, CodingKey {
        case id, partyID, alias, createdAt
    }
}
