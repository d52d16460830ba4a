import Foundation
import OutreachCatalog
import OutreachCore
import OutreachSessions
import OutreachStore

extension ShellContext {
    // MARK: Lookups with suggestions

    public func sector(_ id: String) throws -> Plugin { try catalog.requireSector(id) }
    public func plugin(_ id: String) throws -> Plugin { try catalog.requirePlugin(id) }
    public func playbook(_ id: String) throws -> LoadedPlaybook { try catalog.requirePlaybook(id) }

    /// The partner named, or the current one when no name is given.
    public func partner(named name: String?) throws -> Partner {
        if let name { return try database.partner(named: name) }
        if let partner = activeRun?.partner ?? currentPartner { return partner }
        throw SessionError.noPartnerChosen
    }

    /// The session a command means: the one numbered, else the running one, else the current
    /// partner's latest, else the latest of all.
    public func session(numbered number: Int64?) throws -> Session {
        if let number { return try database.session(number: number) }
        if let active = activeRun { return active.session }
        if let partner = currentPartner, let latest = try database.sessions(partnerID: partner.id).last { return latest }
        if let latest = try database.sessionSummaryPage(partnerID: nil, PageRequest(limit: 1)).rows.last?.session { return latest }
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
