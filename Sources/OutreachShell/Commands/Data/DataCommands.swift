import ArgumentParser
import Foundation
import OutreachCore
import OutreachSessions
import OutreachStore

/// File paths as typed at the prompt: `~` means the home folder.
enum TypedPath {
    static func expand(_ path: String) -> String {
        NSString(string: path).expandingTildeInPath
    }
}

struct BackupCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the whole database to a new file (safe while another shell writes).")
    static let group = CommandGroup.data
    static let example = "backup ~/outreach-backup-2026-11-24.sqlite"

    @Argument(help: "The new file; an existing file is never overwritten.") var path: String

    func run(in context: ShellContext) throws {
        guard !path.isEmpty else { throw StoreError.missingFileName(option: "backup", example: Self.example) }
        let file = TypedPath.expand(path)
        guard !FileManager.default.fileExists(atPath: file) else { throw ShellError.fileExists(path) }
        try context.database.backup(to: file)
        context.print("Backed up the database to '\(path)'. Open the copy with: outreach --db \(Tokenizer.quote(file))")
    }
}

struct CheckCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the database: integrity, schema version and record counts.")
    static let group = CommandGroup.data
    static let example = "check"

    func run(in context: ShellContext) throws {
        let report = try context.database.healthReport()
        context.print(Self.render(report, path: context.database.path, style: context.style))
        guard Self.isHealthy(report) else {
            throw ShellError.usage("the database '\(context.database.path)' failed the check. Stop writing to it, keep a copy of the file, "
                + "and restore your latest backup (or rescue what you can with sqlite3's '.recover').")
        }
    }

    static func isHealthy(_ report: HealthReport) -> Bool {
        report.isHealthy && report.migrations.last == report.latestKnown
    }

    static let recordNames = [
        "partner": "partner", "session": "session", "answer": "answer", "note": "note",
        "term": "term", "valueItem": "value", "actionItem": "action",
    ]

    static func render(_ report: HealthReport, path: String, style: Style) -> String {
        var lines = ["database:   " + (path == ":memory:" ? "in memory (nothing is kept)" : path)]
        if report.isHealthy {
            lines.append("integrity:  " + style.good("ok"))
        } else {
            lines.append("integrity:  " + style.bad(Plural.count(report.integrity.count, "problem")))
            for problem in report.integrity.prefix(10) { lines.append("  - " + problem) }
            if report.integrity.count > 10 { lines.append("  … and \(report.integrity.count - 10) more") }
        }
        let latest = report.migrations.last ?? "none"
        let current = latest == report.latestKnown
            ? style.good("up to date")
            : style.bad("behind; this outreach knows '\(report.latestKnown)'")
        lines.append("schema:     \(Plural.count(report.migrations.count, "migration")) applied, latest '\(latest)' (\(current))")
        let counts = report.counts.map { Plural.count($0.rows, recordNames[$0.table] ?? $0.table) }
        lines.append("records:    " + counts.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}

struct ExportCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write everything, or one partner's records, to a bundle to share.",
        discussion: "A bundle is a JSON Lines file that 'import' merges into another database. "
            + "Without --partner it holds everything. With --partner it holds that partner's records, the partnerships they are in "
            + "with those partnerships' members and records, and the parties their values name. --redact leaves every private note out.")
    static let group = CommandGroup.data
    static let example = "export --bundle riverside.jsonl --partner \"Riverside Housing Authority\" --redact"

    @Option(help: "The bundle file to write; it must not exist yet.") var bundle: String
    @Option(help: "Only this partner and what is recorded about them.") var partner: String?
    @Flag(help: "Leave out private notes.") var redact = false

    func run(in context: ShellContext) throws {
        guard !bundle.isEmpty else { throw StoreError.missingFileName(option: "export --bundle", example: "export --bundle team.jsonl") }
        let file = TypedPath.expand(bundle)
        guard !FileManager.default.fileExists(atPath: file) else { throw ShellError.fileExists(bundle) }
        let target = try partner.map { try context.database.partner(named: $0) }
        let privateNotes = try context.database.privateNotesToExport(partnerID: target?.id)
        let count = try context.database.exportBundle(to: URL(fileURLWithPath: file), partnerID: target?.id, redact: redact)
        let scope = target.map { " about \($0.name)" } ?? ""
        context.print("Exported \(Plural.count(count, "record"))\(scope) to '\(bundle)'.")
        if redact {
            context.print("Private notes left out: \(privateNotes).")
        } else if privateNotes > 0 {
            context.print(context.style.warn("It includes \(Plural.count(privateNotes, "private note")); ")
                + "share it only with people who may read them, or export again with --redact.")
        } else {
            context.print("It holds no private notes.")
        }
    }
}

struct ImportCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Merge a bundle from 'export' into this database, matching records by id.",
        discussion: "New records are added and a newer copy of a record replaces an older one, so importing the same bundle "
            + "again changes nothing. Parties are also matched by name or alias and partnerships by name, any case; two that are one "
            + "keep the smaller id. A damaged or cut-off bundle is refused as a whole.")
    static let group = CommandGroup.data
    static let example = "import riverside.jsonl"

    @Argument(help: "The bundle file.") var path: String

    func run(in context: ShellContext) throws {
        if context.activeRun != nil { throw SessionError.alreadyInPlaybook(command: "import") }
        guard !path.isEmpty else { throw StoreError.missingFileName(option: "import", example: Self.example) }
        let file = TypedPath.expand(path)
        guard FileManager.default.fileExists(atPath: file) else {
            throw ShellError.usage("there is no file '\(path)'; give the path of a bundle written by 'export --bundle'.")
        }
        let bar = context.isInteractive ? ProgressBar(console: context.console, noun: "records") : nil
        let summary = try context.database.importBundle(from: URL(fileURLWithPath: file), progress: bar.map { bar in { bar.show($0, of: $1) } })
        bar?.finish()
        try context.engine.refreshPartners()
        context.print("Imported '\(path)': \(summary.inserted) added, \(summary.updated) updated, \(summary.unchanged) unchanged.")
    }
}
