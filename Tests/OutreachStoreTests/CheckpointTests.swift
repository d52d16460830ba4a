import Foundation
import OutreachCore
import Testing
@testable import OutreachStore

/// Commits never wait for a checkpoint; the log is still copied into the database, in the background.
@Suite struct CheckpointTests {
    @Test func aGrowingLogIsCheckpointedInTheBackground() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-checkpoint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("outreach.sqlite").path
        let database = try AppDatabase.open(path: path)
        let partner = try database.addPartner(Partner(name: "Metro PD", sector: "police"))
        let before = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        let text = String(repeating: "calls for service at the same address, ", count: 40)
        for index in 0..<3000 {
            try database.addNote(Note(partnerID: partner.id, text: "\(index) \(text)"))
        }
        database.checkpointer?.waitUntilIdle()
        let after = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(after > before + 2_000_000, "the database file did not grow: \(before) → \(after)")
        #expect(try database.notes().count == 3000)
        #expect(try database.healthReport().isHealthy)
    }
}
