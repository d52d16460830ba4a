import Foundation
import OutreachCore

extension PartyMerge {
    // MARK: - Partners

    /// Matches a bundle's partner with the one here of the same id, else the same name (any case),
    /// whose id it then keeps, so a partner added in two databases is one here; the bundle id is
    /// mapped to it for the records that name it. Returns the partner under its id here, and the
    /// copy stored here if there is one; writing it is the importer's, its party waits for
    /// `linkPartners()`.
    package mutating func match(_ incoming: Partner) throws -> (partner: Partner, stored: Partner?) {
        var partner = incoming
        var stored = try storage.partner(id: incoming.id)
        if stored == nil, let sameName = try storage.partner(named: incoming.name) {
            partner.id = sameName.id
            stored = sameName
        }
        partnerIDs[incoming.id] = partner.id
        partnersToLink.append(partner.id)
        return (partner, stored)
    }

    /// Makes sure every partner merged so far has its party, linked to it here, once the bundle's
    /// parties are in (a version 1 bundle has none: they are made as `partner add` makes them).
    package mutating func linkPartners() throws {
        for id in partnersToLink {
            guard let partner = try storage.partner(id: id) else { continue }
            let party = try storage.party(partnerID: id)
            if let party, party.name == partner.name, party.kind == (partner.isOwn ? .own : .partner) { continue }
            try storage.linkParty(for: partner)
        }
        partnersToLink.removeAll()
    }
}
