import Foundation
import OutreachCore

/// The brief as JSON, schema `outreach.brief` version 2 (docs/reports.md): complete and stable,
/// keys sorted, explicit nulls.
public enum BriefJSON {
    public static func render(_ brief: Brief) -> String {
        document(brief).rendered() + "\n"
    }

    static func document(_ brief: Brief) -> JSONValue {
        let scopeID: UUID
        switch brief.scope {
        case .partnership(let id, _), .partner(let id, _): scopeID = id
        }
        return .object([
            "schema": .string("outreach.brief"),
            "version": .int(Int64(Brief.schemaVersion)),
            "redacted": .bool(brief.redacted),
            "scope": .object(["kind": .string(brief.scope.kind), "id": id(scopeID), "name": .string(brief.scope.name)]),
            "ask": .optional(brief.ask),
            "askSource": .optional(brief.askSource),
            "parties": .array(brief.parties.map { party in
                .object(["id": id(party.id), "name": .string(party.name), "kind": .string(party.kind.rawValue),
                         "member": .bool(party.isMember), "sector": .optional(party.sector)])
            }),
            "values": .array(brief.values.map { value in
                .object([
                    "id": id(value.id), "value": .string(value.text),
                    "lenses": .array(value.lenses.map { .string($0.rawValue) }), "horizon": .string(value.horizon.rawValue),
                    "way": .optional(value.way?.rawValue), "perspective": .optional(value.perspective?.rawValue),
                    "beneficiaries": .array(value.beneficiaryIDs.map(id)), "payers": .array(value.payerIDs.map(id)),
                    "wrongPocket": .bool(value.isWrongPocket), "evidence": .array(value.evidence.map(note)),
                    "createdAt": .string(ReportDate.timestamp(value.createdAt)),
                ])
            }),
            "gains": .array(brief.gains.map { gain in
                .object(["party": id(gain.partyID), "lens": .string(gain.lens.rawValue), "horizon": .string(gain.horizon.rawValue),
                         "values": .array(gain.valueIDs.map(id)), "evidenceCount": .int(Int64(gain.evidenceCount))])
            }),
            "wrongPocket": .array(brief.wrongPocket.map { id($0.id) }),
            "downstream": .array(brief.downstream.map { id($0.id) }),
            "risks": .array(brief.risks.map { risk in
                .object(["source": .string(risk.source.rawValue), "text": .string(risk.text), "partner": .optional(risk.partner),
                         "questionID": .optional(risk.questionID), "session": risk.sessionNumber.map { .int($0) } ?? .null,
                         "private": .bool(risk.isPrivate), "createdAt": .string(ReportDate.timestamp(risk.createdAt))])
            }),
            "actions": .array(brief.actions.map { action in
                .object(["id": id(action.id), "text": .string(action.text), "owner": .string(action.owner),
                         "due": .optional(action.due), "partner": .optional(action.partner)])
            }),
            "nextConversation": .string(brief.nextConversation),
            "sessions": .array(brief.sessions.map(session)),
        ])
    }

    static func session(_ session: Brief.SessionAppendix) -> JSONValue {
        .object([
            "id": id(session.id), "number": .int(session.number), "partner": .string(session.partner), "status": .string(session.status),
            "playbook": .object(["id": .string(session.playbookID), "title": .string(session.playbookTitle),
                                 "version": .string(session.playbookVersion), "digest": .string(session.playbookDigest)]),
            "startedAt": .string(ReportDate.timestamp(session.startedAt)), "updatedAt": .string(ReportDate.timestamp(session.updatedAt)),
            "progress": .object(["answered": .int(Int64(session.progress.answered)), "reachable": .int(Int64(session.progress.reachable))]),
            "steps": .array(session.steps.map { step in
                .object(["id": .string(step.id), "title": .string(step.title), "answers": .array(step.answers.map { entry in
                    .object(["questionID": .string(entry.questionID), "question": .string(entry.question), "required": .bool(entry.required),
                             "status": .string(entry.status), "answer": .optional(entry.answer),
                             "answeredAt": .optional(entry.answeredAt.map(ReportDate.timestamp)), "notes": .array(entry.notes.map(note))])
                })])
            }),
        ])
    }

    static func note(_ note: Brief.NoteEntry) -> JSONValue {
        .object(["id": id(note.id), "text": .string(note.text), "private": .bool(note.isPrivate),
                 "createdAt": .string(ReportDate.timestamp(note.createdAt))])
    }

    static func id(_ uuid: UUID) -> JSONValue { .string(uuid.uuidString.lowercased()) }
}
