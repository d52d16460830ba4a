import Foundation
import OutreachCatalog
import OutreachCore
import OutreachReports
import OutreachStore

extension ScriptedRun {
    /// A recorded run: the transcript and the required questions left without an answer.
    public struct Transcript: Sendable {
        public var text: String
        public var missing: [String]
    }

    /// Records the session through the engine and writes the transcript: steps, questions, tips,
    /// answers and attachments in order, then the coaching summary and the result. No times or
    /// ids appear in it, so the same inputs always give the same bytes. Private notes appear only
    /// with `includePrivate`.
    public static func record(_ plan: Plan, file: AnswersFile, engine: SessionEngine, includePrivate: Bool = false) throws -> Transcript {
        let database = engine.database
        let partner = try existingOrNewPartner(plan, database: database)
        let width = transcriptWidth
        var lines = [
            "\(plan.playbook.title) (\(plan.playbook.id) \(plan.playbook.version))",
            "Partner: \(partner.name) · \(plan.sector.id)" + (partner.stakeholder.map { " · \($0)" } ?? ""),
        ]
        try play(plan, file: file, engine: engine, partner: partner) { played, _ in
            let question = played.question
            if played.enteredStep {
                let step = plan.playbook.steps[played.stepIndex]
                lines += ["", "== Step \(played.stepIndex + 1) of \(plan.playbook.steps.count): \(step.title) =="]
                if let intro = step.intro { lines.append(TextLayout.wrap(intro, width: width)) }
            }
            lines += ["", "[\(played.numberInStep)] \(question.id)" + (question.required ? " (required)" : ""), TextLayout.wrap(question.text, width: width)]
            if let tip = question.tip { lines.append(TextLayout.wrap("Tip: " + tip, width: width, indent: "")) }
            if case .answered(let value) = played.outcome {
                lines.append("Answer: " + value.replacingOccurrences(of: "\n", with: "\n        "))
                lines += played.captured.map { TextLayout.wrap("Captured: " + $0, width: width).replacingOccurrences(of: "\n", with: "\n  ") }
            } else {
                lines.append("Answer: (skipped)")
            }
            lines += try attach(at: question.id, file: file, engine: engine, partner: partner, includePrivate: includePrivate)
        }
        let loose = try attach(at: nil, file: file, engine: engine, partner: partner, includePrivate: includePrivate)
        if !loose.isEmpty { lines += ["", "== Also recorded =="] + loose }
        let ended = try engine.finish()

        let coaching = try coaching(for: ended.session, database: database)
        if !coaching.isEmpty { lines += ["", "== Coaching =="] + coaching }
        let missing = ended.missingRequired.map(\.id)
        lines += ["", "== Result =="]
        let required = ended.run.applicableQuestions.filter(\.required).count
        if missing.isEmpty {
            lines.append("All \(required) required questions answered.")
        } else {
            lines.append("Missing \(missing.count) of \(required) required questions:")
            lines += missing.map { "- \($0)" }
        }
        return Transcript(text: lines.joined(separator: "\n") + "\n", missing: missing)
    }

    private static func existingOrNewPartner(_ plan: Plan, database: any Store) throws -> Partner {
        if let existing = try? database.partner(named: plan.partnerName) {
            guard existing.sector == plan.sector.id else {
                throw SessionError.usage("the partner '\(existing.name)' is already in this database as '\(existing.sector)', not '\(plan.sector.id)'; use that sector, another partner name, or --training.")
            }
            return existing
        }
        return try database.addPartner(Partner(name: plan.partnerName, sector: plan.sector.id, stakeholder: plan.sector.stakeholder))
    }

    /// Stores the notes, terms, values and actions attached at one question (nil: the session) and describes them.
    private static func attach(at questionID: String?, file: AnswersFile, engine: SessionEngine, partner: Partner,
                               includePrivate: Bool) throws -> [String] {
        let database = engine.database
        let sessionID = engine.active?.session.id
        var lines: [String] = []
        for entry in file.notes where entry.questionID == questionID {
            let note = entry.value
            try engine.note(note.text, isPrivate: note.isPrivate, partnerName: partner.name, questionID: questionID)
            if note.isPrivate, !includePrivate {
                lines.append("Note (private): [left out; run with --include-private to show it]")
            } else {
                lines.append("Note" + (note.isPrivate ? " (private)" : "") + ": " + note.text)
            }
        }
        for entry in file.terms where entry.questionID == questionID {
            try database.addTerm(Term(partnerID: partner.id, sessionID: sessionID, questionID: questionID,
                                      term: entry.value.term, meaning: entry.value.meaning))
            lines.append("Term: \(entry.value.term) = \(entry.value.meaning)")
        }
        let resolver = PartyResolver(database: database, partner: partner)
        for entry in file.values where entry.questionID == questionID {
            let value = entry.value
            // Beneficiaries become parties as with 'value add': "the partner" is this partner, "us" our organisation.
            func parties(_ names: [String]) -> [Party] {
                var found: [Party] = []
                for name in names {
                    guard let party = try? resolver.resolve(name).party, !found.contains(party) else { continue }
                    found.append(party)
                }
                return found
            }
            let gainers = parties(value.benefits)
            let payers = parties(value.pays)
            let item = try database.addValue(ValueItem(
                partnerID: partner.id, sessionID: sessionID, questionID: questionID, value: value.value, benefits: value.benefits,
                lenses: [value.lens], horizon: value.horizon, way: value.way, perspective: value.perspective,
                beneficiaryIDs: gainers.map(\.id), payerIDs: payers.map(\.id)))
            let paid = value.pays.isEmpty ? "" : "; paid by \(value.pays.joined(separator: ", "))"
            lines.append("Value: \(value.value) (for \(value.benefits.joined(separator: ", "))\(paid); \(value.lens.rawValue), \(value.horizon.rawValue) term)"
                + (item.isWrongPocket ? " [wrong pocket]" : ""))
        }
        for entry in file.actions where entry.questionID == questionID {
            let action = entry.value
            try database.addAction(ActionItem(partnerID: partner.id, sessionID: sessionID, questionID: questionID,
                                              text: action.text, owner: action.owner, due: action.due))
            lines.append("Action: \(action.text) (owner \(action.owner)" + (action.due.map { ", due \($0)" } ?? "") + ")")
        }
        return lines
    }
}
