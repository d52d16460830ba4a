import Foundation
import OutreachCore
import OutreachStore

/// Turns a typed party name into the one party it means. The same party is one row everywhere:
///
/// 1. a party's name or alias, without regard to case;
/// 2. words for your own organisation ("us", "our organisation") mean the party you added with
///    `partner add NAME --own`; words for the partner ("the partner", "them") mean the partner of
///    the conversation, when there is one;
/// 3. a name within a typo of an existing name or alias is refused with "did you mean", so a slip
///    never makes a second party;
/// 4. anything else becomes a new outside beneficiary, and the result says so.
public struct PartyResolver {
    public struct Resolved: Sendable {
        public var party: Party
        /// Made now, as a new outside beneficiary.
        public var created: Bool
    }

    let database: any Store
    /// The partner the conversation is with, whom "the partner" means.
    let partner: Partner?

    public init(database: any Store, partner: Partner? = nil) {
        self.database = database
        self.partner = partner
    }

    public func resolve(_ typed: String) throws -> Resolved {
        let name = typed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !name.isEmpty else { throw SessionError.usage("a party's name is empty; name who gains or pays, such as --benefits \"state Medicaid\".") }
        if let party = try database.party(named: name) { return Resolved(party: party, created: false) }
        let names = try database.partyNames()
        // The same letters and digits, in other case or punctuation ("St Brigid" for "St. Brigid"): the same party.
        if let same = names.first(where: { Beneficiary.normalized($0) == Beneficiary.normalized(name) }),
           let party = try database.party(named: same) {
            return Resolved(party: party, created: false)
        }
        if let partner, Beneficiary.isPartner(name), let party = try database.party(forPartner: partner.id) {
            return Resolved(party: party, created: false)
        }
        if Beneficiary.isOwn(name) {
            guard let own = try database.ownParty() else { throw SessionError.ownOrganisationUnknown(typed: name) }
            return Resolved(party: own, created: false)
        }
        if let near = Self.nearest(to: name, in: names) {
            throw SessionError.nearParty(typed: name, existing: near)
        }
        let party = try database.addParty(Party(name: name, kind: .outside))
        return Resolved(party: party, created: true)
    }

    /// The parties several names mean, each once in the order first named, and the names of those
    /// made now as new outside beneficiaries.
    public func resolve(all names: [String]) throws -> (parties: [Party], created: [String]) {
        var parties: [Party] = []
        var created: [String] = []
        for name in names {
            let resolved = try resolve(name)
            if resolved.created { created.append(resolved.party.name) }
            if !parties.contains(resolved.party) { parties.append(resolved.party) }
        }
        return (parties, created)
    }

    /// The existing name a typed one is most likely a slip for: letters and digits only compared,
    /// within one edit for short names and up to three for long ones.
    static func nearest(to name: String, in names: [String]) -> String? {
        let typed = Beneficiary.normalized(name)
        let limit = max(1, min(3, typed.count / 6))
        var best: (name: String, distance: Int)?
        for candidate in names {
            let distance = Suggestions.distance(typed, Beneficiary.normalized(candidate))
            guard distance <= limit else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.name
    }
}
