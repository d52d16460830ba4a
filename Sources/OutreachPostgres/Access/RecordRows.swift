import Foundation
import OutreachCore
import PostgresNIO

/// A stored record as one table's row: read from a result row, and written as columns and values.
/// The columns are those of the SQLite schema (PostgreSQL folds them to lower case); the server
/// fills the ones outreach does not write (`author`, a session's `number`, search vectors).
protocol RecordRow {
    static var table: String { get }
    init(fields: Fields) throws
    /// The columns written on insert, in a fixed order, with their values (nil: NULL).
    var columns: [(name: String, value: Bound?)] { get throws }
}

extension RecordRow {
    /// Reads every row of a result as this record.
    static func all(_ rows: [PostgresRow]) throws -> [Self] { try rows.map { try Self(fields: Fields($0)) } }
    static func one(_ rows: [PostgresRow]) throws -> Self? { try rows.first.map { try Self(fields: Fields($0)) } }
}

extension Partner: RecordRow {
    static let table = "partner"
    init(fields f: Fields) throws {
        self.init(id: try f.uuid("id"), name: try f.string("name"), sector: try f.string("sector"),
                  stakeholder: try f.optionalString("stakeholder"), profile: try f.optionalString("profile"),
                  doNotContact: try f.bool("doNotContact"), isOwn: try f.bool("isOwn"),
                  createdAt: try f.date("createdAt"), updatedAt: try f.date("updatedAt"))
    }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("name", Bound(name)), ("sector", Bound(sector)), ("stakeholder", stakeholder.bound),
         ("profile", profile.bound), ("doNotContact", Bound(doNotContact)), ("isOwn", Bound(isOwn)),
         ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension Party: RecordRow {
    static let table = "party"
    init(fields f: Fields) throws {
        self.init(id: try f.uuid("id"), name: try f.string("name"), kind: try f.raw(Party.Kind.self, "kind"),
                  partnerID: try f.optionalUUID("partnerID"), createdAt: try f.date("createdAt"), updatedAt: try f.date("updatedAt"))
    }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("name", Bound(name)), ("kind", Bound(kind.rawValue)), ("partnerID", partnerID.bound),
         ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension PartyAlias: RecordRow {
    static let table = "partyAlias"
    init(fields f: Fields) throws {
        self.init(id: try f.uuid("id"), partyID: try f.uuid("partyID"), alias: try f.string("alias"), createdAt: try f.date("createdAt"))
    }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("partyID", Bound(partyID)), ("alias", Bound(alias)), ("createdAt", Bound(createdAt))]
    }
}

extension Partnership: RecordRow {
    static let table = "partnership"
    init(fields f: Fields) throws {
        self.init(id: try f.uuid("id"), name: try f.string("name"), ask: try f.optionalString("ask"),
                  createdAt: try f.date("createdAt"), updatedAt: try f.date("updatedAt"))
    }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("name", Bound(name)), ("ask", ask.bound), ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension PartnershipMember: RecordRow {
    static let table = "partnershipMember"
    init(fields f: Fields) throws {
        self.init(partnershipID: try f.uuid("partnershipID"), partyID: try f.uuid("partyID"), createdAt: try f.date("createdAt"))
    }
    var columns: [(name: String, value: Bound?)] {
        [("partnershipID", Bound(partnershipID)), ("partyID", Bound(partyID)), ("createdAt", Bound(createdAt))]
    }
}

extension Session: RecordRow {
    static let table = "session"
    init(fields f: Fields) throws {
        self.init(id: try f.uuid("id"), number: try f.optionalInt64("number"), partnerID: try f.uuid("partnerID"),
                  playbookID: try f.string("playbookID"), playbookVersion: try f.string("playbookVersion"),
                  playbookDigest: try f.string("playbookDigest"), snapshot: try f.bytes("snapshot"),
                  status: try f.raw(Session.Status.self, "status"), position: try f.int("position"),
                  partnershipID: try f.optionalUUID("partnershipID"), createdAt: try f.date("createdAt"), updatedAt: try f.date("updatedAt"))
    }
    /// Without `number`: the server gives a new session the next number, and an existing one keeps its own.
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("partnerID", Bound(partnerID)), ("partnershipID", partnershipID.bound), ("playbookID", Bound(playbookID)),
         ("playbookVersion", Bound(playbookVersion)), ("playbookDigest", Bound(playbookDigest)), ("snapshot", Bound(bytes: snapshot)),
         ("status", Bound(status.rawValue)), ("position", Bound(position)), ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension Answer: RecordRow {
    static let table = "answer"
    init(fields f: Fields) throws {
        self.init(id: try f.uuid("id"), sessionID: try f.uuid("sessionID"), questionID: try f.string("questionID"),
                  revision: try f.int("revision"), value: try f.optionalString("value"), createdAt: try f.date("createdAt"))
    }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("sessionID", Bound(sessionID)), ("questionID", Bound(questionID)), ("revision", Bound(revision)),
         ("value", value.bound), ("createdAt", Bound(createdAt))]
    }
}

