import Foundation

/// A playbook file a lead published to the team database, for every lead to use.
public struct PublishedPlaybook: Sendable, Equatable {
    public var id: String
    public var version: String
    /// The SHA-256 of the file's bytes: the same id and version must always mean the same file.
    public var digest: String
    public var fileName: String
    public var source: String
    /// The database role that published it.
    public var publishedBy: String
    public var publishedAt: Date

    public init(id: String, version: String, digest: String, fileName: String, source: String, publishedBy: String, publishedAt: Date) {
        self.id = id
        self.version = version
        self.digest = digest
        self.fileName = fileName
        self.source = source
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
    }
}

/// What `publishPlaybook` did.
public enum PublishOutcome: Sendable, Equatable {
    case published
    /// The same file (id, version and digest) was there already; nothing changed.
    case alreadyPublished
}

/// The SQLite file belongs to one lead: the team features say how to get a team database.
extension AppDatabase {
    public func publishPlaybook(id: String, version: String, digest: String, fileName: String, source: String) throws -> PublishOutcome {
        throw StoreError.needsTeamDatabase(command: "playbook publish")
    }

    public func publishedPlaybooks() throws -> [PublishedPlaybook] { [] }

    public func addLead(role: String) throws -> String {
        throw StoreError.needsTeamDatabase(command: "db add-lead")
    }
}
