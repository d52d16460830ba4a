import ArgumentParser
import Foundation
import OutreachCore

/// Works out TAB completions for a partial line from the command registry and live data.
public struct Completer {
    let context: ShellContext

    public init(context: ShellContext) {
        self.context = context
    }

    /// Whole-word candidates for the word being typed at the end of `line`.
    public func candidates(for line: String) -> [String] {
        let scan = Tokenizer.scan(line)
        var words = scan.words
        let partial = scan.endsBetweenWords ? "" : (words.popLast() ?? "")
        let quotedPartial = scan.openQuote.map { String($0) + partial } ?? partial
        let all = options(words: words, partial: partial)
        return all.filter { candidate in
            candidate.hasPrefix(quotedPartial) || (scan.openQuote == nil && candidate.hasPrefix("\"" + partial))
        }.sorted()
    }

    private func options(words: [String], partial: String) -> [String] {
        guard let first = words.first else {
            let inRun = context.activeRun != nil
            let names = CommandRegistry.commands.map { $0.name }
            return inRun || partial.hasPrefix("/") ? names.map { "/" + $0 } : names
        }
        let name = first.hasPrefix("/") ? String(first.dropFirst()) : first
        guard let type = CommandRegistry.command(named: name) else { return [] }
        let typed = Array(words.dropFirst())
        if let values = OptionCompletion.values(after: typed.last, in: context) { return values }
        let commandType = subcommand(of: type, typed: typed) ?? type
        if partial.hasPrefix("-") { return CommandOptions.names(of: commandType) }
        let positional = type.completions(for: typed.filter { !$0.hasPrefix("-") }, in: context)
        return positional.isEmpty ? CommandOptions.names(of: commandType) : positional
    }

    private func subcommand(of type: any ShellCommand.Type, typed: [String]) -> ParsableCommand.Type? {
        guard let word = typed.first else { return nil }
        return type.configuration.subcommands.first { $0.configuration.commandName == word }
    }
}

/// Option names of a command, read from swift-argument-parser's own description of it.
enum CommandOptions {
    nonisolated(unsafe) private static var cache: [String: [String]] = [:]

    static func names(of type: ParsableCommand.Type) -> [String] {
        let key = String(reflecting: type)
        if let cached = cache[key] { return cached }
        var names: [String] = []
        if let data = type._dumpHelp().data(using: .utf8),
           let info = try? JSONDecoder().decode(ToolInfo.self, from: data) {
            for argument in info.command.arguments ?? [] where argument.kind != "positional" {
                if let long = argument.names?.first(where: { $0.kind == "long" }), long.name != "help" {
                    names.append("--" + long.name)
                }
            }
        }
        cache[key] = names
        return names
    }

    private struct ToolInfo: Decodable {
        struct Command: Decodable { var arguments: [Argument]? }
        struct Argument: Decodable {
            struct Name: Decodable { var kind: String; var name: String }
            var kind: String
            var names: [Name]?
        }
        var command: Command
    }
}
