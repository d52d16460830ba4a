import Foundation
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachStore

/// Bundles that must be refused whole with the line and the problem named, and ones that must not.
@Suite struct BundleHardeningTests {
    private let temporary = TemporaryFolder("bundle")
    var folder: URL { temporary.url }

    /// The lines of an exported bundle: header, partner, the partner's party, session, answer, note, end.
    func exportedLines() throws -> [String] {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let session = try database.createSession(Fixture.session(partnerID: partner.id))
        try database.recordAnswer(sessionID: session.id, questionID: "dash.q1", value: "Families on the waitlist", nextPosition: 1)
        try database.addNote(Note(partnerID: partner.id, sessionID: session.id, text: "Board meets monthly"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("source-\(UUID().uuidString).jsonl")
        _ = try database.exportBundle(to: url, redact: false)
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func write(_ text: String) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Imports `text` into a database holding one partner; returns the error message and whether
    /// the database was left unchanged.
    func refusal(_ text: String) throws -> (message: String?, unchanged: Bool) {
        let target = try AppDatabase.inMemory()
        try target.addPartner(Partner(name: "Library", sector: "housing"))
        let before = try target.healthReport().counts.map(\.rows)
        let url = try write(text)
        do {
            _ = try target.importBundle(from: url)
            return (nil, try target.healthReport().counts.map(\.rows) == before)
        } catch {
            return ("\(error.localizedDescription)".replacingOccurrences(of: url.path, with: "BUNDLE"),
                    try target.healthReport().counts.map(\.rows) == before)
        }
    }

    func replacing(_ lines: [String], at index: Int, _ transform: (inout [String: Any]) -> Void) throws -> String {
        var lines = lines
        var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as? [String: Any])
        var record = try #require(object["record"] as? [String: Any])
        transform(&record)
        object["record"] = record
        lines[index] = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aSessionWithAGarbageSnapshotIsRefusedWithItsLine() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try replacing(try exportedLines(), at: 3) { $0["snapshot"] = Data("garbage".utf8).base64EncodedString() }
        let result = try refusal(text)
        #expect(result.message == "'BUNDLE' line 4 is not a valid outreach bundle (the session's 'snapshot' is not a playbook outreach can run); nothing was imported.")
        #expect(result.unchanged)
    }

    @Test func aRecordWithAMissingFieldIsRefusedWithTheField() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try replacing(try exportedLines(), at: 1) { $0["sector"] = nil }
        let result = try refusal(text)
        #expect(result.message == "'BUNDLE' line 2 is not a valid outreach bundle (the record cannot be read: the field 'sector' is missing); nothing was imported.")
        #expect(result.unchanged)
    }

    @Test func aReferenceToAMissingPartnerIsNamed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let stranger = UUID().uuidString.lowercased()
        let text = try replacing(try exportedLines(), at: 5) { $0["partnerID"] = stranger }
        let result = try refusal(text)
        #expect(result.message == "'BUNDLE' line 6 is not a valid outreach bundle (the note refers to partner '\(stranger)', "
            + "which is neither in the bundle nor in this database); nothing was imported.")
        #expect(result.unchanged)
    }

    @Test func aReferenceToAMissingSessionIsNamed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = try exportedLines()
        lines.remove(at: 3)
        lines[lines.count - 1] = #"{"end":true,"records":4}"#
        let result = try refusal(lines.joined(separator: "\n") + "\n")
        #expect(result.message?.contains("line 4 is not a valid outreach bundle (the answer refers to session '") == true)
        #expect(result.unchanged)
    }

    @Test func textWithANULCharacterIsRefusedNotCut() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try replacing(try exportedLines(), at: 5) { $0["text"] = "Board meets\u{0}monthly" }
        #expect(text.contains(#"\u0000"#))
        let result = try refusal(text)
        #expect(result.message == "'BUNDLE' line 6 is not a valid outreach bundle (the note's 'text' holds a NUL character (\\u0000), "
            + "which outreach cannot keep whole; remove it and export again); nothing was imported.")
        #expect(result.unchanged)
    }

    @Test func aBundleWithWindowsLineEndingsImports() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try exportedLines()
        let target = try AppDatabase.inMemory()
        let summary = try target.importBundle(from: try write(lines.joined(separator: "\r\n") + "\r\n"))
        #expect(summary == ImportSummary(inserted: 5, updated: 0, unchanged: 0))
        #expect(try target.notes().map(\.text) == ["Board meets monthly"])
    }

    @Test func aWriterWaitsForAnotherShellsLongWriteAndIsToldWhenItGivesUp() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("shared.sqlite").path
        let importing = try AppDatabase.open(path: path)
        let patient = try AppDatabase.open(path: path)
        let hasty = try AppDatabase.open(path: path, busyTimeout: 0.1)
        let started = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? importing.write { db in
                try Partner(name: "Imported", sector: "housing").insert(db)
                started.signal()
                Thread.sleep(forTimeInterval: 1)
            }
            finished.signal()
        }
        started.wait()
        #expect(throws: StoreError.busy(path: path)) { try hasty.addNote(Note(partnerID: nil, text: "too soon")) }
        #expect(StoreError.busy(path: path).localizedDescription.contains("nothing was saved by this command. Try it again in a moment."))
        try patient.addNote(Note(partnerID: nil, text: "after the import"))
        finished.wait()
        #expect(try patient.notes().map(\.text) == ["after the import"])
        #expect(try patient.partners().map(\.name) == ["Imported"])
    }
}
