import ArgumentParser
import Foundation
import OutreachShell

/// The executable: parses the command line and hands over to the shell.
struct Outreach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outreach",
        abstract: "A shell for reaching out to partners across sectors and finding shared value in data.",
        discussion: "With no commands, opens the interactive shell (or reads commands from standard input). Exit status: 0 when every command succeeded, 1 when one failed, 64 for bad usage.",
        version: Launcher.version,
        subcommands: [Run.self])

    @Option(name: .customShort("c"), help: ArgumentHelp("Run this command, then exit (repeatable).", valueName: "command"))
    var commands: [String] = []

    @Option(help: ArgumentHelp("Run the commands in this file, one per line.", valueName: "file"))
    var script: String?

    @Flag(help: "Stop at the first command that fails.")
    var bail = false

    @Option(help: ArgumentHelp("The database file (default: $OUTREACH_DB, else the data folder). ':memory:' for a throwaway one.", valueName: "path"))
    var db: String?

    func validate() throws {
        if !commands.isEmpty, script != nil { throw ValidationError("use either -c or --script, not both.") }
    }

    func run() throws {
        Launcher.runThenExit(LaunchOptions(commands: commands, script: script, bail: bail, database: db))
    }
}

/// `outreach run`: a scripted run of a playbook from an answers file, for training and checks.
struct Run: ParsableCommand {
    // Named here: without a name, swift-argument-parser derives it from the type with
    // String(describing:), a search of every protocol conformance in the binary at each start.
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a playbook from an answers file and print a transcript that is identical on every run.",
        discussion: "Exit status: 0 when every required question was answered, 1 when some are missing (they are listed), 64 for usage errors and answers files that cannot be used. See docs/training.md.")

    @Argument(help: "The playbook id (default: 'playbook' in the answers file).")
    var playbook: String?

    @Option(help: ArgumentHelp("The answers file (YAML).", valueName: "file"))
    var answers: String

    @Option(help: "The partner's name (default: 'partner.name' in the answers file).")
    var partner: String?

    @Option(help: "The partner's sector (default: 'partner.sector' in the answers file).")
    var sector: String?

    @Option(help: ArgumentHelp("Also write the transcript to this file.", valueName: "file"))
    var transcript: String?

    @Option(help: ArgumentHelp("The database to record the session in.", valueName: "path"))
    var db: String?

    @Flag(help: "Practice: use a throwaway in-memory database unless --db is given.")
    var training = false

    @Flag(help: "With --transcript, replace an existing file.")
    var force = false

    @Flag(name: .customLong("include-private"), help: "Show private notes in the transcript (left out by default).")
    var includePrivate = false

    func run() throws {
        let status = ScriptedRunCommand.execute(ScriptedRunOptions(
            playbook: playbook, answersPath: answers, partner: partner, sector: sector,
            transcriptPath: transcript, database: db, training: training, force: force, includePrivate: includePrivate))
        if status != 0 { throw ExitCode(status) }
    }
}

/// Parses and runs a command the way `main()` would, but words errors like the shell does
/// (`error: unknown option '--nope'.`) and keeps help and version on standard output.
func launch<Command: ParsableCommand>(_ type: Command.Type, named name: String, _ arguments: [String]) -> Never {
    do {
        var command = try type.parseAsRoot(arguments)
        try command.run()
        exit(0)
    } catch let code as ExitCode {
        exit(code.rawValue)
    } catch {
        let code = type.exitCode(for: error)
        if code == .success {
            print(type.fullMessage(for: error))
            exit(0)
        }
        var message = type.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
        if let first = message.first, first.isUppercase, message.dropFirst().first?.isLowercase ?? true {
            message = first.lowercased() + message.dropFirst()
        }
        if !message.hasSuffix(".") { message += "." }
        FileHandle.standardError.write(Data("error: \(message)\nusage: \(name == "outreach" ? "" : "outreach ")\(type.usageString())\nSee '\(name) --help'.\n".utf8))
        exit(code.rawValue)
    }
}

/// The everyday command lines (`-c`, `--db`, `--script`, `--bail`, each option followed by its
/// value as a separate word) read without swift-argument-parser, whose set-up costs about a
/// millisecond of every start. Returns nil for anything else (help, version, errors, `run`,
/// `--opt=value`, values that begin with '-', repeated single options, ...): those go to
/// swift-argument-parser, so messages and edge cases stay exactly its own.
func plainLaunchOptions(_ arguments: [String]) -> LaunchOptions? {
    var options = LaunchOptions()
    var index = 0
    func value() -> String? {
        index += 1
        guard index < arguments.count else { return nil }
        let word = arguments[index]
        // A subcommand name or an option-like word is left to swift-argument-parser to interpret.
        guard !word.isEmpty, !word.hasPrefix("-"), word != "run", word != "help" else { return nil }
        return word
    }
    while index < arguments.count {
        switch arguments[index] {
        case "-c":
            guard let command = value() else { return nil }
            options.commands.append(command)
        case "--db":
            guard options.database == nil, let path = value() else { return nil }
            options.database = path
        case "--script":
            guard options.script == nil, let path = value() else { return nil }
            options.script = path
        case "--bail":
            guard !options.bail else { return nil }
            options.bail = true
        default:
            return nil
        }
        index += 1
    }
    // The one rule `Outreach.validate()` checks; its message comes from swift-argument-parser.
    if !options.commands.isEmpty, options.script != nil { return nil }
    return options
}

/// `run` is dispatched before the shell's own options are parsed, so that `--db` belongs to it
/// (swift-argument-parser would otherwise give a parent's `--db` to the parent, and drop it).
let arguments = Array(CommandLine.arguments.dropFirst())
if let options = plainLaunchOptions(arguments) {
    Launcher.runThenExit(options)
} else if arguments.first == "run" {
    launch(Run.self, named: "outreach run", Array(arguments.dropFirst()))
} else if arguments.count >= 3, arguments[0] == "--db", arguments[2] == "run" {
    launch(Run.self, named: "outreach run", Array(arguments.dropFirst(3)) + ["--db", arguments[1]])
} else if arguments.first == "db" {
    // `outreach db copy --from A --to B` needs no database of its own; `outreach db add-lead` uses
    // $OUTREACH_DB (or `outreach --db ADDRESS db add-lead NAME`, below).
    Launcher.runThenExit(LaunchOptions(commands: [Launcher.commandLine(arguments)],
                                       database: arguments.dropFirst().first == "copy" ? ":memory:" : nil))
} else if arguments.count >= 3, arguments[0] == "--db", arguments[2] == "db" {
    Launcher.runThenExit(LaunchOptions(commands: [Launcher.commandLine(Array(arguments.dropFirst(2)))], database: arguments[1]))
} else {
    launch(Outreach.self, named: "outreach", arguments)
}
