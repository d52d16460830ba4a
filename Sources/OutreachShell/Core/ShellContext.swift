import Foundation
import OutreachCatalog
import OutreachCore
import OutreachStore

/// Everything a command needs: the store, the plugins and playbooks, the output, and where the
/// user is (the chosen partner, the running playbook).
public final class ShellContext {
    public let database: AppDatabase
    public let catalog: Catalog
    public let output: TextOutput
    public var style: Style
    /// Whether a person is typing at a terminal (prompts, confirmations, colour).
    public let isInteractive: Bool
    /// Asks the person a yes/no question; nil when nobody can answer (scripts answer no).
    public var confirm: (String) -> Bool
    public var currentPartner: Partner?
    public var activeRun: ActiveRun?
    /// Set by `quit`.
    public var wantsToQuit = false

    public init(database: AppDatabase, catalog: Catalog, output: TextOutput, style: Style, isInteractive: Bool,
                confirm: @escaping (String) -> Bool = { _ in false }) {
        self.database = database
        self.catalog = catalog
        self.output = output
        self.style = style
        self.isInteractive = isInteractive
        self.confirm = confirm
    }

    // MARK: Output

    public func print(_ text: String = "") { output.write(text + "\n") }
    public func printError(_ message: String) { output.writeError(style.bad("error: ") + message + "\n") }
    public func printWarning(_ message: String) { output.writeError(style.warn("warning: ") + message + "\n") }

    // MARK: Lookups with suggestions

    public func sector(_ id: String) throws -> Plugin {
        if let plugin = catalog.plugin(id), plugin.kind == .sector { return plugin }
        let ids = catalog.sectors.map(\.id)
        throw ShellError.unknownSector(id, suggestion: Suggestions.phrase(for: id, in: ids))
    }

    public func plugin(_ id: String) throws -> Plugin {
        if let plugin = catalog.plugin(id) { return plugin }
        throw ShellError.unknownPlugin(id, suggestion: Suggestions.phrase(for: id, in: catalog.plugins.map(\.plugin.id)))
    }

    public func playbook(_ id: String) throws -> LoadedPlaybook {
        if let playbook = catalog.playbook(id) { return playbook }
        throw ShellError.unknownPlaybook(id, suggestion: Suggestions.phrase(for: id, in: catalog.playbooks.map(\.playbook.id)))
    }

    /// The partner named, or the current one when no name is given.
    public func partner(named name: String?) throws -> Partner {
        if let name { return try database.partner(named: name) }
        if let partner = activeRun?.partner ?? currentPartner { return partner }
        throw ShellError.noPartnerChosen
    }

    /// The session a command means: the one numbered, else the running one, else the current
    /// partner's latest, else the latest of all.
    public func session(numbered number: Int64?) throws -> Session {
        if let number { return try database.session(number: number) }
        if let active = activeRun { return active.session }
        if let partner = currentPartner, let latest = try database.sessions(partnerID: partner.id).last { return latest }
        if let latest = try database.sessionSummaries().last?.session { return latest }
        throw ShellError.usage("there are no sessions yet. Start one with 'start dash --partner NAME'.")
    }

    // MARK: Completion data

    public func partnerNameCandidates() -> [String] {
        ((try? database.partnerNames()) ?? []).map(Tokenizer.quote)
    }

    public func sessionCandidates() -> [String] {
        ((try? database.sessionNumbers()) ?? []).map(String.init)
    }
}
