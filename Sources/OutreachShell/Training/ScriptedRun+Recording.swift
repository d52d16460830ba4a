import Foundation
import OutreachCatalog
import OutreachCore
import OutreachStore

extension ScriptedRun {
    struct Transcript {
        var text: String
        var missing: [String]
    }

    /// Records the session in the database and writes the transcript: steps, questions, tips,
    /// answers and attachments in order, then the coaching summary and the result. No times or
    /// ids appear in it, so the same inputs always give the same bytes.
    static func record(_ plan: Plan, file: AnswersFile, database: AppDatabase) throws -> Transcript {
        let partner = try existingOrNewPartner(plan, database: database)
        let snapshot = PlaybookResolver.snapshot(of: plan.playbook)
        var run = PlaybookRun(playbook: plan.playbook)
        let session = try database.createSession(Session(
            partnerID: partner.id, playbookID: plan.playbook.id, playbookVersion: plan.playbook.version,
            playbookDigest: PlaybookResolver.digest(of: snapshot), snapshot: snapshot, position: run.position))
        let answers = Dictionary(file.answers.map { ($0.questionID, $0.answer.value) }, uniquingKeysWith: { first, _ in first })
        let width = transcriptWidth
        var lines = [
            "\(plan.playbook.title) (\(plan.playbook.id) \(plan.playbook.version))",
            "Partner: \(partner.name) · \(plan.sector.id)" + (partner.stakeholder.map { " · \($0)" } ?? ""),
        ]
        var lastStep: Int?
        var notesByID: [UUID] = []
        while let question = run.current, let stepIndex = run.currentStepIndex {
            if stepIndex != lastStep {
                let step = plan.playbook.steps[stepIndex]
                lines += ["", "== Step \(stepIndex + 1) of \(plan.playbook.steps.count): \(step.title) =="]
                if let intro = step.intro { lines.append(TextLayout.wrap(intro, width: width)) }
                lastStep = stepIndex
            }
            let number = run.positionInStep.map { "\($0.number)/\($0.count)" } ?? ""
            lines += ["", "[\(number)] \(question.id)" + (question.required ? " (required)" : ""), TextLayout.wrap(question.text, width: width)]
            if let tip = question.tip { lines.append(TextLayout.wrap("Tip: " + tip, width: width, indent: "")) }
            if let typed = answers[question.id], case .success(let value) = question.normalizedAnswer(typed) {
                run.answer(value)
                try database.recordAnswer(sessionID: session.id, questionID: question.id, value: value, nextPosition: run.position)
                lines.append("Answer: " + value.replacingOccurrences(of: "\n", with: "\n        "))
            } else {
                run.skip()
                try database.recordAnswer(sessionID: session.id, questionID: question.id, value: nil, nextPosition: run.position)
                lines.append("Answer: (skipped)")
            }
            lines += try attach(at: question.id, file: file, partner: partner, session: session, database: database, notes: &notesByID)
        }
        let loose = try attach(at: nil, file: file, partner: partner, session: session, database: database, notes: &notesByID)
        if !loose.isEmpty { lines += ["", "== Also recorded =="] + loose }
        try database.updateSession(id: session.id, position: run.position, status: .finished)

        let coaching = try ScriptedRun.coaching(for: session, database: database)
        if !coaching.isEmpty { lines += ["", "== Coaching =="] + coaching }
        let missing = run.missingRequired.map(\.id)
        lines += ["", "== Result =="]
        let required = run.applicableQuestions.filter(\.required).count
        if missing.isEmpty {
            lines.append("All \(required) required questions answered.")
        } else {
            lines.append("Missing \(missing.count) of \(required) required questions:")
            lines += missing.map { "- \($0)" }
        }
        return Transcript(text: lines.joined(separator: "\n") + "\n", missing: missing)
    }

    private static func existingOrNewPartner(_ plan: Plan, database: AppDatabase) throws -> Partner {
        if let existing = try? database.partner(named: plan.partnerName) {
            guard existing.sector == plan.sector.id else {
                throw ShellError.usage("the partner '\(existing.name)' is already in this database as '\(existing.sector)', not '\(plan.sector.id)'; use that sector, another partner name, or --training.")
            }
            return existing
        }
        return try database.addPartner(Partner(name: plan.partnerName, sector: plan.sector.id, stakeholder: plan.sector.stakeholder))
    }

    /// Stores the notes, terms, values and actions attached at one question (nil: the session) and describes them.
    private static func attach(at questionID: String?, file: AnswersFile, partner: Partner, session: Session,
                               database: AppDatabase, notes: inout [UUID]) throws -> [String] {
        var lines: [String] = []
        for entry in file.notes where entry.questionID == questionID {
            let note = try database.addNote(Note(partnerID: partner.id, sessionID: session.id, questionID: questionID,
                                                 text: entry.value.text, isPrivate: entry.value.isPrivate))
            notes.append(note.id)
            lines.append("Note" + (entry.value.isPrivate ? " (private)" : "") + ": " + entry.value.text)
        }
        for entry in file.terms where entry.questionID == questionID {
            try database.addTerm(Term(partnerID: partner.id, sessionID: session.id, questionID: questionID,
                                      term: entry.value.term, meaning: entry.value.meaning))
            lines.append("Term: \(entry.value.term) = \(entry.value.meaning)")
        }
        for entry in file.values where entry.questionID == questionID {
            let value = entry.value
            try database.addValue(ValueItem(partnerID: partner.id, sessionID: session.id, questionID: questionID,
                                            value: value.value, benefits: value.benefits, lens: value.lens, horizon: value.horizon))
            lines.append("Value: \(value.value) (for \(value.benefits.joined(separator: ", ")); \(value.lens.rawValue), \(value.horizon.rawValue) term)")
        }
        for entry in file.actions where entry.questionID == questionID {
            let action = entry.value
            try database.addAction(ActionItem(partnerID: partner.id, sessionID: session.id, questionID: questionID,
                                              text: action.text, owner: action.owner, due: action.due))
            lines.append("Action: \(action.text) (owner \(action.owner)" + (action.due.map { ", due \($0)" } ?? "") + ")")
        }
        return lines
    }
}
