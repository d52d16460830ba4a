import Foundation
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    /// Publishes a playbook's source under its id and version. The same id and version with the
    /// same digest is already published (nothing changes); with another digest it is refused, since
    /// sessions already run under that version name its text: bump `version:` and publish again.
    public func publishPlaybook(id: String, version: String, digest: String, fileName: String, source: String) throws -> PublishOutcome {
        try write {
            try transaction {
                let inserted = try rows("""
                    INSERT INTO publishedPlaybook (id, version, digest, fileName, source)
                    VALUES (\(Bound(id)), \(Bound(version)), \(Bound(digest)), \(Bound(fileName)), \(Bound(source)))
                    ON CONFLICT (id, version) DO NOTHING RETURNING 1
                    """)
                if !inserted.isEmpty { return .published }
                let stored = try rows("SELECT digest FROM publishedPlaybook WHERE id = \(Bound(id)) AND version = \(Bound(version))")
                guard let existing = try stored.first.map({ try TeamRow($0)("digest", as: String.self) }) else {
                    throw StoreError.failed(path: path, reason: "the published playbook '\(id)' version \(version) could not be read back")
                }
                guard existing == digest else { throw StoreError.publishedDifferently(id: id, version: version) }
                return .alreadyPublished
            }
        }
    }

    /// Every published playbook, by id, then version.
    public func publishedPlaybooks() throws -> [PublishedPlaybook] {
        try read {
            try rows("SELECT * FROM publishedPlaybook ORDER BY id, version").map { row in
                let fields = TeamRow(row)
                return PublishedPlaybook(id: try fields("id", as: String.self), version: try fields("version", as: String.self), digest: try fields("digest", as: String.self),
                                         fileName: try fields("fileName", as: String.self), source: try fields("source", as: String.self),
                                         publishedBy: try fields("publishedBy", as: String.self), publishedAt: try fields.date("publishedAt"))
            }
        }
    }
}
