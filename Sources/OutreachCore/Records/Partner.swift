import Foundation

/// An organisation the collaboration reaches out to.
public struct Partner: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var name: String
    public var sector: String
    public var stakeholder: String?
    public var profile: String?
    public var doNotContact: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), name: String, sector: String, stakeholder: String? = nil,
        profile: String? = nil, doNotContact: Bool = false, createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.sector = sector
        self.stakeholder = stakeholder
        self.profile = profile
        self.doNotContact = doNotContact
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
