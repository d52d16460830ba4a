import ArgumentParser
import OutreachShell

/// The executable: parses the command line and hands over to the shell.
struct Outreach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outreach",
        abstract: "A shell for reaching out to partners across sectors and finding shared value in data.",
        discussion: "With no commands, opens the interactive shell (or reads commands from standard input). Exit status: 0 when every command succeeded, 1 when one failed, 64 for bad usage.",
        version: Launcher.version)

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
        let status = Launcher.run(LaunchOptions(commands: commands, script: script, bail: bail, database: db))
        if status != 0 { throw ExitCode(status) }
    }
}

Outreach.main()
