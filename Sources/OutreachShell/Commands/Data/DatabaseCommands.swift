import ArgumentParser
import Foundation
import OutreachCatalog
import OutreachStore

/// `db`: the team database's own tasks. Lead roles are added by the database's owner; copying
/// moves a lead's records between a SQLite file and a team database, either way.
struct DatabaseCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Team database tasks: add a lead's role, copy records between databases.",
        discussion: "A team database is PostgreSQL, opened with --db postgresql://USER@HOST:PORT/DBNAME; the password comes from "
            + "PGPASSWORD or ~/.pgpass, never from the address. See docs/team.md.",
        subcommands: [AddLead.self, Copy.self])
    static let group = CommandGroup.data
    static let example = "db add-lead maria"

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? ["add-lead", "copy"] : []
    }

    func run(in context: ShellContext) throws {
        context.print(HelpCommand.detail(of: Self.self, style: context.style))
    }

    struct AddLead: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-lead", abstract: "Create a lead's login role in the team database, or give an existing role a lead's rights.",
            discussion: "Run by the database's owner. A lead can read everything the team shares and add to it, and reads only their own private notes.")
        static let group = CommandGroup.data
        static let example = "db add-lead maria"

        @Argument(help: "The role name: lower-case letters, digits and '_'.") var role: String

        func run(in context: ShellContext) throws {
            context.print(try context.database.addLead(role: role))
        }
    }

    struct Copy: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy", abstract: "Copy every record from one database into another (SQLite file or team database).",
            discussion: "The records go through the same checks and merge as 'import': running it again changes nothing, and a newer "
                + "copy of a record wins. Private notes stay private: in a team database only the role that copied them can read them.")
        static let group = CommandGroup.data
        static let example = "db copy --from ~/.local/share/outreach/outreach.sqlite --to postgresql://maria@db.example.org/outreach"

        @Option(help: "The database to copy from: a SQLite file or a postgresql:// address.") var from: String
        @Option(help: "The database to copy into.") var to: String

        func run(in context: ShellContext) throws {
            let summary = try DatabaseCopy.run(from: from, to: to, paths: context.catalog.paths,
                                               progress: context.isInteractive ? ProgressBar(console: context.console, noun: "records") : nil)
            context.print(DatabaseCopy.describe(summary, from: from, to: to))
        }
    }
}

/// `db copy`: export the source to a private temporary bundle, import it into the target, remove it.
enum DatabaseCopy {
    static func run(from: String, to: String, paths: SearchPaths, environment: [String: String] = ProcessInfo.processInfo.environment,
                    progress: ProgressBar?) throws -> ImportSummary {
        let source = TypedPath.expand(from), target = TypedPath.expand(to)
        guard source != target else { throw ShellError.usage("--from and --to name the same database; nothing was copied.") }
        if !source.contains("://"), !FileManager.default.fileExists(atPath: source) {
            throw ShellError.usage("there is no database '\(from)'; give the path of an outreach database file or a postgresql:// address.")
        }
        let origin = try Launcher.openDatabase(at: source, paths: paths, environment: environment)
        defer { origin.closeCleanly() }
        let destination = try Launcher.openDatabase(at: target, paths: paths, environment: environment)
        defer { destination.closeCleanly() }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-copy-\(UUID().uuidString)")
        try FileAccess.preparePrivateFolder(at: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("records.jsonl")
        try origin.exportBundle(to: bundle, partnerID: nil, redact: false)
        let summary = try destination.importBundle(from: bundle, progress: progress.map { bar in { bar.show($0, of: $1) } })
        progress?.finish()
        return summary
    }

    static func describe(_ summary: ImportSummary, from: String, to: String) -> String {
        "Copied '\(from)' into '\(to)': \(summary.inserted) added, \(summary.updated) updated, \(summary.unchanged) unchanged."
    }
}
