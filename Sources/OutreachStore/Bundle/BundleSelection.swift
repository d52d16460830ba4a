import Foundation
import GRDB
import OutreachCore

/// The records an export writes, read inside one transaction, in the order an import needs them:
/// partners, parties, aliases, partnerships, members, then sessions, answers, notes, terms, values
/// and actions.
///
/// With a partner, the bundle holds what that partner's records need to make sense elsewhere:
/// - the partner's sessions, notes, terms, values and actions, and every session, note, value and
///   action of the partnerships their party is a member of or their records belong to;
/// - the sessions those records refer to (with their answers);
/// - the rows of every partnership those records belong to, with all its members;
/// - the parties those members are, the partner's own party, and every party its values name as
///   gaining or paying, with their aliases;
/// - the rows (only) of the partners those records and parties stand for, so your own
///   organisation's party arrives with its partner and `isOwn`.
struct BundleSelection {
    let db: Database
    let redact: Bool

    /// The lines of one partner's bundle (see above), in import order.
    func lines(partnerID: UUID) throws -> [Bundle.Line] {
        try partnerLines(partnerID.uuidString.lowercased())
    }

    /// Every line of the whole database in import order, read with cursors and handed over one at
    /// a time; `redact` leaves out private notes and every reference to one.
    func forEachLine(_ body: (Bundle.Line) throws -> Void) throws {
        func stream<T: FetchableRecord & TableRecord>(_ request: QueryInterfaceRequest<T>, _ line: (T) -> Bundle.Line) throws {
            let cursor = try request.order(Column.rowID).fetchCursor(db)
            while let record = try cursor.next() { try body(line(record)) }
        }
        let privateNotes: Set<UUID> = redact ? Set(try UUID.fetchAll(db, Note.select(Column("id")).filter(Column("isPrivate") == true))) : []
        try stream(Partner.all(), Bundle.Line.partner)
        try stream(Party.all(), Bundle.Line.party)
        try stream(PartyAlias.all(), Bundle.Line.alias)
        try stream(Partnership.all(), Bundle.Line.partnership)
        try stream(PartnershipMember.all(), Bundle.Line.member)
        try stream(Session.all(), Bundle.Line.session)
        try stream(Answer.all(), Bundle.Line.answer)
        try stream(redact ? Note.filter(Column("isPrivate") == false) : Note.all(), Bundle.Line.note)
        try stream(Term.all(), Bundle.Line.term)
        try stream(ValueItem.all()) { value in
            var value = value
            if redact { value.evidence.removeAll { privateNotes.contains($0) } }
            return .value(value)
        }
        try stream(ActionItem.all(), Bundle.Line.action)
    }

    private func partnerLines(_ key: String) throws -> [Bundle.Line] {
        let partnerID = Column("partnerID"), partnershipID = Column("partnershipID")
        var inPartnerships = Set(try String.fetchAll(db, sql: """
            SELECT partnershipID FROM partnershipMember WHERE partyID IN (SELECT id FROM party WHERE partnerID = ?)
            """, arguments: [key]))
        for table in ["session", "note", "valueItem", "actionItem"] {
            inPartnerships.formUnion(try String.fetchAll(db, Table(table).select(partnershipID).filter(partnerID == key && partnershipID != nil)))
        }
        func scoped<T: FetchableRecord & TableRecord>(_ type: T.Type) throws -> [T] {
            try T.filter(partnerID == key || inPartnerships.contains(partnershipID)).order(Column.rowID).fetchAll(db)
        }
        let notes = try scoped(Note.self), values = try scoped(ValueItem.self), actions = try scoped(ActionItem.self)
        let terms = try Term.filter(partnerID == key).order(Column.rowID).fetchAll(db)
        var sessionKeys = Set(try scoped(Session.self).map { Self.key($0.id) })
        sessionKeys.formUnion((notes.map(\.sessionID) + terms.map(\.sessionID) + values.map(\.sessionID) + actions.map(\.sessionID)).compactMap { $0.map(Self.key) })
        let sessions = try Session.filter(keys: sessionKeys).order(Column.rowID).fetchAll(db)
        let answers = try Answer.filter(sessionKeys.contains(Column("sessionID"))).order(Column.rowID).fetchAll(db)

        let partnershipKeys = inPartnerships.union(
            (sessions.map(\.partnershipID) + notes.map(\.partnershipID) + values.map(\.partnershipID) + actions.map(\.partnershipID))
                .compactMap { $0.map(Self.key) })
        let partnerships = try Partnership.filter(keys: partnershipKeys).order(Column.rowID).fetchAll(db)
        let members = try PartnershipMember.filter(partnershipKeys.contains(PartnershipMember.Columns.partnershipID)).order(Column.rowID).fetchAll(db)
        var partyKeys = Set(members.map { Self.key($0.partyID) } + values.flatMap { ($0.beneficiaryIDs + $0.payerIDs).map(Self.key) })
        partyKeys.formUnion(try String.fetchAll(db, Party.select(Column("id")).filter(Party.Columns.partnerID == key)))
        let parties = try Party.filter(keys: partyKeys).order(Column.rowID).fetchAll(db)
        let aliases = try PartyAlias.filter(partyKeys.contains(PartyAlias.Columns.partyID)).order(Column.rowID).fetchAll(db)

        var partnerKeys: Set<String> = [key]
        partnerKeys.formUnion(sessions.map { Self.key($0.partnerID) })
        partnerKeys.formUnion((notes.map(\.partnerID) + terms.map(\.partnerID) + values.map(\.partnerID) + actions.map(\.partnerID)
                               + parties.map(\.partnerID)).compactMap { $0.map(Self.key) })
        let partners = try Partner.filter(keys: partnerKeys).order(Column.rowID).fetchAll(db)
        return Bundle.lines(partners: partners, parties: parties, aliases: aliases, partnerships: partnerships, members: members,
                            sessions: sessions, answers: answers, notes: notes, terms: terms, values: values, actions: actions,
                            redacted: redact)
    }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }
}

extension Bundle {
    /// One partner's records as lines in import order, for both engines' exports; `redacted` leaves
    /// out private notes and every reference to one.
    package static func lines(
        partners: [Partner], parties: [Party], aliases: [PartyAlias], partnerships: [Partnership], members: [PartnershipMember],
        sessions: [Session], answers: [Answer], notes: [Note], terms: [Term], values: [ValueItem], actions: [ActionItem],
        redacted: Bool
    ) -> [Line] {
        var notes = notes, values = values
        if redacted {
            notes.removeAll(where: \.isPrivate)
            let kept = Set(notes.map(\.id))
            for index in values.indices { values[index].evidence.removeAll { !kept.contains($0) } }
        }
        return partners.map(Line.partner) + parties.map(Line.party) + aliases.map(Line.alias)
            + partnerships.map(Line.partnership) + members.map(Line.member) + sessions.map(Line.session)
            + answers.map(Line.answer) + notes.map(Line.note) + terms.map(Line.term)
            + values.map(Line.value) + actions.map(Line.action)
    }
}
