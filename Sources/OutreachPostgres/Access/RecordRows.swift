import Foundation
import OutreachCore
import PostgresNIO

/// A stored record as one table's row: read from a result row, and written as columns and values.
/// The columns are those of `TeamSchema` (PostgreSQL folds them to lower case); the server fills
/// the ones outreach does not write (`seq`, `author`, a session's `number`, search vectors).
protocol RecordRow {
    static var table: String { get }
    /// The columns a record is read from (core's `TeamColumns`): never `*`, which would also
    /// send the search vectors.
    static var selected: String { get }
    /// Reads the record from a row of `SELECT *` (core's readers in `Decoding.swift`).
    init(row: PostgresRow) throws
    /// The columns written on insert, in a fixed order, with their values (nil: NULL).
    var columns: [(name: String, value: Bound?)] { get throws }
    /// Columns an update never writes: a lead may not change when an answer, note, term, value or
    /// action was made (their UPDATE grants leave `createdAt` out), and a merge never needs to.
    static var frozenColumns: Set<String> { get }
}

extension RecordRow {
    static var frozenColumns: Set<String> { [] }

    /// Reads every row of a result as this record.
    static func all(_ rows: [PostgresRow]) throws -> [Self] { try rows.map { try Self(row: $0) } }
    static func one(_ rows: [PostgresRow]) throws -> Self? { try rows.first.map { try Self(row: $0) } }
}

extension Partner: RecordRow {
    static let table = "partner"
    static var selected: String { TeamColumns.partner }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("name", Bound(name)), ("sector", Bound(sector)), ("stakeholder", stakeholder.bound),
         ("profile", profile.bound), ("doNotContact", Bound(doNotContact)), ("isOwn", Bound(isOwn)),
         ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension Party: RecordRow {
    static let table = "party"
    static var selected: String { TeamColumns.party }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("name", Bound(name)), ("kind", Bound(kind.rawValue)), ("partnerID", partnerID.bound),
         ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension PartyAlias: RecordRow {
    static let table = "partyAlias"
    static var selected: String { TeamColumns.alias }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("partyID", Bound(partyID)), ("alias", Bound(alias)), ("createdAt", Bound(createdAt))]
    }
}

extension Partnership: RecordRow {
    static let table = "partnership"
    static var selected: String { TeamColumns.partnership }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("name", Bound(name)), ("ask", ask.bound), ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension PartnershipMember: RecordRow {
    static let table = "partnershipMember"
    static var selected: String { TeamColumns.member }
    var columns: [(name: String, value: Bound?)] {
        [("partnershipID", Bound(partnershipID)), ("partyID", Bound(partyID)), ("createdAt", Bound(createdAt))]
    }
}

extension Session: RecordRow {
    static let table = "session"
    static var selected: String { TeamColumns.session }
    /// Without `number`: the server gives a new session the next number, and an existing one keeps its own.
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("partnerID", Bound(partnerID)), ("partnershipID", partnershipID.bound), ("playbookID", Bound(playbookID)),
         ("playbookVersion", Bound(playbookVersion)), ("playbookDigest", Bound(playbookDigest)), ("snapshot", Bound(bytes: snapshot)),
         ("status", Bound(status.rawValue)), ("position", Bound(position)), ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension Answer: RecordRow {
    static let table = "answer"
    static var selected: String { TeamColumns.answer }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("sessionID", Bound(sessionID)), ("questionID", Bound(questionID)), ("revision", Bound(revision)),
         ("value", value.bound), ("createdAt", Bound(createdAt))]
    }
}

extension Note: RecordRow {
    static let table = "note"
    static var selected: String { TeamColumns.note }
    static var frozenColumns: Set<String> { ["createdAt"] }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("partnerID", partnerID.bound), ("partnershipID", partnershipID.bound), ("sessionID", sessionID.bound),
         ("questionID", questionID.bound), ("text", Bound(text)), ("isPrivate", Bound(isPrivate)),
         ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension Term: RecordRow {
    static let table = "term"
    static var selected: String { TeamColumns.term }
    static var frozenColumns: Set<String> { ["createdAt"] }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("partnerID", partnerID.bound), ("sessionID", sessionID.bound), ("questionID", questionID.bound),
         ("term", Bound(term)), ("meaning", Bound(meaning)), ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension ValueItem: RecordRow {
    static let table = "valueItem"
    static var selected: String { TeamColumns.value }
    static var frozenColumns: Set<String> { ["createdAt"] }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("partnerID", partnerID.bound), ("partnershipID", partnershipID.bound), ("sessionID", sessionID.bound),
         ("questionID", questionID.bound), ("value", Bound(value)), ("benefits", Bound(array: benefits)),
         ("lens", Bound(lens.rawValue)), ("lenses", Bound(array: lenses.map(\.rawValue))), ("horizon", Bound(horizon.rawValue)),
         ("way", way.map { Bound($0.rawValue) }), ("perspective", perspective.map { Bound($0.rawValue) }),
         ("beneficiaryIDs", Bound(ids: beneficiaryIDs)), ("payerIDs", Bound(ids: payerIDs)),
         ("evidence", Bound(ids: evidence)), ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension ActionItem: RecordRow {
    static let table = "actionItem"
    static var selected: String { TeamColumns.action }
    static var frozenColumns: Set<String> { ["createdAt"] }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("partnerID", partnerID.bound), ("partnershipID", partnershipID.bound), ("sessionID", sessionID.bound),
         ("questionID", questionID.bound), ("text", Bound(text)), ("owner", Bound(owner)), ("due", due.bound),
         ("doneAt", doneAt.bound), ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}
