import Testing
@testable import OutreachCore

/// Each line of an answer to a question with `captures:` declares one record.
@Suite struct CaptureTests {
    func question(_ captures: Question.Captures) -> Question {
        Question(id: "q", text: "Which?", kind: .list, captures: captures)
    }

    @Test func termLinesSplitAtTheFirstEquals() throws {
        let answer = try question(.terms).normalizedAnswer("HCV = Housing Choice Voucher; the rent subsidy\nRAD = a = b").get()
        #expect(answer == "HCV = Housing Choice Voucher; the rent subsidy\nRAD = a = b", "';' does not split a captured line")
        #expect(try Question.Captures.terms.items(in: answer).get() == [
            .term(term: "HCV", meaning: "Housing Choice Voucher; the rent subsidy"), .term(term: "RAD", meaning: "a = b"),
        ])
    }

    @Test func actionLinesNeedAnOwnerAndARealDay() throws {
        #expect(try Question.Captures.actions.items(in: "Send the draft; Sam; 2026-12-15\nCall them; Ana").get() == [
            .action(text: "Send the draft", owner: "Sam", due: "2026-12-15"), .action(text: "Call them", owner: "Ana", due: nil),
        ])
        guard case .failure(let problem) = question(.actions).normalizedAnswer("Send the draft; Sam; 2026-02-30") else {
            Issue.record("a bad day was accepted")
            return
        }
        #expect(problem.message == "Line 1, 'Send the draft; Sam; 2026-02-30': '2026-02-30' is not a day; write it as YYYY-MM-DD. Each line of this answer is saved as a record, written as task; owner; due (YYYY-MM-DD, optional), for example: Send the draft agreement; Sam; 2026-12-15. Type the answer again.")
        #expect(question(.actions).normalizedAnswer("Call them\nSend it; Sam") == .failure(.badCaptureLine(
            number: 1, line: "Call them", reason: .missing("the task and its owner, separated by ';'"),
            form: Question.Captures.actions.lineForm, example: Question.Captures.actions.example)))
    }

    @Test func valueLinesNameGainersLensesHorizonAndPayers() throws {
        #expect(try Question.Captures.values.items(in: "Fewer evictions; tenants, the partner; altruistic, operational; long; the partner").get() == [
            .value(text: "Fewer evictions", gains: ["tenants", "the partner"], lenses: [.altruistic, .operational], horizon: .long, pays: ["the partner"]),
        ])
        guard case .failure(.badCaptureLine(_, _, let reason, _, _)) = Question.Captures.values.items(in: "Fewer evictions; tenants; monetary; long") else {
            Issue.record("an unknown lens was accepted")
            return
        }
        #expect(reason == .notOneOf("monetary", ["economic", "financial", "operational", "altruistic"]))
    }

    @Test func aListWithoutCapturesStillSplitsAtSemicolons() throws {
        #expect(try Question(id: "q", text: "?", kind: .list).normalizedAnswer("a; b").get() == "a\nb")
    }
}
