import Foundation

/// One run of a playbook with one partner. Keeps a snapshot of the questions it asked.
public struct Session: Codable, Hashable, Sendable, Identifiable {
    public enum Status: String, Codable, Sendable {
        case active, paused, finished
    }

    public var id: UUID
    /// A short number for typing at the prompt (`resume 3`).
    public var number: Int64?
    public var partnerID: UUID
    /// The partnership it belongs to, if any.
    public var partnershipID: UUID?
    public var playbookID: String
    public var playbookVersion: String
    /// SHA-256 (hex) of the resolved playbook the session runs.
    public var playbookDigest: String
    /// The resolved playbook as JSON, so answers always match the questions asked.
    public var snapshot: Data
    public var status: Status
    /// Index of the current question in the resolved playbook.
    public var position: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), number: Int64? = nil, partnerID: UUID, playbookID: String, playbookVersion: String,
        playbookDigest: String, snapshot: Data, status: Status = .active, position: Int = 0,
        partnershipID: UUID? = nil, createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.partnershipID = partnershipID
        self.id = id
        self.number = number
        self.partnerID = partnerID
        self.playbookID = playbookID
        self.playbookVersion = playbookVersion
        self.playbookDigest = playbookDigest
        self.snapshot = snapshot
        self.status = status
        self.position = position
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
