import Foundation
import OutreachCore
import PostgresNIO

/// The INSERT of each record, every value bound as a parameter and every date to the millisecond.
/// Each does nothing when a row with that id is already there (`ON CONFLICT (id) DO NOTHING`), so a
/// write retried after a lost connection cannot save a record twice; `RETURNING id` gives back a row
/// only when this statement inserted it. A unique name (partner, party, alias, partnership) still
/// fails with SQLSTATE 23505, which callers turn into their own message.
enum TeamInserts {
    static func partner(_ p: Partner) -> PostgresQuery {
        """
        INSERT INTO partner (id, name, sector, stakeholder, profile, doNotContact, isOwn, createdAt, updatedAt)
        VALUES (\(p.id), \(p.name), \(p.sector), \(p.stakeholder), \(p.profile), \(p.doNotContact), \(p.isOwn),
                \(p.createdAt.teamStored), \(p.updatedAt.teamStored))
        ON CONFLICT (id) DO NOTHING RETURNING id
        """
    }

    /// A session; the server gives it the next number (an identity, safe when several leads
    /// create sessions at once), returned with its id.
    static func session(_ s: Session) throws -> PostgresQuery {
        try """
        INSERT INTO session (id, partnerID, partnershipID, playbookID, playbookVersion, playbookDigest, snapshot, status,
                             position, createdAt, updatedAt)
        VALUES (\(s.id), \(s.partnerID), \(s.partnershipID), \(s.playbookID), \(s.playbookVersion), \(s.playbookDigest),
                \(s.snapshot), \(s.status.rawValue), \(s.position), \(s.createdAt.teamStored), \(s.updatedAt.teamStored))
        ON CONFLICT (id) DO NOTHING RETURNING id, number
        """
    }

    static func answer(_ a: Answer) -> PostgresQuery {
        """
        INSERT INTO answer (id, sessionID, questionID, revision, value, createdAt)
        VALUES (\(a.id), \(a.sessionID), \(a.questionID), \(a.revision), \(a.value), \(a.createdAt.teamStored))
        ON CONFLICT (id) DO NOTHING RETURNING id
        """
    }

    static func note(_ n: Note) -> PostgresQuery {
        """
        INSERT INTO note (id, partnerID, partnershipID, sessionID, questionID, text, isPrivate, createdAt, updatedAt)
        VALUES (\(n.id), \(n.partnerID), \(n.partnershipID), \(n.sessionID), \(n.questionID), \(n.text), \(n.isPrivate),
                \(n.createdAt.teamStored), \(n.updatedAt.teamStored))
        ON CONFLICT (id) DO NOTHING RETURNING id
        """
    }

    static func term(_ t: Term) -> PostgresQuery {
        """
        INSERT INTO term (id, partnerID, sessionID, questionID, term, meaning, createdAt, updatedAt)
        VALUES (\(t.id), \(t.partnerID), \(t.sessionID), \(t.questionID), \(t.term), \(t.meaning),
                \(t.createdAt.teamStored), \(t.updatedAt.teamStored))
        ON CONFLICT (id) DO NOTHING RETURNING id
        """
    }

    static func value(_ v: ValueItem) -> PostgresQuery {
        """
        INSERT INTO valueItem (id, partnerID, partnershipID, sessionID, questionID, value, benefits, lens, lenses, horizon, way,
                               perspective, beneficiaryIDs, payerIDs, evidence, createdAt, updatedAt)
        VALUES (\(v.id), \(v.partnerID), \(v.partnershipID), \(v.sessionID), \(v.questionID), \(v.value), \(v.benefits),
                \(v.lens.rawValue), \(v.lenses.map(\.rawValue)), \(v.horizon.rawValue), \(v.way?.rawValue),
                \(v.perspective?.rawValue), \(v.beneficiaryIDs), \(v.payerIDs), \(v.evidence),
                \(v.createdAt.teamStored), \(v.updatedAt.teamStored))
        ON CONFLICT (id) DO NOTHING RETURNING id
        """
    }

    static func action(_ a: ActionItem) -> PostgresQuery {
        """
        INSERT INTO actionItem (id, partnerID, partnershipID, sessionID, questionID, text, owner, due, doneAt, createdAt, updatedAt)
        VALUES (\(a.id), \(a.partnerID), \(a.partnershipID), \(a.sessionID), \(a.questionID), \(a.text), \(a.owner), \(a.due),
                \(a.doneAt?.teamStored), \(a.createdAt.teamStored), \(a.updatedAt.teamStored))
        ON CONFLICT (id) DO NOTHING RETURNING id
        """
    }

    static func party(_ p: Party) -> PostgresQuery {
        """
        INSERT INTO party (id, name, kind, partnerID, createdAt, updatedAt)
        VALUES (\(p.id), \(p.name), \(p.kind.rawValue), \(p.partnerID), \(p.createdAt.teamStored), \(p.updatedAt.teamStored))
        ON CONFLICT (id) DO NOTHING RETURNING id
        """
    }

    static func alias(_ a: PartyAlias) -> PostgresQuery {
        """
        INSERT INTO partyAlias (id, partyID, alias, createdAt)
        VALUES (\(a.id), \(a.partyID), \(a.alias), \(a.createdAt.teamStored))
        ON CONFLICT (id) DO NOTHING RETURNING id
        """
    }

    static func partnership(_ p: Partnership) -> PostgresQuery {
        """
        INSERT INTO partnership (id, name, ask, createdAt, updatedAt)
        VALUES (\(p.id), \(p.name), \(p.ask), \(p.createdAt.teamStored), \(p.updatedAt.teamStored))
        ON CONFLICT (id) DO NOTHING RETURNING id
        """
    }

    /// A membership; an existing one is left as it is.
    static func member(_ m: PartnershipMember) -> PostgresQuery {
        """
        INSERT INTO partnershipMember (partnershipID, partyID, createdAt)
        VALUES (\(m.partnershipID), \(m.partyID), \(m.createdAt.teamStored))
        ON CONFLICT (partnershipID, partyID) DO NOTHING
        """
    }
}
