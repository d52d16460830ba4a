import Foundation

/// The brief as CSV (RFC 4180), one table at a time: `answers` (the appendix, one row per
/// question), `values`, `actions` or `parties`. Lines end in CRLF; a field a spreadsheet would
/// run as a formula gets a leading apostrophe.
public enum BriefCSV {
    public enum Table: String, CaseIterable, Sendable {
        case answers, values, actions, parties
    }

    public static func render(_ brief: Brief, table: Table) -> String {
        let records: [[String]]
        switch table {
        case .answers:
            records = [["session", "partner", "playbook", "playbook_version", "step", "step_title", "question_id", "question",
                        "required", "status", "answer", "answered_at", "notes"]]
                + brief.sessions.flatMap { session in
                    session.steps.flatMap { step in
                        step.answers.map { entry in
                            [String(session.number), session.partner, session.playbookID, session.playbookVersion, step.id, step.title,
                             entry.questionID, entry.question, entry.required ? "yes" : "no", entry.status, entry.answer ?? "",
                             entry.answeredAt.map(ReportDate.timestamp) ?? "",
                             entry.notes.map { ($0.isPrivate ? "[private] " : "") + $0.text }.joined(separator: "\n")]
                        }
                    }
                }
        case .values:
            records = [["value", "gains", "pays", "wrong_pocket", "lenses", "horizon", "way", "perspective", "evidence", "id"]]
                + brief.values.map { value in
                    [value.text, brief.names(value.beneficiaryIDs).joined(separator: "; "), brief.names(value.payerIDs).joined(separator: "; "),
                     value.isWrongPocket ? "yes" : "no", value.lenses.map(\.rawValue).joined(separator: "; "), value.horizon.rawValue,
                     value.way?.rawValue ?? "", value.perspective?.rawValue ?? "", String(value.evidence.count), value.id.uuidString.lowercased()]
                }
        case .actions:
            records = [["due", "owner", "action", "partner", "id"]]
                + brief.actions.map { [$0.due ?? "", $0.owner, $0.text, $0.partner ?? "", $0.id.uuidString.lowercased()] }
        case .parties:
            records = [["party", "kind", "member", "sector", "gains", "pays"]]
                + brief.parties.map { party in
                    [party.name, party.kind.rawValue, party.isMember ? "yes" : "no", party.sector ?? "",
                     String(brief.values.filter { $0.beneficiaryIDs.contains(party.id) }.count),
                     String(brief.values.filter { $0.payerIDs.contains(party.id) }.count)]
                }
        }
        return records.map { $0.map(CSVRenderer.field).joined(separator: ",") + "\r\n" }.joined()
    }
}
