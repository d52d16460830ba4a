import Foundation
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachShell

/// A fresh folder for files a test writes; removed when the test ends.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// How many rows each table holds.
func rowCounts(_ database: any Store) throws -> [String: Int] {
    Dictionary(uniqueKeysWithValues: try database.healthReport().counts.map { ($0.table, $0.rows) })
}

/// A shell with two partners, a paused session, public and private notes, a term, a value and an action.
func populatedHarness() throws -> ShellHarness {
    let harness = try ShellHarness()
    harness.run([
        addRiverside, #"start dash --partner "Riverside Housing Authority""#, "Families on the waitlist", "/pause",
        #"note "Board meets monthly #board""#, #"note "The director distrusts the county" --private"#,
        #"term PHA "public housing authority""#, "value add shorter waitlists --benefits tenants --lens operational --horizon short",
        addMetro, #"note "Chief keeps a private list of informants" --private"#, "action add call the chief --owner Maria --due 2999-01-01",
    ])
    #expect(harness.errors.isEmpty, "set-up failed: \(harness.errors)")
    return harness
}

@Suite struct BackupAndCheckTests {
    @Test func backupCopiesEverythingAndNeverOverwrites() throws {
        let folder = try ScratchFolder()
        let harness = try populatedHarness()
        let file = folder.path("copy.sqlite")
        #expect(harness.run(["backup \(Tokenizer.quote(file))"]) == 0)
        #expect(harness.text.contains("Backed up the database to '\(file)'."))
        let copy = try AppDatabase.open(path: file)
        #expect(try rowCounts(copy) == (try rowCounts(harness.context.database)))
        #expect(try copy.notes().count == 3)

        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
        #expect(harness.run(["backup \(Tokenizer.quote(file))"]) == 1)
        #expect(harness.errors.contains("'\(file)' already exists; add --force to replace it, or choose another path."))
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int == size)
    }

    @Test func checkReportsIntegritySchemaAndCounts() throws {
        let harness = try populatedHarness()
        #expect(harness.run(["check"]) == 0)
        let latest = try harness.context.database.schemaVersion().last ?? ""
        #expect(harness.text.contains("integrity:  ok"))
        #expect(harness.text.contains("latest '\(latest)' (up to date)"))
        #expect(harness.text.contains("records:    2 partners, 1 session, 1 answer, 3 notes, 1 term, 1 value, 1 action"))
    }

    @Test func aDamagedDatabaseFailsTheCheck() throws {
        let good = try AppDatabase.inMemory().healthReport()
        var damaged = good
        damaged.integrity = ["row 3 missing from index note_partner", "wrong # of entries in index note_partner"]
        #expect(CheckCommand.isHealthy(good))
        #expect(!CheckCommand.isHealthy(damaged))
        let text = CheckCommand.render(damaged, path: "team.sqlite", style: .plain)
        #expect(text.contains("integrity:  2 problems\n  - row 3 missing from index note_partner\n  - wrong # of entries in index note_partner"))
        var behind = good
        behind.migrations.removeLast()
        #expect(!CheckCommand.isHealthy(behind))
        #expect(CheckCommand.render(behind, path: "team.sqlite", style: .plain).contains("behind; this outreach knows '\(good.latestKnown)'"))
    }
}

@Suite struct ExportAndImportTests {
    @Test func anExportSaysWhetherPrivateNotesAreInIt() throws {
        let folder = try ScratchFolder()
        let harness = try populatedHarness()
        let full = folder.path("full.jsonl"), redacted = folder.path("redacted.jsonl")
        #expect(harness.run(["export --bundle \(Tokenizer.quote(full))", "export --bundle \(Tokenizer.quote(redacted)) --redact"]) == 0)
        let fullText = try String(contentsOfFile: full, encoding: .utf8)
        let redactedText = try String(contentsOfFile: redacted, encoding: .utf8)
        let fullRecords = fullText.split(separator: "\n").count - 2
        let redactedRecords = redactedText.split(separator: "\n").count - 2
        #expect(harness.text.contains("Exported \(fullRecords) records to '\(full)'.\nIt includes 2 private notes;"))
        #expect(harness.text.contains("Exported \(redactedRecords) records to '\(redacted)'.\nPrivate notes left out: 2."))
        #expect(fullRecords == redactedRecords + 2)
        #expect(fullText.contains("distrusts the county"))
        for secret in try harness.context.database.notes().filter(\.isPrivate) {
            #expect(!redactedText.contains(secret.text))
            #expect(!redactedText.contains(secret.id.uuidString.lowercased()))
        }
        #expect(redactedText.contains("Board meets monthly"))
    }

    @Test func anExportOfOnePartnerHoldsOnlyTheirRecords() throws {
        let folder = try ScratchFolder()
        let harness = try populatedHarness()
        let file = folder.path("metro.jsonl")
        #expect(harness.run(["export --bundle \(Tokenizer.quote(file)) --partner Metro --redact"]) == 0)
        #expect(harness.text.contains("Exported 3 records about Metro to '\(file)'.\nPrivate notes left out: 1."))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("call the chief"))
        #expect(!text.contains("Riverside"))
    }

