import Foundation
import OutreachCore
import PostgresNIO

// Reading the team database's rows into the domain's records. Every query selects the columns
// of `TeamColumns` (or `*`) and decodes with the `init(row:)`s below, so the schema and the
// records meet in this one file.

/// A row's columns by name. PostgreSQL folds unquoted identifiers to lower case, so `"partnerID"`
/// reads the column `partnerid`; a missing column throws instead of stopping the program.
struct TeamRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    /// The column's value as `T` (`String?` and the like for columns that may be NULL).
    func callAsFunction<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        let name = column.lowercased()
        guard row.contains(name) else { throw TeamDecodingError(column: name, reason: "the query did not select it") }
        return try row[name].decode(T.self)
    }

    /// A date as the store keeps it: to the millisecond, the same `Date` SQLite's text gives back.
    func date(_ column: String) throws -> Date { try (self(column) as Date).teamStored }

    func optionalDate(_ column: String) throws -> Date? { try (self(column) as Date?)?.teamStored }

    /// A text column holding one of an enum's raw values.
    func value<E: RawRepresentable>(_ column: String, as type: E.Type = E.self) throws -> E where E.RawValue == String {
        let raw: String = try self(column)
        guard let value = E(rawValue: raw) else { throw TeamDecodingError(column: column, reason: "unknown value '\(raw)'") }
        return value
    }

    func optionalValue<E: RawRepresentable>(_ column: String, as type: E.Type = E.self) throws -> E? where E.RawValue == String {
        guard let raw: String = try self(column) else { return nil }
        guard let value = E(rawValue: raw) else { throw TeamDecodingError(column: column, reason: "unknown value '\(raw)'") }
        return value
    }

    /// A `text[]` column of an enum's raw values.
    func values<E: RawRepresentable>(_ column: String, as type: E.Type = E.self) throws -> [E] where E.RawValue == String {
        try (self(column) as [String]).map { raw in
            guard let value = E(rawValue: raw) else { throw TeamDecodingError(column: column, reason: "unknown value '\(raw)'") }
            return value
        }
    }
}

/// A row that does not hold what its record needs.
struct TeamDecodingError: Error, CustomStringConvertible {
    var column: String
    var reason: String
    var description: String { "column \(column): \(reason)" }
}

extension Date {
    /// The date rounded to the millisecond, as both stores keep dates (see `Timestamp`).
    var teamStored: Date { Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000) }
}

/// The columns each record is read from, qualified by table so they can be joined.
enum TeamColumns {
    static let partner = "partner.id, partner.name, partner.sector, partner.stakeholder, partner.profile, partner.doNotContact, partner.isOwn, partner.createdAt, partner.updatedAt"
    static let session = """
        session.id, session.number, session.partnerID, session.partnershipID, session.playbookID, session.playbookVersion, \
        session.playbookDigest, session.snapshot, session.status, session.position, session.createdAt, session.updatedAt
        """
    static let answer = "answer.id, answer.sessionID, answer.questionID, answer.revision, answer.value, answer.createdAt"
    static let note = """
        note.id, note.partnerID, note.partnershipID, note.sessionID, note.questionID, note.text, note.isPrivate, \
        note.createdAt, note.updatedAt
        """
    static let term = "term.id, term.partnerID, term.sessionID, term.questionID, term.term, term.meaning, term.createdAt, term.updatedAt"
    static let value = """
        valueItem.id, valueItem.partnerID, valueItem.partnershipID, valueItem.sessionID, valueItem.questionID, valueItem.value, \
        valueItem.benefits, valueItem.lens, valueItem.lenses, valueItem.horizon, valueItem.way, valueItem.perspective, \
        valueItem.beneficiaryIDs, valueItem.payerIDs, valueItem.evidence, valueItem.createdAt, valueItem.updatedAt
        """
    static let action = """
        actionItem.id, actionItem.partnerID, actionItem.partnershipID, actionItem.sessionID, actionItem.questionID, \
        actionItem.text, actionItem.owner, actionItem.due, actionItem.doneAt, actionItem.createdAt, actionItem.updatedAt
        """
    static let party = "party.id, party.name, party.kind, party.partnerID, party.createdAt, party.updatedAt"
    static let alias = "partyAlias.id, partyAlias.partyID, partyAlias.alias, partyAlias.createdAt"
    static let partnership = "partnership.id, partnership.name, partnership.ask, partnership.createdAt, partnership.updatedAt"
    static let member = "partnershipMember.partnershipID, partnershipMember.partyID, partnershipMember.createdAt"
}

