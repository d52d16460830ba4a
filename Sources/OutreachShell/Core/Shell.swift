import ArgumentParser
import Foundation
import OutreachCore
import OutreachSessions
import OutreachStore

/// The read–dispatch loop: reads logical lines, sends answers to the running playbook and
/// commands to their types, prints `error: ...` on failure and goes on.
public final class Shell {
    public let context: ShellContext

    public init(context: ShellContext) {
        self.context = context
    }

    /// Runs lines until the input ends or `quit`; returns the exit status (0 all succeeded, 1 some failed).
    public func run(reader: LineReader, bail: Bool = false) -> Int32 {
        var failed = false
        var kept = KeptLines()
        while !context.wantsToQuit {
            switch readLogicalLine(from: reader) {
            case .end:
                if context.isInteractive { context.print() }
                reportUnsent(kept)
                return finish(failed: failed)
            case .interrupted:
                continue
            case .unreadable(let message):
                context.printError(message)
                return finish(failed: true)
            case .line(let typed):
                if !kept.isEmpty, BareCommand.name(in: typed.trimmingWhitespace()) == "quit" {
                    reportUnsent(kept)
                    return finish(failed: failed)
                }
                let batch = kept.take(with: typed)
                for (index, line) in batch.enumerated() {
                    var outcome = perform(line)
                    if outcome.connectionLost {
                        if context.isInteractive {
                            kept.keep(batch[index...])
                            if kept.count > 1 { context.print(context.style.dim("\(kept.count) lines are kept; they will be sent in the order you typed them.")) }
                            break
                        }
                        outcome = retryUntilReachable(line)
                    }
                    if outcome.remember { reader.remember(line.trimmingWhitespace()) }
                    if !outcome.succeeded {
                        failed = true
                        if bail { return finish(failed: true) }
                    }
                }
            }
        }
        reportUnsent(kept)
        return finish(failed: failed)
    }

    /// Leaving with lines the team database never took: they are shown, so none is lost unseen.
    private func reportUnsent(_ kept: KeptLines) {
        guard !kept.isEmpty else { return }
        context.printWarning("the team database could not be reached, so these lines were not saved; type them again once it is back:\n"
            + kept.pending.map { "  " + $0 }.joined(separator: "\n"))
    }

    /// A person at the terminal saw each error as it happened, so leaving is a success; scripts get 1 when anything failed.
    private func finish(failed: Bool) -> Int32 {
        if let run = context.activeRun, context.isInteractive {
            context.print(context.style.dim("Session \(run.session.number ?? 0) is saved; type 'resume \(run.session.number ?? 0)' next time to continue."))
        }
        return failed && !context.isInteractive ? 1 : 0
    }

    /// Runs one logical line; returns false when it failed.
    @discardableResult
    public func execute(_ rawLine: String) -> Bool {
        perform(rawLine).succeeded
    }

    /// What running a line did: whether it succeeded, and whether it may go into the history file
    /// (commands only: never an answer, and never a command that carries note or answer text).
    struct Outcome {
        var succeeded: Bool
        var remember: Bool
        /// The team database could not be reached, so nothing of this line was saved.
        var connectionLost = false
    }

    /// How long a script or piped input waits for a team database that went away, before the
    /// line counts as failed. A person at the terminal gets the line back instead (`offer`).
    static let reconnectPatience: TimeInterval = 60

    /// Sends a line again every two seconds until the team database takes it or the patience runs
    /// out; says once that it is waiting, and once that it got through.
    private func retryUntilReachable(_ line: String) -> Outcome {
        context.printWarning("waiting up to \(Int(Self.reconnectPatience)) seconds for the team database to come back; the line is kept.")
        let deadline = Date().addingTimeInterval(Self.reconnectPatience)
        var outcome = Outcome(succeeded: false, remember: false, connectionLost: true)
        while outcome.connectionLost, Date() < deadline {
            Thread.sleep(forTimeInterval: 2)
            outcome = perform(line, reportingLostConnection: false)
        }
        if outcome.connectionLost {
            _ = perform(line)
        } else {
            context.print(context.style.dim("The team database is back; the line was sent."))
        }
        return outcome
    }

