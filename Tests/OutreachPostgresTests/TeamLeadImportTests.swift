import Foundation
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachPostgres
@testable import OutreachStore

/// A lead (not the owner) imports with only a lead's rights: column-limited updates, row-level
/// security on notes, deletes only where a merge needs them.
@Suite struct TeamLeadImportTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-lead-import-\(UUID().uuidString)")

    func file() throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("\(UUID().uuidString).jsonl")
    }

    /// A copy of a bundle with the records of `kind` changed by `change` (their `updatedAt` moved on a minute).
    func edited(_ bundle: URL, kind: String, _ change: (inout [String: Any]) -> Void) throws -> URL {
        var lines: [String] = []
        for line in try String(contentsOf: bundle, encoding: .utf8).split(separator: "\n") {
            guard var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["kind"] as? String == kind, var record = object["record"] as? [String: Any] else {
                lines.append(String(line))
                continue
            }
            change(&record)
            let stamp = try #require(record["updatedAt"] as? String)
            let updated = try #require(Timestamp.parseBundle(stamp))
            record["updatedAt"] = ISO8601DateFormatter.bundle(updated + 60)
            object["record"] = record
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        }
        let url = try file()
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func aLeadMergesBundlesAsSQLiteDoes() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try TestPostgres.server()
        let database = try server.freshDatabase()
        let owner = try database.openAsOwner()
        defer { owner.closeCleanly() }
        let role = "lead_\(UUID().uuidString.lowercased().prefix(8))"
        try owner.addLead(role: role)
        try database.setPassword("pw-lead", for: role)
        let lead = try database.open(as: role, password: "pw-lead")
        defer { lead.closeCleanly() }
        let sqlite = try AppDatabase.inMemory()

        // Both already know the outside party under another name, with the bundle's name as an alias.
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        let known = try AppDatabase.inMemory()
        let local = try known.addParty(Party(name: "Medicaid office", kind: .outside, createdAt: start))
        try known.addAlias("State Medicaid", to: local.id)
        let setup = try file()
        _ = try known.exportBundle(to: setup, redact: false)
        #expect(try lead.importBundle(from: setup, progress: nil) == sqlite.importBundle(from: setup, progress: nil))

        let source = try TeamBundleTests().populated()
        try source.addParty(Party(name: "State Medicaid", kind: .outside, createdAt: start))
        let bundle = try file()
        _ = try source.exportBundle(to: bundle, redact: false)
        let changedNotes = try edited(bundle, kind: "note") { $0["text"] = "\($0["text"] ?? "") (edited)" }
        let changedValues = try edited(changedNotes, kind: "value") { $0["value"] = "Far fewer evictions" }

        for (step, url) in [bundle, bundle, changedValues, changedValues].enumerated() {
            let expected = try sqlite.importBundle(from: url, progress: nil)
            #expect(try lead.importBundle(from: url, progress: nil) == expected, "import \(step + 1)")
            #expect(try lead.state() == sqlite.state(), "after import \(step + 1)")
        }
        #expect(try lead.notes(partnerID: nil, sessionID: nil).allSatisfy { $0.text.hasSuffix("(edited)") })
        #expect(try lead.notes(partnerID: nil, sessionID: nil).contains { $0.isPrivate })
        #expect(try lead.publishPlaybook(id: "dash", version: "1", digest: "d", fileName: "dash.yaml", source: "id: dash") == .published)
        #expect(try lead.publishedPlaybooks().map(\.publishedBy) == [role])
        // The owner does not see the lead's private note (FORCE ROW LEVEL SECURITY), and its export leaves it out.
        let ownerCopy = try file()
        let leadCopy = try file()
        let ownerCount = try owner.exportBundle(to: ownerCopy, partnerID: nil, redact: false)
        let leadCount = try lead.exportBundle(to: leadCopy, partnerID: nil, redact: false)
        #expect(ownerCount == leadCount - 1)
        #expect(try owner.privateNotesToExport(partnerID: nil) == 0 && lead.privateNotesToExport(partnerID: nil) == 1)
    }
}

extension ISO8601DateFormatter {
    /// A date as bundles write it.
    static func bundle(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
