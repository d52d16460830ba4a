import ArgumentParser
import Foundation
import OutreachCore

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
        while !context.wantsToQuit {
            switch readLogicalLine(from: reader) {
            case .end:
                if context.isInteractive { context.print() }
                return finish(failed: failed)
            case .interrupted:
                continue
            case .line(let line):
                if !execute(line) {
                    failed = true
                    if bail { return finish(failed: true) }
                }
            }
        }
        return finish(failed: failed)
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
        let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !line.isEmpty, !line.hasPrefix("#") || context.activeRun != nil else { return true }
        do {
            if context.activeRun != nil, !line.hasPrefix("/") {
                try context.answerCurrentQuestion(line)
                return true
            }
            try dispatch(line.hasPrefix("/") ? String(line.dropFirst()) : line)
            return true
        } catch let error as CommandLineFailure {
            context.output.writeError(error.text)
            return false
        } catch let error as ValidationError {
            context.printError(error.message)
            return false
        } catch {
            context.printError(error.localizedDescription)
            return false
        }
    }

    private func dispatch(_ line: String) throws {
        let words: [String]
        do { words = try Tokenizer.split(line) } catch { throw ShellError.unclosedQuote }
        guard let name = words.first else { return }
        guard let type = CommandRegistry.command(named: name) else {
            throw ShellError.unknownCommand(name, suggestion: Suggestions.phrase(for: name, in: CommandRegistry.names))
        }
        let arguments = Array(words.dropFirst())
        if arguments.contains("--help") || arguments.contains("-h") {
            // The parser's own help, for the subcommand when one is named (`value add --help`).
            let target = type.configuration.subcommands.first { $0.configuration.commandName == arguments.first } ?? type
            context.print(type.helpMessage(for: target, columns: context.style.width).trimmingCharacters(in: .newlines))
            return
        }
        let parsed: ParsableCommand
        do {
            parsed = try type.parseAsRoot(Array(words.dropFirst()))
        } catch {
            let code = type.exitCode(for: error)
            if code == .success {
                context.print(type.fullMessage(for: error, columns: context.style.width).trimmingCharacters(in: .newlines))
                return
            }
            let message = type.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CommandLineFailure(text: context.style.bad("error: ") + "\(name): \(message)\n" + "usage: \(HelpCommand.usage(of: type))\n")
        }
        guard var command = parsed as? any ShellCommand else {
            context.print(HelpCommand.detail(of: type, style: context.style))
            return
        }
        try command.run(in: context)
    }

    // MARK: Reading

    /// Joins continued lines: a line ending in `\` goes on; a `"""` line opens a block until the next `"""`.
    func readLogicalLine(from reader: LineReader) -> LineReadResult {
        let first = reader.readLine(prompt: context.prompt)
        guard case .line(let line) = first else { return first }
        if line.trimmingCharacters(in: .whitespaces) == "\"\"\"" {
            var lines: [String] = []
            while true {
                switch reader.readLine(prompt: "... ") {
                case .line(let next):
                    if next.trimmingCharacters(in: .whitespaces) == "\"\"\"" { return .line(lines.joined(separator: "\n")) }
                    lines.append(next)
                case .interrupted: return .interrupted
                case .end: return .line(lines.joined(separator: "\n"))
                }
            }
        }
        var text = line
        while text.hasSuffix("\\") {
            text.removeLast()
            switch reader.readLine(prompt: "... ") {
            case .line(let next): text += "\n" + next
            case .interrupted: return .interrupted
            case .end: return .line(text)
            }
        }
        return .line(text)
    }
}

/// A parse failure already rendered with usage; printed as it is.
struct CommandLineFailure: Error {
    let text: String
}

extension ShellContext {
    /// Where you are: the partner and, inside a playbook, the step and question number.
    public var prompt: String {
        if let active = activeRun {
            var parts = [active.partner.sector, active.partner.name]
            if let stepIndex = active.run.currentStepIndex {
                let step = active.run.playbook.steps[stepIndex]
                parts.append("\(stepIndex + 1)/\(active.run.playbook.steps.count) \(step.id)")
                if let position = active.run.positionInStep { parts.append("\(position.number)/\(position.count)") }
            } else {
                parts.append("done")
            }
            return parts.joined(separator: " · ") + " > "
        }
        if let partner = currentPartner { return "\(partner.sector) · \(partner.name) > " }
        return "outreach > "
    }
}