    /// Inside a playbook a line is an answer, unless it starts with `/` (a command) or is exactly
    /// the bare name of a command or `?` (see `BareCommand`). Outside, every line is a command.
    func perform(_ rawLine: String, reportingLostConnection: Bool = true) -> Outcome {
        let line = rawLine.trimmingWhitespace()
        guard !line.isEmpty, !line.hasPrefix("#") || context.activeRun != nil else { return Outcome(succeeded: true, remember: false) }
        do {
            if line.unicodeScalars.contains("\0") { throw ShellError.nulCharacter }
            if context.activeRun != nil, !line.hasPrefix("/") {
                guard let name = BareCommand.name(in: line) else {
                    context.show(try context.engine.answer(line))
                    return Outcome(succeeded: true, remember: false)
                }
                if context.isInteractive {
                    context.print(BareCommand.advice(for: line, command: name))
                    return Outcome(succeeded: true, remember: false)
                }
                return Outcome(succeeded: true, remember: try dispatch(name))
            }
            let command = line.hasPrefix("/") ? String(line.dropFirst()) : line
            return Outcome(succeeded: true, remember: try dispatch(command == "?" ? "help" : command))
        } catch let error as CommandLineFailure {
            context.output.writeError(error.text)
            return Outcome(succeeded: false, remember: false)
        } catch let error as ValidationError {
            context.printError(error.message)
            return Outcome(succeeded: false, remember: false)
        } catch let error as StoreError where error.isConnectionLost {
            if reportingLostConnection { context.printError(error.localizedDescription) }
            return Outcome(succeeded: false, remember: false, connectionLost: true)
        } catch {
            context.printError(error.localizedDescription)
            return Outcome(succeeded: false, remember: false)
        }
    }

    /// Parses and runs one command line; returns whether the line may be kept in the history file.
    private func dispatch(_ line: String) throws -> Bool {
        let words: [String]
        do { words = try Tokenizer.split(line) } catch { throw ShellError.unclosedQuote }
        guard let name = words.first else { return false }
        guard let type = CommandRegistry.command(named: name) else {
            throw ShellError.unknownCommand(name, suggestion: Suggestions.phrase(for: name, in: CommandRegistry.names))
        }
        let arguments = Array(words.dropFirst())
        if arguments.contains("--help") || arguments.contains("-h") {
            // The parser's own help, for the subcommand when one is named (`value add --help`).
            let target = type.configuration.subcommands.first { $0.configuration.commandName == arguments.first } ?? type
            context.print(type.helpMessage(for: target, columns: context.style.width).trimmingCharacters(in: .newlines))
            return true
        }
        if arguments.isEmpty, type.takesNoArguments {
            var command = type.init()
            try command.run(in: context)
            return command.keepsInHistory
        }
        let parsed: ParsableCommand
        do {
            parsed = try type.parseAsRoot(Array(words.dropFirst()))
        } catch {
            let code = type.exitCode(for: error)
            if code == .success {
                context.print(type.fullMessage(for: error, columns: context.style.width).trimmingCharacters(in: .newlines))
                return true
            }
            let message = type.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CommandLineFailure(text: context.style.bad("error: ") + "\(name): \(message)\n" + "usage: \(HelpCommand.usage(of: type))\n")
        }
        guard var command = parsed as? any ShellCommand else {
            context.print(HelpCommand.detail(of: type, style: context.style))
            return true
        }
        try command.run(in: context)
        return command.keepsInHistory
    }

    // MARK: Reading

    /// Joins continued lines: a line ending in `\` goes on after a space, as one paragraph; a `"""`
    /// line opens a block, kept line by line, until the next `"""`.
    func readLogicalLine(from reader: LineReader) -> LineReadResult {
        let first = reader.readLine(prompt: context.prompt)
        guard case .line(let line) = first else { return first }
        if line.trimmingWhitespace() == "\"\"\"" {
            var lines: [String] = []
            while true {
                switch reader.readLine(prompt: "... ") {
                case .line(let next):
                    if next.trimmingWhitespace() == "\"\"\"" { return .line(lines.joined(separator: "\n")) }
                    lines.append(next)
                case .interrupted: return .interrupted
                case .end: return .line(lines.joined(separator: "\n"))
                case .unreadable(let message): return .unreadable(message)
                }
            }
        }
        var text = line
        while text.hasSuffix("\\") {
            text.removeLast()
            switch reader.readLine(prompt: "... ") {
            case .line(let next): text += (text.last?.isWhitespace ?? true ? "" : " ") + next.trimmingWhitespace()
            case .interrupted: return .interrupted
            case .end: return .line(text)
            case .unreadable(let message): return .unreadable(message)
            }
        }
        return .line(text)
    }
}

/// A parse failure already rendered with usage; printed as it is.
struct CommandLineFailure: Error {
    let text: String
}
