import Foundation
import OutreachCore

/// The rows `PartyMerge` reads and writes, each engine in its own SQL. The merge decides; a
/// storage only finds and writes, so SQLite and PostgreSQL imports reach the same rows and counts.
///
/// Names are matched without regard to case, and a lookup by name returns the first row found.
package protocol PartyMergeStorage {
    /// Whether foreign keys and unique names are checked at every statement (PostgreSQL) rather
    /// than at the commit (SQLite, with `defer_foreign_keys`): a new row kept is then first written
    /// under a stand-in name, so what refers to the rows merged into it can move before they go.
    var checksConstraintsAtOnce: Bool { get }

    func partner(id: UUID) throws -> Partner?
    func partner(named name: String) throws -> Partner?
    /// Gives a partner its party the way `partner add` does here (that rule is the engine's own,
    /// shared with `partner add`): the party linked to it, else an unlinked one of its name, else new.
    func linkParty(for partner: Partner) throws

    func party(id: UUID) throws -> Party?
    func party(partnerID: UUID) throws -> Party?
    /// A party with the name, other than `excluded`.
    func party(named name: String, excluding excluded: UUID?) throws -> Party?
    func insert(_ party: Party) throws
    func update(_ party: Party) throws
    /// Moves the aliases and memberships of party `from` to party `to` (a membership both have
    /// keeps its earliest `createdAt`), then removes `from`. Values are moved by the merge first.
    func repointParty(_ from: UUID, to: UUID) throws
    /// The values that name the party among their beneficiaries or payers.
    func values(naming party: UUID) throws -> [ValueItem]
    func update(_ value: ValueItem) throws

    func alias(named name: String) throws -> PartyAlias?
    func containsAlias(id: UUID) throws -> Bool
    func insert(_ alias: PartyAlias) throws
    func delete(_ alias: PartyAlias) throws

    func partnership(id: UUID) throws -> Partnership?
    func partnership(named name: String) throws -> Partnership?
    func insert(_ partnership: Partnership) throws
    func update(_ partnership: Partnership) throws
    /// Moves the sessions, notes, values, actions and memberships of partnership `from` to `to` (a
    /// membership both have keeps its earliest `createdAt`), then removes `from`.
    func repointPartnership(_ from: UUID, to: UUID) throws

    func member(partnershipID: UUID, partyID: UUID) throws -> PartnershipMember?
    func insert(_ member: PartnershipMember) throws
    func update(_ member: PartnershipMember) throws
}

/// What merging one record did to the database, as an import counts it.
package enum MergeOutcome { case inserted, updated, unchanged }

extension ImportSummary {
    package mutating func count(_ outcome: MergeOutcome) {
        switch outcome {
        case .inserted: inserted += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
    }
}
