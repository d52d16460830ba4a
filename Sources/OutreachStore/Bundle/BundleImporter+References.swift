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
        var bundled = IDSets()
        for record in records {
            switch record.content {
            case .partner(let partner): bundled.insert(partner.id, .partner)
            case .session(let session): bundled.insert(session.id, .session)
            case .party(let party): bundled.insert(party.id, .party)
            case .partnership(let partnership): bundled.insert(partnership.id, .partnership)
            default: break
            }
        }
        var known = IDSets()
        for record in records {
            try record.content.forEachReference { target, id in
                guard !bundled.contains(id, target), !known.contains(id, target) else { return }
                let statement = try db.cachedStatement(sql: target.existsSQL)
                guard try Bool.fetchOne(statement, arguments: [id.uuidString.lowercased()]) == true else {
                    throw StoreError.badBundle(path: path, line: record.line, reason: "the \(record.content.kind) refers to \(target.rawValue) "
                        + "'\(id.uuidString.lowercased())', which is neither in the bundle nor in this database")
                }
                known.insert(id, target)
            }
        }
    }

    /// Ids by the kind of record they name.
    struct IDSets {
        private var partners = Set<UUID>(), sessions = Set<UUID>(), parties = Set<UUID>(), partnerships = Set<UUID>()

        func contains(_ id: UUID, _ target: Target) -> Bool {
            switch target {
            case .partner: partners.contains(id)
            case .session: sessions.contains(id)
            case .party: parties.contains(id)
            case .partnership: partnerships.contains(id)
            }
        }

        mutating func insert(_ id: UUID, _ target: Target) {
            switch target {
            case .partner: partners.insert(id)
            case .session: sessions.insert(id)
            case .party: parties.insert(id)
            case .partnership: partnerships.insert(id)
            }
        }
    }
}

extension Bundle.Line {
    /// Calls `body` with every record this one refers to, in field order.
    func forEachReference(_ body: (BundleImporter.Target, UUID) throws -> Void) rethrows {
        func visit(_ target: BundleImporter.Target, _ id: UUID?) throws { if let id { try body(target, id) } }
        switch self {
        case .partner, .partnership: break
        case .party(let party): try visit(.partner, party.partnerID)
        case .alias(let alias): try visit(.party, alias.partyID)
        case .member(let member): try visit(.partnership, member.partnershipID); try visit(.party, member.partyID)
        case .session(let session): try visit(.partner, session.partnerID); try visit(.partnership, session.partnershipID)
        case .answer(let answer): try visit(.session, answer.sessionID)
        case .note(let note): try visit(.partner, note.partnerID); try visit(.session, note.sessionID); try visit(.partnership, note.partnershipID)
        case .term(let term): try visit(.partner, term.partnerID); try visit(.session, term.sessionID)
        case .value(let value):
            try visit(.partner, value.partnerID); try visit(.session, value.sessionID); try visit(.partnership, value.partnershipID)
            for id in value.beneficiaryIDs + value.payerIDs { try visit(.party, id) }
        case .action(let action):
            try visit(.partner, action.partnerID); try visit(.session, action.sessionID); try visit(.partnership, action.partnershipID)
        }
    }
}