    @Test func anExportNeverOverwritesAFile() throws {
        let folder = try ScratchFolder()
        let file = folder.path("taken.jsonl")
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: file))
        let harness = try populatedHarness()
        #expect(harness.run(["export --bundle \(Tokenizer.quote(file))"]) == 1)
        #expect(harness.errors.contains("already exists; add --force to replace it, or choose another path."))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me\n")
    }

    @Test func importingTheSameBundleTwiceChangesNothingTheSecondTime() throws {
        let folder = try ScratchFolder()
        let source = try populatedHarness()
        let file = folder.path("team.jsonl")
        source.run(["export --bundle \(Tokenizer.quote(file))"])
        let records = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count - 2

        let target = try ShellHarness()
        #expect(target.run(["import \(Tokenizer.quote(file))"]) == 0)
        #expect(target.text.contains("Imported '\(file)': \(records) added, 0 updated, 0 unchanged."))
        let counts = try rowCounts(target.context.database)
        #expect(counts == (try rowCounts(source.context.database)))

        #expect(target.run(["import \(Tokenizer.quote(file))"]) == 0)
        #expect(target.text.contains("Imported '\(file)': 0 added, 0 updated, \(records) unchanged."))
        #expect(try rowCounts(target.context.database) == counts)

        target.run(["search waitlist"])
        #expect(target.text.contains("answer · Riverside Housing Authority · session 1 · dash.homework.shared-population"))
    }

    @Test func aTruncatedBundleChangesNothing() throws {
        let folder = try ScratchFolder()
        let source = try populatedHarness()
        let file = folder.path("team.jsonl")
        source.run(["export --bundle \(Tokenizer.quote(file))"])
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)

        let target = try ShellHarness()
        target.run(["partner add Library --sector housing", #"note "Already here""#])
        let before = try rowCounts(target.context.database)
        let withoutEnd = folder.path("without-end.jsonl"), cutMidLine = folder.path("cut.jsonl")
        try (lines.dropLast(2).joined(separator: "\n") + "\n").write(toFile: withoutEnd, atomically: true, encoding: .utf8)
        let whole = lines.joined(separator: "\n")
        try String(whole.prefix(whole.count * 2 / 3)).write(toFile: cutMidLine, atomically: true, encoding: .utf8)
        for path in [withoutEnd, cutMidLine] {
            #expect(target.run(["import \(Tokenizer.quote(path))"]) == 1)
            #expect(target.errors.contains("'\(path)' line"))
            #expect(target.errors.contains("nothing was imported"))
            #expect(try rowCounts(target.context.database) == before)
        }
    }

    @Test func importExplainsAMissingFileAndWaitsForAPause() throws {
        let folder = try ScratchFolder()
        let harness = try ShellHarness()
        #expect(harness.run(["import \(Tokenizer.quote(folder.path("none.jsonl")))"]) == 1)
        #expect(harness.errors.contains("there is no file '\(folder.path("none.jsonl"))'; give the path of a bundle written by 'export --bundle'."))
        let file = folder.path("team.jsonl")
        harness.run([addRiverside, "export --bundle \(Tokenizer.quote(file))", #"start dash --partner "Riverside Housing Authority""#,
                     "/import \(Tokenizer.quote(file))"])
        #expect(harness.errors.contains("a playbook is running; type '/pause' before 'import'"))
    }
}

@Suite struct DataCommandMessageTests {
    @Test func anEmptyFileNameAsksForOne() throws {
        let harness = try populatedHarness()
        #expect(harness.run([#"export --bundle """#]) == 1)
        #expect(harness.errors.contains("export --bundle needs a file name, for example 'export --bundle team.jsonl'."))
        #expect(!harness.errors.contains("NSCocoaErrorDomain"))
        #expect(harness.run([#"backup """#]) == 1)
        #expect(harness.errors.contains("backup needs a file name, for example '\(BackupCommand.example)'."))
    }

    @Test func aBackupOrExportIntoAMissingFolderSaysWhatFailed() throws {
        let folder = try ScratchFolder()
        let harness = try populatedHarness()
        let missing = folder.path("no-such-folder")
        let copy = missing + "/copy.sqlite", bundle = missing + "/team.jsonl"
        #expect(harness.run(["backup \(Tokenizer.quote(copy))"]) == 1)
        #expect(harness.errors.contains("cannot back up to '\(copy)': the folder '\(missing)' does not exist; nothing was written."))
        #expect(!harness.errors.contains("--db"))
        #expect(harness.run(["export --bundle \(Tokenizer.quote(bundle))"]) == 1)
        #expect(harness.errors.contains("cannot write the bundle '\(bundle)': the folder '\(missing)' does not exist; nothing was written."))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