extension Note: RecordRow {
    static let table = "note"
    init(fields f: Fields) throws {
        self.init(id: try f.uuid("id"), partnerID: try f.optionalUUID("partnerID"), sessionID: try f.optionalUUID("sessionID"),
                  questionID: try f.optionalString("questionID"), text: try f.string("text"), isPrivate: try f.bool("isPrivate"),
                  partnershipID: try f.optionalUUID("partnershipID"), createdAt: try f.date("createdAt"), updatedAt: try f.date("updatedAt"))
    }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("partnerID", partnerID.bound), ("partnershipID", partnershipID.bound), ("sessionID", sessionID.bound),
         ("questionID", questionID.bound), ("text", Bound(text)), ("isPrivate", Bound(isPrivate)),
         ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension Term: RecordRow {
    static let table = "term"
    init(fields f: Fields) throws {
        self.init(id: try f.uuid("id"), partnerID: try f.optionalUUID("partnerID"), sessionID: try f.optionalUUID("sessionID"),
                  questionID: try f.optionalString("questionID"), term: try f.string("term"), meaning: try f.string("meaning"),
                  createdAt: try f.date("createdAt"), updatedAt: try f.date("updatedAt"))
    }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("partnerID", partnerID.bound), ("sessionID", sessionID.bound), ("questionID", questionID.bound),
         ("term", Bound(term)), ("meaning", Bound(meaning)), ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}

extension ValueItem: RecordRow {
    static let table = "valueItem"
    init(fields f: Fields) throws {
        self.init(id: try f.uuid("id"), partnerID: try f.optionalUUID("partnerID"), partnershipID: try f.optionalUUID("partnershipID"),
                  sessionID: try f.optionalUUID("sessionID"), questionID: try f.optionalString("questionID"), value: try f.string("value"),
                  benefits: try f.json([String].self, "benefits"), lenses: try f.json([ValueLens].self, "lenses"),
                  horizon: try f.raw(ValueHorizon.self, "horizon"), way: try f.optionalRaw(ValueWay.self, "way"),
                  perspective: try f.optionalRaw(ValuePerspective.self, "perspective"),
                  beneficiaryIDs: try f.json([UUID].self, "beneficiaryIDs"), payerIDs: try f.json([UUID].self, "payerIDs"),
                  evidence: try f.json([UUID].self, "evidence"), createdAt: try f.date("createdAt"), updatedAt: try f.date("updatedAt"))
        lens = try f.raw(ValueLens.self, "lens")
    }
    var columns: [(name: String, value: Bound?)] {
        get throws {
            [("id", Bound(id)), ("partnerID", partnerID.bound), ("partnershipID", partnershipID.bound), ("sessionID", sessionID.bound),
             ("questionID", questionID.bound), ("value", Bound(value)), ("benefits", try Bound(json: benefits)),
             ("lens", Bound(lens.rawValue)), ("lenses", try Bound(json: lenses)), ("horizon", Bound(horizon.rawValue)),
             ("way", way.map { Bound($0.rawValue) }), ("perspective", perspective.map { Bound($0.rawValue) }),
             ("beneficiaryIDs", try Bound(json: beneficiaryIDs)), ("payerIDs", try Bound(json: payerIDs)),
             ("evidence", try Bound(json: evidence)), ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
        }
    }
}

extension ActionItem: RecordRow {
    static let table = "actionItem"
    init(fields f: Fields) throws {
        self.init(id: try f.uuid("id"), partnerID: try f.optionalUUID("partnerID"), sessionID: try f.optionalUUID("sessionID"),
                  questionID: try f.optionalString("questionID"), text: try f.string("text"), owner: try f.string("owner"),
                  due: try f.optionalString("due"), doneAt: try f.optionalDate("doneAt"), partnershipID: try f.optionalUUID("partnershipID"),
                  createdAt: try f.date("createdAt"), updatedAt: try f.date("updatedAt"))
    }
    var columns: [(name: String, value: Bound?)] {
        [("id", Bound(id)), ("partnerID", partnerID.bound), ("partnershipID", partnershipID.bound), ("sessionID", sessionID.bound),
         ("questionID", questionID.bound), ("text", Bound(text)), ("owner", Bound(owner)), ("due", due.bound),
         ("doneAt", doneAt.bound), ("createdAt", Bound(createdAt)), ("updatedAt", Bound(updatedAt))]
    }
}
