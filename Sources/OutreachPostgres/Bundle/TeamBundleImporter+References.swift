import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamBundleImporter {
    /// The kinds of record other records refer to; the raw value is the table (and the word in messages).
    enum Target: String, CaseIterable {
        case partner, session, party, partnership
    }

    /// Refuses the bundle when a record refers to a partner, session, party or partnership that is
    /// neither in the bundle nor in this database, naming the first such record's line and the
    /// reference (the message SQLite's import gives). Ids outside the bundle are looked up together,
    /// one query per kind.
    func checkReferences(_ records: [StoreBundle.Record]) throws {
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
        var outside: [Target: Set<UUID>] = [:]
        for record in records {
            for (target, id) in Self.references(of: record.content) where bundled[target]?.contains(id) != true {
                outside[target, default: []].insert(id)
            }
        }
        guard !outside.isEmpty else { return }
        var known: [Target: Set<UUID>] = [:]
        for (target, ids) in outside {
            let found = try database.rows(
                "SELECT id FROM \(unescaped: target.rawValue) WHERE id = ANY(\(Bound(ids: ids)))").map { try TeamRow($0)("id", as: UUID.self) }
            known[target] = Set(found)
        }
        for record in records {
            for (target, id) in Self.references(of: record.content)
            where bundled[target]?.contains(id) != true && known[target]?.contains(id) != true {
                throw StoreError.badBundle(path: path, line: record.line, reason: "the \(record.content.kind) refers to \(target.rawValue) "
                    + "'\(id.uuidString.lowercased())', which is neither in the bundle nor in this database")
            }
        }
    }

    /// Every record a line refers to, in field order.
    static func references(of line: StoreBundle.Line) -> [(Target, UUID)] {
        var found: [(Target, UUID)] = []
        func visit(_ target: Target, _ id: UUID?) { if let id { found.append((target, id)) } }
        switch line {
        case .partner, .partnership: break
        case .party(let party): visit(.partner, party.partnerID)
        case .alias(let alias): visit(.party, alias.partyID)
        case .member(let member): visit(.partnership, member.partnershipID); visit(.party, member.partyID)
        case .session(let session): visit(.partner, session.partnerID); visit(.partnership, session.partnershipID)
        case .answer(let answer): visit(.session, answer.sessionID)
        case .note(let note): visit(.partner, note.partnerID); visit(.session, note.sessionID); visit(.partnership, note.partnershipID)
        case .term(let term): visit(.partner, term.partnerID); visit(.session, term.sessionID)
        case .value(let value):
            visit(.partner, value.partnerID); visit(.session, value.sessionID); visit(.partnership, value.partnershipID)
            for id in value.beneficiaryIDs + value.payerIDs { visit(.party, id) }
        case .action(let action):
            visit(.partner, action.partnerID); visit(.session, action.sessionID); visit(.partnership, action.partnershipID)
        }
        return found
    }
}
