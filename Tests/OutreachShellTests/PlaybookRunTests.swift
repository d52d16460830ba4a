import Foundation
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachShell

@Suite struct PlaybookSessionTests {
    func startedHarness(sector: String = "housing", playbook: String = "dash") throws -> ShellHarness {
        let harness = try ShellHarness()
        harness.run(["partner add \"Riverside HA\" --sector \(sector)", "start \(playbook) --partner \"Riverside HA\""])
        return harness
    }

    @Test func anAnswerIsSavedTheMomentItIsEntered() throws {
        let harness = try startedHarness()
        harness.run(["Families on the waitlist are our shared population"])
        let session = try harness.context.database.session(number: 1)
        let answers = try harness.context.database.answers(sessionID: session.id)
        #expect(answers.map(\.value) == ["Families on the waitlist are our shared population"])
        #expect(answers.first?.questionID == "dash.homework.shared-population")
        #expect(session.position == 1)
    }

    @Test func thePromptShowsPartnerStepAndQuestion() throws {
        let harness = try startedHarness()
        #expect(harness.context.prompt.hasPrefix("housing · Riverside HA · 1/4 homework · 0/"))
        #expect(harness.context.prompt.contains(" answered > "))
        #expect(harness.context.prompt.hasSuffix(" > "))
    }

    @Test func backAndANewAnswerAddsARevision() throws {
        let harness = try startedHarness()
        harness.run(["first answer", "/back", "second answer"])
        let session = try harness.context.database.session(number: 1)
        let answers = try harness.context.database.answers(sessionID: session.id)
        #expect(answers.map(\.revision) == [1, 2])
        #expect(try harness.context.database.answerState(sessionID: session.id).answers["dash.homework.shared-population"] == "second answer")
    }

    @Test func requiredQuestionsNeedSkipBang() throws {
        let harness = try startedHarness()
        harness.run(["/goto dash.pb.shared-before"])
        #expect(harness.run(["/skip"]) == 1)
        #expect(harness.errors.contains("'dash.pb.shared-before' is required"))
        #expect(harness.run(["/skip!"]) == 0)
        harness.run(["/finish"])
        #expect(harness.text.contains("Required questions still missing:"))
        #expect(harness.text.contains("- dash.pb.shared-before:"))
    }

    @Test func choicesAcceptNumberOrTextAndExplainOtherwise() throws {
        let harness = try startedHarness()
        harness.run(["/goto dash.pb.shared-before"])
        #expect(harness.run(["perhaps"]) == 1)
        #expect(harness.errors.contains("'perhaps' is not one of the choices. Type a number or the text of a choice: 1) yes  2) no  3) not sure"))
        #expect(harness.context.activeRun?.run.current?.id == "dash.pb.shared-before")
        harness.run(["1"])
        #expect(harness.context.activeRun?.run.current?.id == "dash.pb.agreement")
    }

    @Test func skipLogicLeavesOutTheFollowUpWhenNo() throws {
        let harness = try startedHarness()
        harness.run(["/goto dash.pb.shared-before", "no"])
        let current = harness.context.activeRun?.run.current?.id ?? ""
        #expect(current != "dash.pb.agreement")
        #expect(current != "dash.pb.who-knows")
        #expect(current == "dash.listen.motivation", "the listen step follows once both follow-ups are left out")
    }

    @Test func multiLineAnswersByBackslashAndTripleQuotes() throws {
        let harness = try startedHarness()
        harness.run(["first line \\", "second line", "\"\"\"", "block one", "block two", "\"\"\""])
        let state = try harness.context.database.answerState(sessionID: try harness.context.database.session(number: 1).id)
        #expect(state.answers["dash.homework.shared-population"] == "first line second line", "a continued line is one paragraph")
        #expect(state.answers["dash.homework.responsibilities"] == "block one\nblock two")
    }

    @Test func noteInsideAPlaybookAttachesToTheQuestion() throws {
        let harness = try startedHarness()
        harness.run(["/note Director prefers email #followup --private"])
        let notes = try harness.context.database.notes()
        #expect(notes.count == 1)
        #expect(notes.first?.questionID == "dash.homework.shared-population")
        #expect(notes.first?.isPrivate == true)
        #expect(notes.first?.text == "Director prefers email #followup")
    }

    @Test func pauseAndResumeContinueExactlyWhereItStopped() throws {
        let harness = try startedHarness()
        harness.run(["one", "two", "/pause"])
        #expect(harness.context.activeRun == nil)
        harness.run(["resume 1"])
        #expect(harness.context.activeRun?.run.current?.id == "dash.homework.data-holdings")
        #expect(harness.context.activeRun?.run.answers.count == 2)
    }

    @Test func doNotContactPartnersNeedConfirmation() throws {
        let harness = try ShellHarness(confirmAnswer: false)
        harness.run(["partner add Metro --sector police --do-not-contact"])
        #expect(harness.run(["start dash --partner Metro"]) == 1)
        #expect(harness.errors.contains("nothing was started"))
        let yes = try ShellHarness(confirmAnswer: true)
        yes.run(["partner add Metro --sector police --do-not-contact"])
        #expect(yes.run(["start dash --partner Metro"]) == 0)
    }

    @Test func whereShowsAnsweredSkippedAndCurrent() throws {
        let harness = try startedHarness()
        harness.run(["Families on the waitlist", "/skip", "/where"])
        #expect(harness.text.contains("✓ dash.homework.shared-population"))
        #expect(harness.text.contains("– dash.homework.responsibilities"))
        #expect(harness.text.contains("▸ dash.homework.data-holdings"))
    }

    /// Every built-in playbook runs from its first question to /finish with nothing missing.
    @Test(arguments: ["dash", "first-meeting", "self-assessment", "value-story", "value-loop"])
    func builtInPlaybookRunsToTheEnd(_ id: String) throws {
        let harness = try startedHarness(sector: "food-banks", playbook: id)
        var steps = 0
        while let question = harness.context.activeRun?.run.current, steps < 500 {
            let answer: String
            switch question.kind {
            case .choice, .multi: answer = "1"
            case .scale: answer = String(question.effectiveScale.max)
            case .text, .list: answer = question.captures?.example ?? "Answer to \(question.id)"
            }
            #expect(harness.run([answer]) == 0, "\(question.id) refused \(answer): \(harness.errors)")
            steps += 1
        }
        #expect(harness.run(["/finish"]) == 0)
        #expect(!harness.text.contains("Required questions still missing"))
        let session = try harness.context.database.session(number: 1)
        #expect(session.status == .finished)
        #expect(try harness.context.database.answers(sessionID: session.id).count == steps)
    }
}

@Suite struct FinishSummaryTests {
    @Test func missingRequiredQuestionsAreListedOnceAtFinish() throws {
        let harness = try ShellHarness()
        harness.run(["partner add Metro --sector police", "start dash --partner Metro", "/finish"])
        #expect(harness.text.contains("Required questions still missing:"))
        #expect(!harness.text.contains("required questions unanswered"))
        #expect(!harness.text.contains("required question unanswered"))
        #expect(harness.text.contains("Coaching for session 1 with Metro:"))
    }
}
