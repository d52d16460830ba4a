import Foundation
import GRDB
import OutreachCore

extension BundleImporter {
    /// The kinds of record other records refer to, with the table that holds them.
    enum Target: String, CaseIterable {
        case partner, session, party, partnership

        var existsSQL: String {
            switch self {
            case .partner: "SELECT EXISTS (SELECT 1 FROM partner WHERE id = ?)"
            case .session: "SELECT EXISTS (SELECT 1 FROM session WHERE id = ?)"
            case .party: "SELECT EXISTS (SELECT 1 FROM party WHERE id = ?)"
            case .partnership: "SELECT EXISTS (SELECT 1 FROM partnership WHERE id = ?)"
            }
        }
    }

    /// Refuses the bundle when a record refers to a partner, session, party or partnership that is
    /// neither in the bundle nor in this database, naming the record's line and the reference.
    func checkReferences(_ records: [Bundle.Record]) throws {
        var bundled: [Target: Set<UUID>] = [:]
        for record in records {
            switch record.content {
            case .partner(let partner): bundled[.partner, default: []].insert(partner.id)
            case .session(let session): bundled[.session, default: []].insert(session.id)
            case .party(let party): bundled[.party, default: []].insert(party.id)
            case .partnership(let partnership): bundled[.partnership, default: []].insert(partnership.id)
            default: break
            }
        }
        var known: [Target: Set<UUID>] = [:]
        for record in records {
            for (target, id) in record.content.references where bundled[target]?.contains(id) != true && known[target]?.contains(id) != true {
                let statement = try db.cachedStatement(sql: target.existsSQL)
                guard try Bool.fetchOne(statement, arguments: [id.uuidString.lowercased()]) == true else {
                    throw StoreError.badBundle(path: path, line: record.line, reason: "the \(record.content.kind) refers to \(target.rawValue) "
                        + "'\(id.uuidString.lowercased())', which is neither in the bundle nor in this database")
                }
                known[target, default: []].insert(id)
            }
        }
    }
}

extension Bundle.Line {
    /// Every record this one refers to, in field order.
    var references: [(BundleImporter.Target, UUID)] {
        func some(_ pairs: (BundleImporter.Target, UUID?)...) -> [(BundleImporter.Target, UUID)] {
            pairs.compactMap { pair in pair.1.map { (pair.0, $0) } }
        }
        switch self {
        case .partner, .partnership: return []
        case .party(let party): return some((.partner, party.partnerID))
        case .alias(let alias): return some((.party, alias.partyID))
        case .member(let member): return some((.partnership, member.partnershipID), (.party, member.partyID))
        case .session(let session): return some((.partner, session.partnerID), (.partnership, session.partnershipID))
        case .answer(let answer): return some((.session, answer.sessionID))
        case .note(let note): return some((.partner, note.partnerID), (.session, note.sessionID), (.partnership, note.partnershipID))
        case .term(let term): return some((.partner, term.partnerID), (.session, term.sessionID))
        case .value(let value):
            return some((.partner, value.partnerID), (.session, value.sessionID), (.partnership, value.partnershipID))
                + (value.beneficiaryIDs + value.payerIDs).map { (.party, $0) }
        case .action(let action):
            return some((.partner, action.partnerID), (.session, action.sessionID), (.partnership, action.partnershipID))
        }
    }
}
