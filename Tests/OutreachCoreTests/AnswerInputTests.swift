import Testing
@testable import OutreachCore

@Suite struct AnswerInputTests {
    let choice = Question(id: "q.shared", text: "Shared before?", kind: .choice, choices: ["yes", "no", "not sure"])

    @Test func choiceAcceptsNumberOrTextAndStoresTheChoice() throws {
        #expect(try choice.normalizedAnswer("2").get() == "no")
        #expect(try choice.normalizedAnswer("  Not Sure ").get() == "not sure")
    }

    @Test func choiceRejectsAnythingElseAndListsTheChoices() {
        let result = choice.normalizedAnswer("maybe")
        guard case .failure(let error) = result else { Issue.record("accepted 'maybe'"); return }
        #expect(error.message.contains("'maybe' is not one of the choices"))
        #expect(error.message.contains("1) yes  2) no  3) not sure"))
        #expect(choice.normalizedAnswer("4") == .failure(.notAChoice(input: "4", choices: choice.choices)))
    }

    @Test func multiStoresOneChoicePerLine() throws {
        let multi = Question(id: "q.who", text: "Who?", kind: .multi, choices: ["us", "them", "community"])
        #expect(try multi.normalizedAnswer("1, community, 1").get() == "us\ncommunity")
    }

    @Test func scaleChecksTheRange() throws {
        let scale = Question(id: "q.ready", text: "Ready?", kind: .scale, scale: .init(min: 0, max: 10))
        #expect(try scale.normalizedAnswer("10").get() == "10")
        #expect(scale.normalizedAnswer("11") == .failure(.notOnScale(input: "11", scale: .init(min: 0, max: 10))))
        #expect(scale.normalizedAnswer("high") == .failure(.notOnScale(input: "high", scale: .init(min: 0, max: 10))))
    }

    @Test func listDropsBulletsAndBlankLines() throws {
        let list = Question(id: "q.items", text: "Items?", kind: .list)
        #expect(try list.normalizedAnswer("- HMIS\n\n  waitlist  \n").get() == "HMIS\nwaitlist")
    }

    @Test func emptyAnswersAreRefused() {
        #expect(Question(id: "q", text: "?").normalizedAnswer("   ") == .failure(.empty))
    }
}

@Suite struct MultipleChoiceWithCommasTests {
    let question = Question(id: "q.links", text: "Links?", kind: .multi,
                            choices: ["Continuum of Care", "shelters, outreach and drop-in centers", "none"])

    @Test func aChoiceWhoseTextHasCommasIsKeptWhole() throws {
        #expect(try question.normalizedAnswer("shelters, outreach and drop-in centers, none").get()
            == "shelters, outreach and drop-in centers\nnone")
        #expect(try question.normalizedAnswer("1, 2").get() == "Continuum of Care\nshelters, outreach and drop-in centers")
    }

    @Test func oneChoicePerLineAlsoWorks() throws {
        #expect(try question.normalizedAnswer("Continuum of Care\nshelters, outreach and drop-in centers").get()
            == "Continuum of Care\nshelters, outreach and drop-in centers")
    }

    @Test func anUnknownPieceIsNamed() {
        #expect(question.normalizedAnswer("Continuum of Care, churches")
            == .failure(.notAChoice(input: "churches", choices: question.choices)))
    }
}
