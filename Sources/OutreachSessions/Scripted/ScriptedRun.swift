import Foundation
import OutreachCatalog
import OutreachCore
import OutreachStore

/// A playbook played from an answers file with no terminal: the whole file is checked first, by
/// playing it through the session engine on a throwaway database, and only then recorded through
/// the same engine, with a transcript that is the same, byte for byte, for the same inputs.
public enum ScriptedRun {
    public static let transcriptWidth = 80

    /// What a scripted run plays: the playbook resolved for the partner's sector.
    public struct Plan: Sendable {
        public var playbook: ResolvedPlaybook
        public var partnerName: String
        public var sector: Plugin
    }

    /// The playbook, partner and sector named by the options or, failing that, by the file.
    public static func plan(playbook: String?, partner: String?, sector: String?, file: AnswersFile, catalog: Catalog) throws -> Plan {
        guard let playbookID = playbook ?? file.playbook else {
            throw SessionError.usage("no playbook given: name one after 'run', or add 'playbook: ID' to \(file.file).")
        }
        let loaded = try catalog.requirePlaybook(playbookID)
        guard let partnerName = partner ?? file.partnerName else {
            throw SessionError.usage("no partner given: pass --partner NAME, or add 'partner: {name: ...}' to \(file.file).")
        }
        guard let sectorID = sector ?? file.partnerSector else {
            throw SessionError.usage("no sector given: pass --sector ID, or add 'sector' under 'partner' in \(file.file).")
        }
        let sectorPlugin = try catalog.requireSector(sectorID)
        let resolved = try catalog.resolve(loaded.playbook, sector: sectorPlugin.id)
        return Plan(playbook: resolved, partnerName: partnerName, sector: sectorPlugin)
    }

    /// One problem of an answers file, with its place.
    public struct Problem: Sendable {
        public var line: Int
        public var column: Int
        public var text: String

        init(_ location: SourceLocation, _ message: String) {
            line = location.line
            column = location.column
            text = "\(location): \(message)"
        }
    }

    /// One question as the run met it.
    struct Played {
        enum Outcome {
            case answered(String)
            case rejected(AnswersFile.Located<String>, String)
            case unanswered
        }

        var question: Question
        var stepIndex: Int
        var numberInStep: String
        var enteredStep: Bool
        var outcome: Outcome
        /// Records saved from the answer's lines, worded to show back.
        var captured: [String]
    }

    /// Plays the file through the engine: each question the answers reach is answered (or skipped
    /// when the file has no usable answer for it). `each` sees every question after it is saved.
    static func play(_ plan: Plan, file: AnswersFile, engine: SessionEngine, partner: Partner,
                     each: (Played, ActiveSession) throws -> Void) throws {
        let answers = Dictionary(file.answers.map { ($0.questionID, $0.answer) }, uniquingKeysWith: { first, _ in first })
        var transition = try engine.begin(plan.playbook, partner: partner)
        while let question = transition.active.run.current, let stepIndex = transition.active.run.currentStepIndex {
            let number = transition.active.run.positionInStep.map { "\($0.number)/\($0.count)" } ?? ""
            let entered = transition.enteredStep
            var outcome = Played.Outcome.unanswered
            var captured: [String] = []
            if let typed = answers[question.id] {
                do {
                    transition = try engine.answer(typed.value)
                    outcome = .answered(transition.active.run.answers[question.id] ?? typed.value)
                    captured = transition.captured
                } catch SessionError.invalidAnswer(let problem) {
                    outcome = .rejected(typed, problem)
                } catch let error as SessionError {
                    outcome = .rejected(typed, error.localizedDescription)
                }
            }
            if case .answered = outcome {} else { transition = try engine.skip(force: true) }
            try each(Played(question: question, stepIndex: stepIndex, numberInStep: number, enteredStep: entered, outcome: outcome,
                            captured: captured), transition.active)
        }
    }

    /// Every problem of the file against the plan, each with file:line:column, found by playing it
    /// on a throwaway database.
    public static func check(_ file: AnswersFile, against plan: Plan, catalog: Catalog) throws -> [Problem] {
        let playbook = plan.playbook
        var problems: [Problem] = []
        let questions = Dictionary(playbook.flattened.map { ($0.question.id, $0.question) }, uniquingKeysWith: { first, _ in first })
        let ids = playbook.flattened.map(\.question.id)
        func unknown(_ id: String) -> String {
            "the playbook '\(playbook.id)' has no question '\(id)'" + (Suggestions.phrase(for: id, in: ids).map { "; \($0)" } ?? ".")
        }
        var seen: Set<String> = []
        for (id, answer) in file.answers {
            if !seen.insert(id).inserted { problems.append(Problem(answer.location, "'\(id)' is answered twice.")) }
            if questions[id] == nil { problems.append(Problem(answer.location, unknown(id))) }
        }
        let rehearsal = try AppDatabase.inMemory()
        let engine = SessionEngine(database: rehearsal, catalog: catalog)
        let partner = try rehearsal.addPartner(Partner(name: plan.partnerName, sector: plan.sector.id))
        var asked: Set<String> = []
        try play(plan, file: file, engine: engine, partner: partner) { played, _ in
            asked.insert(played.question.id)
            guard case .rejected(let answer, let problem) = played.outcome else { return }
            let empty = answer.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            problems.append(Problem(answer.location, empty
                ? "the answer to '\(played.question.id)' is empty; write an answer or remove the line." : problem))
        }
        for (id, answer) in file.answers where questions[id] != nil && !asked.contains(id) {
            let condition = questions[id]?.condition?.summary ?? "an earlier answer"
            problems.append(Problem(answer.location, "'\(id)' is never asked with these answers (it is asked only when \(condition)); remove the answer or change the earlier one."))
        }
        let attachments = file.notes.map { ($0.questionID, $0.location) } + file.terms.map { ($0.questionID, $0.location) }
            + file.values.map { ($0.questionID, $0.location) } + file.actions.map { ($0.questionID, $0.location) }
        for case let (id?, location) in attachments {
            if questions[id] == nil { problems.append(Problem(location, "'at': " + unknown(id))) }
            else if !asked.contains(id) { problems.append(Problem(location, "'at': '\(id)' is never asked with these answers.")) }
        }
        return problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }
}
