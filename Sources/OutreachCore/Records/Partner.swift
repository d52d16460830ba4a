import Foundation

/// An organisation the collaboration reaches out to, or (`isOwn`) your own organisation, which
/// needs no sector.
public struct Partner: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var name: String
    /// The sector plugin's id; empty for your own organisation when none is given.
    public var sector: String
    public var stakeholder: String?
    public var profile: String?
    public var doNotContact: Bool
    /// Your own organisation: "us" in coaching, coverage and reports.
    public var isOwn: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), name: String, sector: String, stakeholder: String? = nil,
        profile: String? = nil, doNotContact: Bool = false, isOwn: Bool = false, createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.sector = sector
        self.stakeholder = stakeholder
        self.profile = profile
        self.doNotContact = doNotContact
        self.isOwn = isOwn
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, sector, stakeholder, profile, doNotContact, isOwn, createdAt, updatedAt
    }

    /// Reads records of every schema version: `isOwn` came later and defaults to false.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        sector = try container.decode(String.self, forKey: .sector)
        stakeholder = try container.decodeIfPresent(String.self, forKey: .stakeholder)
        profile = try container.decodeIfPresent(String.self, forKey: .profile)
        doNotContact = try container.decodeIfPresent(Bool.self, forKey: .doNotContact) ?? false
        isOwn = try container.decodeIfPresent(Bool.self, forKey: .isOwn) ?? false
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }
}
