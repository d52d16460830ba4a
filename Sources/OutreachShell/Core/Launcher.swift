import Foundation
import OutreachCatalog
import OutreachCore
import OutreachPostgres
import OutreachReports
import OutreachSessions
import OutreachStore

/// How the shell was asked to run, from the command line.
public struct LaunchOptions {
    public var commands: [String] = []
    public var script: String?
    public var bail = false
    public var database: String?

    public init(commands: [String] = [], script: String? = nil, bail: Bool = false, database: String? = nil) {
        self.commands = commands
        self.script = script
        self.bail = bail
        self.database = database
    }
}

/// Puts the shell together: database, catalog, input source. Returns the process exit status.
public enum Launcher {
    public static let version = "0.1.0"
    public static let usageExitCode: Int32 = 64

    /// The one rule for which database to use: `--db`, else a non-empty `OUTREACH_DB`, else
    /// `outreach.sqlite` in the data folder.
    public static func databasePath(option: String?, environment: [String: String], paths: SearchPaths) -> String {
        option ?? environment["OUTREACH_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? paths.dataDirectory.appendingPathComponent("outreach.sqlite").path
    }

    /// Words from the command line as one shell line, each quoted where it needs to be.
    public static func commandLine(_ words: [String]) -> String {
        words.map(Tokenizer.quote).joined(separator: " ")
    }

    /// Opens the database: a team database on PostgreSQL for a `postgresql://` address, else the
    /// SQLite file (creating the private data folder first).
    static func openDatabase(at location: String, paths: SearchPaths,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any Store {
        if PostgresAddress.isAddress(location) { return try TeamDatabase.open(address: location, environment: environment) }
        if location != ":memory:" { try FileAccess.preparePrivateFolder(at: paths.dataDirectory.path) }
        return try AppDatabase.open(path: location)
    }

    /// The search paths for this database: a team database adds the playbooks published to it,
    /// copied to a private folder first. A failure to copy them is a warning, not a stop.
    static func searchPaths(_ paths: SearchPaths, for database: any Store, warn: (String) -> Void) -> SearchPaths {
        guard database is TeamDatabase else { return paths }
        var paths = paths
        let folder = TeamPlaybooks.folder(for: database, paths: paths)
        do {
            try TeamPlaybooks.sync(from: database, into: folder)
            paths.teamPlaybookFolder = folder
        } catch {
            warn("the team's published playbooks could not be read: \(error.localizedDescription)")
        }
        return paths
    }

    /// The catalog for this database, saying as warnings what could not be loaded.
    static func catalog(_ paths: SearchPaths, for database: any Store, console: ShellConsole) -> Catalog {
        let catalog = Catalog(paths: searchPaths(paths, for: database, warn: console.printWarning))
        for problem in catalog.problems { console.printWarning("skipped \(problem.localizedDescription)") }
        return catalog
    }

    /// Runs the shell, then ends the process with its exit status. A SQLite store is closed cleanly
    /// but never released: releasing GRDB's connection releases its dispatch queue, and libdispatch
    /// starts a worker thread to dispose of it just before the process ends.
    public static func runThenExit(_ options: LaunchOptions) -> Never {
        exit(run(options, keepingStoreUntilExit: true))
    }

    /// The store of a run that ends the process (see `runThenExit`).
    nonisolated(unsafe) private static var storeKeptUntilExit: (any Store)?

    public static func run(_ options: LaunchOptions, environment: [String: String] = ProcessEnvironment.current(),
                           keepingStoreUntilExit: Bool = false) -> Int32 {
        let output = StandardOutput()
        let paths = SearchPaths.standard(environment: environment)
        let databasePath = databasePath(option: options.database, environment: environment, paths: paths)

        var script: ScriptLineReader?
        if let path = options.script {
            do { script = try ScriptLineReader(path: path) } catch {
                output.writeError("error: \(error.localizedDescription)\n")
                return usageExitCode
            }
        }

        let database: any Store
        do {
            database = try openDatabase(at: databasePath, paths: paths, environment: environment)
        } catch {
            output.writeError("error: \(error.localizedDescription)\n")
            return 1
        }
        defer { database.closeCleanly() }
        // Only SQLite's: a team database's connection is shut down when released, as before.
        if keepingStoreUntilExit, database is AppDatabase { storeKeptUntilExit = database }
        let interactive = options.commands.isEmpty && script == nil && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let declineWithoutTerminal: (String) -> Bool = { question in
            output.writeError("note: \(question.trimmingCharacters(in: .whitespaces)) (no terminal to answer: taken as no)\n")
            return false
        }
        let console = ShellConsole(output: output, style: Style.forStandardOutput(environment: environment),
                                   isInteractive: interactive, confirm: interactive ? askYesNo : declineWithoutTerminal)
        // The catalog is read when a command first needs it: `-c sessions` or a script that only
        // lists never reads plugins or playbooks. At the terminal it is read now, so that what
        // could not be loaded is said before the first prompt.
        let context = ShellContext(
            engine: SessionEngine(database: database, catalog: catalog(paths, for: database, console: console)), console: console)
        for notice in database.notices { context.printWarning(notice) }
        if interactive { _ = context.catalog }

        let reader: LineReader
        if !options.commands.isEmpty {
            reader = ListLineReader(options.commands)
        } else if let script {
            reader = script
        } else if interactive {
            do {
                reader = try EditLineReader(
                    historyPath: paths.dataDirectory.appendingPathComponent("history").path, completer: Completer(context: context))
            } catch {
                output.writeError("error: \(error.localizedDescription)\n")
                return 1
            }
            context.print(context.style.bold("outreach \(version)") + " — data-sharing outreach, one conversation at a time. Type 'help' to see what you can do.")
            if let reminder = OverdueReminder.line(database: database, today: Date(), style: context.style) { context.print(reminder) }
        } else {
            reader = PlainLineReader()
        }
        let foreground = interactive ? TerminalForeground.claim() : nil
        defer { foreground?.release() }
        return Shell(context: context).run(reader: reader, bail: options.bail)
    }

    private static func askYesNo(_ question: String) -> Bool {
        FileHandle.standardOutput.write(Data(question.utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
