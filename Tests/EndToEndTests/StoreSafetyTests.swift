import Foundation
import OutreachCore
import OutreachStore
import Testing

/// The release binary given a path it must refuse, or a damaged database: a message and exit
/// status 1, never a crash, a raw SQLite error, or a file created beside the path.
@Suite struct StoreSafetyTests {
    @Test func aFolderOrADeviceAsTheDatabaseIsRefusedWithoutACrash() throws {
        let binary = OutreachBinary()
        let target = binary.dataFolder.appendingPathComponent("chosen folder")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: binary.dataFolder) }
        let folder = try binary.run(["--db", target.path, "-c", "check"])
        #expect(folder.status == 1)
        #expect(folder.errors.contains("'\(target.path)' is a folder, not a database file; nothing was written to it."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
        let device = try binary.run(["--db", "/dev/null", "-c", "check"])
        #expect(device.status == 1)
        #expect(device.errors.contains("'/dev/null' is a device, not a database file"))
    }

    @Test func checkOnADamagedDatabaseNamesTheDamageNotSQLite() throws {
        let binary = OutreachBinary()
        let folder = binary.dataFolder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try filledDatabase(in: folder)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let middle = bytes.count / 2 / 4096 * 4096
        try #require(bytes.count > middle + 8 * 4096)
        for index in middle..<(middle + 8 * 4096) { bytes[index] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))

        let result = try binary.run(["--db", path, "-c", "check", "-c", #"partner add "Metro PD" --sector police"#])
        #expect(result.status == 1)
        #expect(!(result.output + result.errors).contains("SQLite error"))
        #expect(result.errors.contains("damaged") || result.errors.contains("failed the check"))
        #expect(!result.output.contains("Added"))
    }

    /// A database of a few megabytes, one partner and 3000 notes imported in one bundle, as a
    /// backup copy (a single file no connection holds).
    func filledDatabase(in folder: URL) throws -> String {
        let partnerID = UUID().uuidString.lowercased()
        let stamp = "2026-01-01T00:00:00.000Z"
        var lines = [#"{"createdAt":"\#(stamp)","format":"outreach-bundle","redacted":false,"version":1}"#,
                     #"{"kind":"partner","record":{"createdAt":"\#(stamp)","doNotContact":false,"id":"\#(partnerID)","name":"Riverside HA","sector":"housing","updatedAt":"\#(stamp)"}}"#]
        let words = String(repeating: "waitlist budget board ", count: 20)
        for index in 0..<3000 {
            lines.append(#"{"kind":"note","record":{"createdAt":"\#(stamp)","id":"\#(UUID().uuidString.lowercased())","isPrivate":false,"partnerID":"\#(partnerID)","text":"Meeting \#(index): \#(words)","updatedAt":"\#(stamp)"}}"#)
        }
        lines.append(#"{"end":true,"records":3001}"#)
        let bundle = folder.appendingPathComponent("fill.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: bundle)
        let database = try AppDatabase.open(path: folder.appendingPathComponent("source.sqlite").path)
        #expect(try database.importBundle(from: bundle).inserted == 3001)
        let copy = folder.appendingPathComponent("damaged.sqlite").path
        try database.backup(to: copy)
        return copy
    }
}
