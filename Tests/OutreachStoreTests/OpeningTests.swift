import Foundation
import GRDB
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachStore

@Suite struct OpeningTests {
    private let temporary = TemporaryFolder("store")
    var folder: URL { temporary.url }

    @Test func aNewDatabaseIsPrivateToTheUser() throws {
        let path = folder.appendingPathComponent("data/outreach.sqlite").path
        let database = try AppDatabase.open(path: path)
        try database.addPartner(Partner(name: "Metro PD", sector: "police"))
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("data").path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        let walMode = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.posixPermissions] as? Int
        #expect(walMode == 0o600)
    }

    @Test func theSchemaIsMigratedFromAnEmptyFile() throws {
        let path = folder.appendingPathComponent("empty.sqlite").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let database = try AppDatabase.open(path: path)
        #expect(try database.schemaVersion() == Migrations.migrator.migrations)
        // Opening again applies nothing new and keeps the data.
        try database.addPartner(Partner(name: "Metro PD", sector: "police"))
        #expect(try AppDatabase.open(path: path).partners().map(\.name) == ["Metro PD"])
    }

    @Test func aFileThatIsNotADatabaseIsRefusedUntouched() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("notes.txt").path
        let content = Data("Meeting notes, not a database\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: content))
        #expect(throws: StoreError.notAnOutreachDatabase(path: path)) { try AppDatabase.open(path: path) }
        #expect(FileManager.default.contents(atPath: path) == content)
    }

    @Test func anotherApplicationsSQLiteFileIsRefusedUntouched() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        let before = FileManager.default.contents(atPath: path)
        #expect(throws: StoreError.notAnOutreachDatabase(path: path)) { try AppDatabase.open(path: path) }
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func aNewerSchemaIsRefusedUntouched() throws {
        let path = folder.appendingPathComponent("newer.sqlite").path
        _ = try AppDatabase.open(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        let before = FileManager.default.contents(atPath: path)
        #expect(throws: StoreError.newerSchema(path: path, unknown: ["v99-from-the-future"])) { try AppDatabase.open(path: path) }
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func aCorruptFileIsRefusedWithItsName() throws {
        let path = folder.appendingPathComponent("corrupt.sqlite").path
        let database = try AppDatabase.open(path: path)
        try database.addPartner(Partner(name: "Metro PD", sector: "police"))
        try database.writer.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for index in 100..<min(bytes.count, 4096) { bytes[index] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        #expect {
            try AppDatabase.open(path: path)
        } throws: { error in
            guard case StoreError.unreadable(let reportedPath, _) = error else { return false }
            return reportedPath == path && error.localizedDescription.contains("nothing was written")
        }
    }
}