extension Partner {
    init(row: PostgresRow) throws {
        let c = TeamRow(row)
        self.init(id: try c("id"), name: try c("name"), sector: try c("sector"), stakeholder: try c("stakeholder"),
                  profile: try c("profile"), doNotContact: try c("doNotContact"), isOwn: try c("isOwn"),
                  createdAt: try c.date("createdAt"), updatedAt: try c.date("updatedAt"))
    }
}

extension Session {
    init(row: PostgresRow) throws {
        let c = TeamRow(row)
        self.init(id: try c("id"), number: try c("number", as: Int64.self), partnerID: try c("partnerID"),
                  playbookID: try c("playbookID"), playbookVersion: try c("playbookVersion"), playbookDigest: try c("playbookDigest"),
                  snapshot: try c("snapshot"), status: try c.value("status"), position: try c("position"),
                  partnershipID: try c("partnershipID"), createdAt: try c.date("createdAt"), updatedAt: try c.date("updatedAt"))
    }
}

extension Answer {
    init(row: PostgresRow) throws {
        let c = TeamRow(row)
        self.init(id: try c("id"), sessionID: try c("sessionID"), questionID: try c("questionID"), revision: try c("revision"),
                  value: try c("value"), createdAt: try c.date("createdAt"))
    }
}

extension Note {
    init(row: PostgresRow) throws {
        let c = TeamRow(row)
        self.init(id: try c("id"), partnerID: try c("partnerID"), sessionID: try c("sessionID"), questionID: try c("questionID"),
                  text: try c("text"), isPrivate: try c("isPrivate"), partnershipID: try c("partnershipID"),
                  createdAt: try c.date("createdAt"), updatedAt: try c.date("updatedAt"))
    }
}

extension Term {
    init(row: PostgresRow) throws {
        let c = TeamRow(row)
        self.init(id: try c("id"), partnerID: try c("partnerID"), sessionID: try c("sessionID"), questionID: try c("questionID"),
                  term: try c("term"), meaning: try c("meaning"), createdAt: try c.date("createdAt"), updatedAt: try c.date("updatedAt"))
    }
}

extension ValueItem {
    init(row: PostgresRow) throws {
        let c = TeamRow(row)
        self.init(id: try c("id"), partnerID: try c("partnerID"), partnershipID: try c("partnershipID"), sessionID: try c("sessionID"),
                  questionID: try c("questionID"), value: try c("value"), benefits: try c("benefits"),
                  lenses: try c.values("lenses", as: ValueLens.self), horizon: try c.value("horizon"),
                  way: try c.optionalValue("way"), perspective: try c.optionalValue("perspective"),
                  beneficiaryIDs: try c("beneficiaryIDs"), payerIDs: try c("payerIDs"), evidence: try c("evidence"),
                  createdAt: try c.date("createdAt"), updatedAt: try c.date("updatedAt"))
        // The first lens as stored, like SQLite's `lens` column (the same as `lenses.first` when written here).
        lens = try c.value("lens")
    }
}

extension ActionItem {
    init(row: PostgresRow) throws {
        let c = TeamRow(row)
        self.init(id: try c("id"), partnerID: try c("partnerID"), sessionID: try c("sessionID"), questionID: try c("questionID"),
                  text: try c("text"), owner: try c("owner"), due: try c("due"), doneAt: try c.optionalDate("doneAt"),
                  partnershipID: try c("partnershipID"), createdAt: try c.date("createdAt"), updatedAt: try c.date("updatedAt"))
    }
}

extension Party {
    init(row: PostgresRow) throws {
        let c = TeamRow(row)
        self.init(id: try c("id"), name: try c("name"), kind: try c.value("kind"), partnerID: try c("partnerID"),
                  createdAt: try c.date("createdAt"), updatedAt: try c.date("updatedAt"))
    }
}

extension PartyAlias {
    init(row: PostgresRow) throws {
        let c = TeamRow(row)
        self.init(id: try c("id"), partyID: try c("partyID"), alias: try c("alias"), createdAt: try c.date("createdAt"))
    }
}

extension Partnership {
    init(row: PostgresRow) throws {
        let c = TeamRow(row)
        self.init(id: try c("id"), name: try c("name"), ask: try c("ask"), createdAt: try c.date("createdAt"), updatedAt: try c.date("updatedAt"))
    }
}

extension PartnershipMember {
    init(row: PostgresRow) throws {
        let c = TeamRow(row)
        self.init(partnershipID: try c("partnershipID"), partyID: try c("partyID"), createdAt: try c.date("createdAt"))
    }
}
