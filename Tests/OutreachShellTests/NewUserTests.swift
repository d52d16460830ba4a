import Foundation
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachShell

/// What a new user met in the first minutes, each fixed and held here.
@Suite struct NewUserTests {
    @Test func aTagAloneIsASearch() throws {
        let harness = try ShellHarness()
        harness.run(["partner add Metro --sector police", "note \"Counsel must review #legal\"", "note \"Nothing here\"", "search --tag legal"])
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        #expect(harness.text.contains("1. note · Metro"))
        #expect(harness.text.contains("Counsel must review #legal"))
        #expect(!harness.text.contains("Nothing here\n"), "only tagged notes are listed")
        #expect(harness.run(["search"]) == 1)
        #expect(harness.errors.contains("say what to look for, such as 'search tenant records', or name a tag: 'search --tag privacy'."))
    }

    @Test func partnerUseConfirms() throws {
        let harness = try ShellHarness()
        harness.run(["partner add Metro --sector police", "partner add Harbor --sector food-banks", "partner use Metro"])
        #expect(harness.text.contains("Metro is now the current partner; commands without --partner mean them."))
        #expect(harness.context.prompt == "police · Metro > ")
    }

    @Test func errorsAreSentencesInOneVoice() throws {
        let harness = try ShellHarness()
        harness.run(["clear"])
        #expect(harness.errors == "error: unknown command 'clear'. Type 'help' to list the commands.\n")
    }

    @Test func whereSaysWhenAGatedQuestionIsAsked() throws {
        let harness = try ShellHarness()
        harness.run(["partner add Metro --sector police", "start dash", "/where"])
        #expect(harness.text.contains("· dash.pb.agreement (asked only when dash.pb.shared-before = yes)"))
        #expect(!harness.text.contains("not asked:"))
    }

    @Test func partyAndPartnershipNamesComplete() throws {
        let harness = try ShellHarness()
        harness.run([
            "partner add Metro --sector police", "party add \"state Medicaid\"",
            "partnership add \"Safer streets\" --partner Metro",
        ])
        let completer = Completer(context: harness.context)
        #expect(completer.candidates(for: "value add x --benefits ").contains("\"state Medicaid\""))
        #expect(completer.candidates(for: "value add x --pays ").contains("Metro"))
        #expect(completer.candidates(for: "report --partnership ") == ["\"Safer streets\""])
        #expect(completer.candidates(for: "partnership ").contains("\"Safer streets\""))
    }
}
