import ArgumentParser
import Foundation
import OutreachCore

struct HelpCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "help", abstract: "List the commands, or show how to use one.", aliases: ["?"])
    static let group = CommandGroup.shell
    static let example = "help start"

    @Argument(help: "The command to explain.")
    var command: [String] = []

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? CommandRegistry.commands.map { $0.name } : []
    }

    func run(in context: ShellContext) throws {
        guard let name = command.first.map({ $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }) else {
            context.print(Self.overview(style: context.style))
            return
        }
        guard let type = CommandRegistry.command(named: name) else {
            throw ShellError.unknownCommand(name, suggestion: Suggestions.phrase(for: name, in: CommandRegistry.names))
        }
        context.print(Self.detail(of: type, style: context.style))
    }

    /// Every command by group, one line each.
    static func overview(style: Style) -> String {
        var lines: [String] = []
        for group in CommandGroup.allCases {
            let commands = CommandRegistry.commands.filter { $0.group == group }
            guard !commands.isEmpty else { continue }
            lines.append(style.bold(group.rawValue))
            let prefix = group == .running ? "/" : ""
            let width = commands.map { prefix.count + $0.name.count }.max() ?? 0
            for type in commands {
                let name = (prefix + type.name).padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("  \(name)  \(type.configuration.abstract)")
            }
            lines.append("")
        }
        lines.append("Type 'help COMMAND' for its usage and an example. Outside a playbook the leading '/' is optional.")
        return lines.joined(separator: "\n")
    }

    static func detail(of type: any ShellCommand.Type, style: Style) -> String {
        var lines = [style.bold(type.name) + " — " + type.configuration.abstract, "", "usage: " + usage(of: type)]
        let subcommands = type.configuration.subcommands
        if !subcommands.isEmpty {
            for sub in subcommands {
                // The parser's own usage line for each subcommand, under the shell's command name.
                let usage = sub.usageString().trimmingCharacters(in: .whitespacesAndNewlines)
                lines += ["", "  " + TextLayout.wrap("\(type.name) \(usage)", width: style.width - 2).replacingOccurrences(of: "\n", with: "\n    "),
                          "    " + style.dim(sub.configuration.abstract)]
            }
        }
        if !type.configuration.discussion.isEmpty {
            lines += ["", TextLayout.wrap(type.configuration.discussion, width: style.width)]
        }
        if !type.configuration.aliases.isEmpty { lines += ["", "also: " + type.configuration.aliases.joined(separator: ", ")] }
        lines += ["", "example:", "  " + type.example]
        return lines.joined(separator: "\n")
    }

    /// The usage line, as swift-argument-parser renders it, with the shell's command name.
    static func usage(of type: any ShellCommand.Type) -> String {
        let prefix = type.group == .running ? "/" : ""
        if !type.configuration.subcommands.isEmpty {
            return prefix + type.name + " " + type.configuration.subcommands.compactMap { $0.configuration.commandName }.joined(separator: "|") + " ..."
        }
        let usage = type.usageString().trimmingCharacters(in: .whitespacesAndNewlines)
        let arguments = usage.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        return prefix + type.name + (arguments.isEmpty ? "" : " " + arguments)
    }
}

struct QuitCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "quit", abstract: "Leave the shell (a running session is kept).", aliases: ["exit"])
    static let group = CommandGroup.shell
    static let example = "quit"
    static let takesNoArguments = true

    func run(in context: ShellContext) throws {
        context.wantsToQuit = true
    }
}
