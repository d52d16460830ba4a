import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    // MARK: - Partnerships

    /// Adds a partnership with its members; your own organisation is always one of them.
    @discardableResult
    public func addPartnership(_ partnership: Partnership, memberIDs: [UUID]) throws -> Partnership {
        try write {
            try transaction {
                guard try insertUnlessConflicting(partnership) else { throw StoreError.duplicatePartnership(name: partnership.name) }
                var members = memberIDs
                if let own = try ownParty(), !members.contains(own.id) { members.insert(own.id, at: 0) }
                var seen = Set<UUID>()
                let rows = members.filter { seen.insert($0).inserted }
                    .map { PartnershipMember(partnershipID: partnership.id, partyID: $0, createdAt: partnership.createdAt) }
                try insert(rows, ignoringConflicts: true)
                return partnership
            }
        }
    }

    /// Writes a partnership's name and ask; a name another partnership has (any case) is refused.
    public func updatePartnership(_ partnership: Partnership) throws {
        var partnership = partnership
        partnership.updatedAt = Date()
        do {
            try write { [partnership] in try update(partnership) }
        } catch where Self.isUniqueViolation(error) {
            throw StoreError.duplicatePartnership(name: partnership.name)
        }
    }

    public func addMember(partyID: UUID, to partnershipID: UUID) throws {
        try write {
            try insert([PartnershipMember(partnershipID: partnershipID, partyID: partyID)], ignoringConflicts: true)
        }
    }

    public func partnerships() throws -> [Partnership] {
        try read {
            try Partnership.all(rows("SELECT \(unescaped: TeamColumns.partnership) FROM partnership ORDER BY lower(name), seq"))
        }
    }

    public func partnershipNames() throws -> [String] {
        try read {
            try rows("SELECT name FROM partnership ORDER BY lower(name), seq").map { try TeamRow($0)("name", as: String.self) }
        }
    }

    public func partnership(id: UUID) throws -> Partnership? {
        try read {
            try Partnership.one(rows("SELECT \(unescaped: TeamColumns.partnership) FROM partnership WHERE id = \(Bound(id))"))
        }
    }

    /// The partnership with this name (any case), or an error with the closest name.
    public func partnership(named name: String) throws -> Partnership {
        try read {
            if let found = try Partnership.one(rows("SELECT \(unescaped: TeamColumns.partnership) FROM partnership WHERE lower(name) = lower(\(Bound(name))) LIMIT 1")) {
                return found
            }
            let names = try partnershipNames()
            let lowered = name.lowercased()
            let suggestion = names.first { $0.lowercased().hasPrefix(lowered) || $0.lowercased().contains(lowered) }
            throw StoreError.unknownPartnership(name: name, suggestion: suggestion)
        }
    }

    /// The partnership's members, your own organisation first, then by name.
    public func members(of partnershipID: UUID) throws -> [Party] {
        try read {
            try Party.all(rows("""
                SELECT \(unescaped: TeamColumns.party) FROM party JOIN partnershipMember ON partnershipMember.partyID = party.id
                WHERE partnershipMember.partnershipID = \(Bound(partnershipID))
                ORDER BY party.kind <> 'own', lower(party.name), party.seq
                """))
        }
    }

    /// The partnerships a party belongs to.
    public func partnerships(ofParty partyID: UUID) throws -> [Partnership] {
        try read {
            try Partnership.all(rows("""
                SELECT \(unescaped: TeamColumns.partnership) FROM partnership JOIN partnershipMember ON partnershipMember.partnershipID = partnership.id
                WHERE partnershipMember.partyID = \(Bound(partyID)) ORDER BY lower(partnership.name), partnership.seq
                """))
        }
    }

    // MARK: - What belongs to a partnership

    public func sessions(partnershipID: UUID) throws -> [Session] {
        try read {
            try Session.all(rows("SELECT \(unescaped: TeamColumns.session) FROM session WHERE partnershipID = \(Bound(partnershipID)) ORDER BY number"))
        }
    }

    public func values(partnershipID: UUID) throws -> [ValueItem] {
        try read {
            try ValueItem.all(rows("""
                SELECT \(unescaped: TeamColumns.value) FROM valueItem WHERE partnershipID = \(Bound(partnershipID)) ORDER BY createdAt, seq
                """))
        }
    }

    public func actions(partnershipID: UUID) throws -> [ActionItem] {
        try read {
            try ActionItem.all(rows("""
                SELECT \(unescaped: TeamColumns.action) FROM actionItem WHERE partnershipID = \(Bound(partnershipID))
                ORDER BY \(unescaped: Self.actionOrder)
                """))
        }
    }

    public func notes(partnershipID: UUID) throws -> [Note] {
        try read {
            try Note.all(rows("""
                SELECT \(unescaped: TeamColumns.note) FROM note WHERE partnershipID = \(Bound(partnershipID)) ORDER BY createdAt, seq
                """))
        }
    }

    /// The action log's order: open actions first, by due day (those without one last), then done
    /// ones, each in the order they were written.
    static let actionOrder = "doneAt IS NOT NULL, due IS NULL, due, seq"
}
