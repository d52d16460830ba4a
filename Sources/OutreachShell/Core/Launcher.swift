import Foundation
import OutreachCatalog
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

    public static func run(_ options: LaunchOptions, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        let output = StandardOutput()
        let paths = SearchPaths.standard(environment: environment)
        let databasePath = options.database ?? environment["OUTREACH_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? paths.dataDirectory.appendingPathComponent("outreach.sqlite").path

        var scriptLines: [String]?
        if let script = options.script {
            guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
                output.writeError("error: cannot read the script '\(script)'. Check the path.\n")
                return usageExitCode
            }
            scriptLines = text.components(separatedBy: "\n")
            if scriptLines?.last == "" { scriptLines?.removeLast() }
        }

        let database: AppDatabase
        do {
            if databasePath != ":memory:" { try FileAccess.preparePrivateFolder(at: paths.dataDirectory.path) }
            database = try AppDatabase.open(path: databasePath)
        } catch {
            output.writeError("error: \(error.localizedDescription)\n")
            return 1
        }
        let catalog = Catalog(paths: paths)
        let interactive = options.commands.isEmpty && scriptLines == nil && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let declineWithoutTerminal: (String) -> Bool = { question in
            output.writeError("note: \(question.trimmingCharacters(in: .whitespaces)) (no terminal to answer: taken as no)\n")
            return false
        }
        let context = ShellContext(
            database: database, catalog: catalog, output: output, style: Style.forStandardOutput(environment: environment),
            isInteractive: interactive, confirm: interactive ? askYesNo : declineWithoutTerminal)
        for problem in catalog.problems {
            context.printWarning("skipped \(problem.localizedDescription)")
        }

        let reader: LineReader
        if !options.commands.isEmpty {
            reader = ListLineReader(options.commands)
        } else if let scriptLines {
            reader = ListLineReader(scriptLines)
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
        return Shell(context: context).run(reader: reader, bail: options.bail)
    }

    private static func askYesNo(_ question: String) -> Bool {
        FileHandle.standardOutput.write(Data(question.utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
