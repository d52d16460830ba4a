import Foundation
import OutreachCatalog
import OutreachCore
import OutreachReports
import OutreachSessions
import OutreachShell
import OutreachStore
import OutreachTestSupport
import Testing

/// The shell and a scripted run drive the same engine, so the same inputs give the same effective
/// answers, progress and coaching, for every built-in playbook.
@Suite struct FrontEndAgreementTests {
    static func builtinPlaybooks() -> [String] {
        builtinCatalog.playbooks.map(\.playbook.id).sorted()
    }

    /// A valid answer for every question: the first choice, the scale's low end, or a sentence.
    static func answer(for question: Question) -> String {
        switch question.kind {
        case .choice, .multi: question.choices.first ?? "yes"
        case .scale: String(question.effectiveScale.min)
        case .list: question.captures?.example ?? "first item; second item"
        case .text: question.captures?.example ?? "What the partner said about \(question.id)"
        }
    }

    /// The answers file a trainer would write for the resolved playbook, as YAML: an answer for
    /// each question those answers lead to.
    static func answersFile(for playbook: ResolvedPlaybook) -> String {
        var lines = ["playbook: \(playbook.id)", "partner: {name: \"Riverside HA\", sector: housing}", "answers:"]
        let all = Dictionary(playbook.flattened.map { ($0.question.id, answer(for: $0.question)) }, uniquingKeysWith: { first, _ in first })
        for question in EffectiveAnswers(playbook: playbook, answers: all).reachable {
            let escaped = answer(for: question).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            lines.append("  \(question.id): \"\(escaped)\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct Outcome: Equatable {
        var answers: [String: String]
        var progress: AnswerProgress
        var missing: [String]
        var coaching: [String]
    }

    static func outcome(in database: any Store) throws -> Outcome {
        let session = try database.session(number: 1)
        let playbook = try SessionEngine.playbook(of: session)
        let state = try database.answerState(sessionID: session.id)
        let effective = EffectiveAnswers(playbook: playbook, answers: state.answers, skipped: state.skipped)
        let facts = try CoachingFacts.load(session: session, database: database)
        return Outcome(answers: effective.answers, progress: effective.progress, missing: effective.missingRequired.map(\.id),
                       coaching: Coach.findings(for: facts).map(\.rule))
    }

    @Test(arguments: builtinPlaybooks())
    func theShellAndAScriptedRunAgree(playbookID: String) throws {
        let loaded = try builtinCatalog.requirePlaybook(playbookID)
        let resolved = try builtinCatalog.resolve(loaded.playbook, sector: "housing")
        let yaml = Self.answersFile(for: resolved)
        let scripted = try withTemporaryFolder { folder -> Outcome in
            let url = folder.appendingPathComponent("answers.yaml")
            try yaml.write(to: url, atomically: true, encoding: .utf8)
            let file = try AnswersFileLoader.load(from: url, displayName: "answers.yaml")
            let plan = try ScriptedRun.plan(playbook: nil, partner: nil, sector: nil, file: file, catalog: builtinCatalog)
            #expect(try ScriptedRun.check(file, against: plan, catalog: builtinCatalog).map(\.text).isEmpty)
            let database = try AppDatabase.inMemory()
            _ = try ScriptedRun.record(plan, file: file, engine: SessionEngine(database: database, catalog: builtinCatalog))
            return try Self.outcome(in: database)
        }

        let harness = try ShellHarness()
        harness.run(["partner add \"Riverside HA\" --sector housing", "start \(playbookID) --partner \"Riverside HA\""])
        var typed = 0
        while let question = harness.context.activeRun?.run.current, typed < 500 {
            harness.run([Self.answer(for: question)])
            typed += 1
        }
        harness.run(["/finish"])
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        #expect(try Self.outcome(in: harness.context.database) == scripted)
    }

    /// Every place that shows progress says the same number, after skip logic, `/back` and `/skip`.
    @Test func everyPlaceShowsTheSameProgress() throws {
        let harness = try ShellHarness()
        harness.run([
            "partner add \"Riverside HA\" --sector housing", "start dash --partner \"Riverside HA\"",
            "Families on the waitlist", "/skip", "/goto dash.pb.shared-before", "yes", "The 2019 county agreement",
            "/back", "/back", "no", "/goto dash.listen.funding",
        ])
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let run = try #require(harness.context.activeRun?.run)
        let expected = run.progress
        #expect(expected.answered == 2, "the stale agreement answer does not count")
        #expect(harness.context.prompt.contains("· \(expected) answered > "))

        harness.run(["/where"])
        #expect(harness.text.contains("\(expected.answered) of \(expected.reachable) questions answered"))
        harness.run(["/pause"])
        #expect(harness.text.contains("Paused session 1 (\(expected) answered)."))
        harness.run(["sessions"])
        #expect(harness.text.contains("\(expected) answered"))
        harness.run(["resume 1"])
        #expect(harness.text.contains("Resuming session 1: DASH outreach conversation with Riverside HA (\(expected) answered)"))
        harness.run(["/finish"])
        #expect(harness.text.contains("Finished session 1: \(expected.answered) of \(expected.reachable) questions answered."))
        let json = BriefJSON.render(try Brief.build(
            database: harness.context.database, partner: try harness.context.database.partner(named: "Riverside HA")))
        #expect(!json.contains("The 2019 county agreement"))
    }
}
