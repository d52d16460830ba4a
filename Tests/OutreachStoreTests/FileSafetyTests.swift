import Foundation
import GRDB
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachStore

/// What `AppDatabase.open` refuses, and that a refused path is left exactly as it was, with no
/// `-wal`, `-shm` or `-journal` file beside it.
@Suite struct FileSafetyTests {
    private let temporary = TemporaryFolder("files")
    var folder: URL { temporary.url }

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func noCompanions(_ path: String) -> Bool {
        ["-wal", "-shm", "-journal"].allSatisfy { !Fixture.exists(path + $0) }
    }

    /// An outreach database on disk, closed so that no `-wal` or `-shm` file is left.
    func closedDatabase(_ name: String) throws -> String {
        let file = path(name)
        let database = try AppDatabase.open(path: file)
        try database.addPartner(Partner(name: "Metro PD", sector: "police"))
        try database.close()
        #expect(noCompanions(file))
        return file
    }

    func refusal(_ path: String) -> String? {
        do {
            _ = try AppDatabase.open(path: path)
            return nil
        } catch {
            return error.localizedDescription
        }
    }

    @Test func anEmptyDatabaseOfAnotherApplicationIsRefusedUnchanged() throws {
        let cases = [
            "marked.db": "PRAGMA application_id = 1234567; CREATE VIEW v AS SELECT 1;",
            "marked-empty.db": "PRAGMA application_id = 1234567;",
            "view-only.db": "CREATE VIEW v AS SELECT 1;",
        ]
        for (name, sql) in cases {
            let file = path(name)
            let queue = try DatabaseQueue(path: file)
            try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
            try queue.close()
            let before = Fixture.bytes(file)
            #expect(refusal(file) == StoreError.notAnOutreachDatabase(path: file).localizedDescription, "\(name)")
            #expect(Fixture.bytes(file) == before, "\(name)")
            #expect(noCompanions(file), "\(name)")
        }
    }

    @Test func anOutreachDatabaseWithSomeoneElsesObjectsIsRefusedUnchanged() throws {
        let file = try closedDatabase("extra.sqlite")
        let queue = try DatabaseQueue(path: file)
        try queue.write { try $0.execute(sql: "CREATE VIEW everything AS SELECT * FROM note") }
        try queue.close()
        let before = Fixture.bytes(file)
        #expect(refusal(file) == StoreError.notAnOutreachDatabase(path: file).localizedDescription)
        #expect(Fixture.bytes(file) == before)
        #expect(noCompanions(file))
    }

    @Test func aRefusedWALDatabaseGetsNoWALOrSHMFile() throws {
        let file = try closedDatabase("newer.sqlite")
        let queue = try DatabaseQueue(path: file)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try queue.close()
        #expect(noCompanions(file))
        let before = Fixture.bytes(file)
        #expect(refusal(file)?.contains("written by a newer version of outreach") == true)
        #expect(Fixture.bytes(file) == before)
        #expect(noCompanions(file))
    }

    @Test func theSchemaObjectListMatchesTheMigrations() throws {
        var seen = Set<String>()
        let queue = try DatabaseQueue()
        for migration in Migrations.migrator.migrations {
            try Migrations.migrator.migrate(queue, upTo: migration)
            seen.formUnion(try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite%'") })
        }
        #expect(seen == Migrations.schemaObjects)
    }

    @Test func aFolderIsRefusedWithAMessage() throws {
        #expect(refusal(folder.path) == "'\(folder.path)' is a folder, not a database file; nothing was written to it. "
            + "Pass the path of a database file with --db, for example '--db \(folder.path)/outreach.sqlite'.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aDeviceOrAPipeIsRefusedAndNothingIsCreatedBesideIt() throws {
        let journalExisted = Fixture.exists("/dev/null-journal")
        #expect(refusal("/dev/null") == "'/dev/null' is a device, not a database file; nothing was written to it. Pass the path of a database file with --db.")
        if !journalExisted {
            #expect(!Fixture.exists("/dev/null-journal"))
            try? FileManager.default.removeItem(atPath: "/dev/null-journal")
        }
        let fifo = path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(refusal(fifo)?.hasPrefix("'\(fifo)' is a named pipe, not a database file") == true)
        #expect(noCompanions(fifo))
    }

    @Test func aLinkToNothingIsNamedAsSuch() throws {
        let link = path("link.sqlite"), target = path("gone/outreach.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(refusal(link) == "'\(link)' is a symbolic link to '\(target)', which does not exist; nothing was created. "
            + "Fix or remove the link, or pass another file with --db.")
        #expect(!Fixture.exists(target))
        #expect(noCompanions(link))
    }

    @Test func aReadOnlyFileIsNamedAsSuchAndLeftUnchanged() throws {
        let file = try closedDatabase("locked.sqlite")
        #expect(chmod(file, 0o400) == 0)
        let before = Fixture.bytes(file)
        #expect(refusal(file) == "'\(file)' is read-only, so outreach cannot save to it; nothing was written. "
            + "Make it writable with 'chmod u+w \(file)', or open a copy with --db.")
        #expect(Fixture.bytes(file) == before)
        #expect(noCompanions(file))
    }

    @Test func aFileOthersCouldReadIsMadePrivateAndTheCallerIsTold() throws {
        let file = try closedDatabase("shared.sqlite")
        #expect(chmod(file, 0o644) == 0)
        let database = try AppDatabase.open(path: file)
        #expect(database.notices == ["'\(file)' could be read by other users (mode 644); outreach made it and its -wal and -shm files private to you (mode 600)."])
        try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        #expect(Fixture.mode(file) == 0o600)
        #expect(Fixture.mode(file + "-wal") == 0o600)
        #expect(Fixture.mode(file + "-shm") == 0o600)
        #expect(try AppDatabase.open(path: file).notices.isEmpty)
    }

    @Test func backupsAndBundlesAreNewFilesPrivateToTheUser() throws {
        let database = try AppDatabase.open(path: path("source.sqlite"))
        try database.addPartner(Partner(name: "Metro PD", sector: "police"))
        let copy = path("copy.sqlite"), bundle = path("team.jsonl"), taken = path("taken.jsonl")
        try database.backup(to: copy)
        _ = try database.exportBundle(to: URL(fileURLWithPath: bundle), redact: false)
        #expect(Fixture.mode(copy) == 0o600)
        #expect(Fixture.mode(bundle) == 0o600)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: taken))
        #expect(throws: StoreError.exportFailed(path: taken, reason: "the file already exists")) {
            try database.exportBundle(to: URL(fileURLWithPath: taken), redact: false)
        }
        #expect(Fixture.bytes(taken) == Data("keep me".utf8))
    }

    @Test func anEmptyPathAsksForAFileName() {
        #expect(refusal("") == "--db needs a file name, for example '--db outreach.sqlite'.")
    }
}
