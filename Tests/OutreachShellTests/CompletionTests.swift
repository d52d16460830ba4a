import OutreachTestSupport
import Testing
@testable import OutreachShell

@Suite struct CompletionTests {
    @Test func commandWordsComplete() throws {
        let harness = try ShellHarness()
        let completer = Completer(context: harness.context)
        #expect(completer.candidates(for: "sec") == ["sector", "sectors"])
        #expect(completer.candidates(for: "pla") == ["playbook", "playbooks"])
    }

    @Test func sectorIdsComplete() throws {
        let completer = Completer(context: try ShellHarness().context)
        #expect(completer.candidates(for: "sector ho") == ["hospitals", "housing"])
        #expect(completer.candidates(for: "partner add X --sector pu") == ["public-health"])
    }

    @Test func partnerNamesCompleteQuoted() throws {
        let harness = try ShellHarness()
        harness.run([#"partner add "Riverside Housing Authority" --sector housing"#, "partner add Metro --sector police"])
        let completer = Completer(context: harness.context)
        #expect(completer.candidates(for: "start dash --partner Riv") == [#""Riverside Housing Authority""#])
        #expect(completer.candidates(for: #"partner show "Riverside Ho"#) == [#""Riverside Housing Authority""#])
        #expect(completer.candidates(for: "partner show M") == ["Metro"])
    }

    @Test func playbookIdsSessionIdsAndOptionsComplete() throws {
        let harness = try ShellHarness()
        harness.run(["partner add Metro --sector police", "start dash --partner Metro", "/pause"])
        let completer = Completer(context: harness.context)
        #expect(completer.candidates(for: "start v") == ["value-loop", "value-story"])
        #expect(completer.candidates(for: "resume ") == ["1"])
        #expect(completer.candidates(for: "partner add Metro --s") == ["--sector", "--stakeholder"])
        #expect(completer.candidates(for: "partner ") == ["add", "edit", "list", "show", "use"])
    }

    @Test func insideAPlaybookCommandsCompleteWithASlash() throws {
        let harness = try ShellHarness()
        harness.run(["partner add Metro --sector police", "start dash --partner Metro"])
        let completer = Completer(context: harness.context)
        #expect(completer.candidates(for: "/sk") == ["/skip", "/skip!"])
        #expect(completer.candidates(for: "/goto dash.listen.fa") == ["dash.listen.failure"])
    }
}
