import Testing
@testable import OutreachCore

@Suite struct PlaybookRunTests {
    static let playbook = ResolvedPlaybook(id: "t", title: "T", version: "1.0.0", sector: nil, steps: [
        .init(id: "homework", title: "Homework", intro: nil, questions: [
            Question(id: "t.shared", text: "Shared before?", kind: .choice, choices: ["yes", "no"], required: true),
            Question(id: "t.agreement", text: "Which agreement?", condition: Condition(question: "t.shared", test: .equals("yes"))),
        ]),
        .init(id: "listen", title: "Listen", intro: nil, questions: [
            Question(id: "t.cares", text: "What do they care about?"),
            Question(id: "t.funding", text: "Funding?", required: true),
        ]),
    ])

    @Test func skipLogicLeavesOutQuestionsWhoseConditionFails() {
        var run = PlaybookRun(playbook: Self.playbook)
        #expect(run.current?.id == "t.shared")
        run.answer("no")
        #expect(run.current?.id == "t.cares")
        #expect(run.positionInStep?.number == 1)
        #expect(run.positionInStep?.count == 2)
    }

    @Test func aYesAnswerAsksTheFollowUp() {
        var run = PlaybookRun(playbook: Self.playbook)
        run.answer("yes")
        #expect(run.current?.id == "t.agreement")
        #expect(run.positionInStep?.number == 2)
    }

    @Test func backReturnsToThePreviousApplicableQuestion() {
        var run = PlaybookRun(playbook: Self.playbook)
        run.answer("no")
        let movedBack = run.back()
        #expect(movedBack)
        #expect(run.current?.id == "t.shared")
        let movedBeforeFirst = run.back()
        #expect(!movedBeforeFirst)
    }

    @Test func missingRequiredListsOnlyApplicableUnanswered() {
        var run = PlaybookRun(playbook: Self.playbook)
        run.skip()
        run.next()
        run.skip()
        #expect(run.isAtEnd)
        #expect(run.missingRequired.map(\.id) == ["t.shared", "t.funding"])
        #expect(run.skipped == ["t.shared", "t.funding"])
    }

    @Test func gotoJumpsByID() {
        var run = PlaybookRun(playbook: Self.playbook)
        let found = run.go(to: "t.funding")
        #expect(found)
        #expect(run.current?.id == "t.funding")
        let missing = run.go(to: "t.nope")
        #expect(!missing)
    }

    @Test func noteTagsAreCollected() {
        let note = Note(partnerID: nil, text: "Met #Director, keen on #waitlist. #waitlist again")
        #expect(note.tags == ["director", "waitlist"])
    }
}
