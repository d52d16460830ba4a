/// The rule for a line inside a running playbook that is exactly a command's bare name (`help`,
/// `quit`, `sessions`, …) or `?`: it is never saved as an answer. At the terminal the shell says
/// how to run it (`/help`) or answer it literally (`/answer help`); in `-c`, `--script` and piped
/// input it runs as that command, so scripts that call commands mid-playbook keep working.
enum BareCommand {
    /// The command a line names, when the whole line is a command's name (any letter case) or `?`.
    static func name(in line: String) -> String? {
        let word = line.trimmingWhitespace().lowercased()
        if word == "?" { return "help" }
        guard !word.contains(" "), CommandRegistry.command(named: word) != nil else { return nil }
        return word
    }

    static func advice(for line: String, command: String) -> String {
        "'\(line)' is a command's name, so it was not saved as the answer. Type '/\(command)' to run the command, or '/answer \(line)' to save it as the answer."
    }
}
