import ArgumentParser
import OutreachCore
import OutreachReports

/// The groups `help` lists commands under, in this order.
public enum CommandGroup: String, CaseIterable, Sendable {
    case partners = "Partners"
    case knowledge = "Notes, terms, values and actions"
    case sectors = "Sectors and plugins"
    case playbooks = "Playbooks and sessions"
    case running = "Inside a running playbook (type with a leading /)"
    case data = "Data"
    case reports = "Reports and coaching"
    case shell = "Shell"
}

/// A command of the shell's language. Each type declares its name, arguments and help (through
/// swift-argument-parser), its group, an example and how its arguments complete, so `help`,
/// TAB completion and dispatch all come from this one declaration.
public protocol ShellCommand: ParsableCommand {
    static var group: CommandGroup { get }
    static var example: String { get }
    /// Candidates for the word being completed, given the words already typed after the command name.
    static func completions(for typed: [String], in context: ShellContext) -> [String]
    mutating func run(in context: ShellContext) throws
    /// Whether the typed line may be kept in the history file: false for commands that carry
    /// note, answer or other free text about people.
    var keepsInHistory: Bool { get }
    /// True only for a command that declares no arguments, options, subcommands or `validate()`:
    /// typed alone, it is then made with `init()` without swift-argument-parser's set-up, which
    /// would build the same value (`quit`, the last command of most scripts, pays nothing for it).
    static var takesNoArguments: Bool { get }
}

extension ShellCommand {
    public static func completions(for typed: [String], in context: ShellContext) -> [String] { [] }
    public var keepsInHistory: Bool { true }
    public static var takesNoArguments: Bool { false }

    /// The name typed at the prompt.
    public static var name: String { configuration.commandName ?? String(describing: self).lowercased() }
    public static var allNames: [String] { [name] + configuration.aliases }

    public mutating func run() throws {
        throw ValidationError("'\(Self.name)' runs inside the outreach shell.")
    }
}

/// Options that several commands share a completion for.
enum OptionCompletion {
    /// When the previous word is an option taking a value, the values it completes to.
    static func values(after option: String?, in context: ShellContext) -> [String]? {
        switch option {
        case "--partner": context.partnerNameCandidates()
        case "--sector": context.catalog.sectors.map(\.id)
        case "--playbook": context.catalog.playbooks.map(\.playbook.id)
        case "--session": context.sessionCandidates()
        case "--format": ReportFormat.allCases.map(\.rawValue)
        case "--lens": KnowledgeCompletion.lenses
        case "--horizon": KnowledgeCompletion.horizons
        case "--tag": KnowledgeCompletion.tags(in: context)
        case "--evidence": KnowledgeCompletion.noteIDs(in: context)
        case "--owner": KnowledgeCompletion.owners(in: context)
        case "--benefits", "--pays": KnowledgeCompletion.beneficiaries(in: context)
        case "--partnership": context.partnershipNameCandidates()
        case "--way": ValueWay.allCases.map(\.rawValue)
        case "--perspective": ValuePerspective.allCases.map(\.rawValue)
        default: nil
        }
    }
}
