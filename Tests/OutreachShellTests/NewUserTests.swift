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

/// A long import shows how far it is at a terminal.
@Suite struct ProgressBarTests {
    @Test func theLineShowsTheBarTheCountAndTheRate() {
        let line = ProgressBar.line(done: 42_000, total: 200_000, seconds: 2, noun: "records", width: 60)
        #expect(line == "[####----------------]  42,000 of 200,000 records  21,000/s")
        #expect(line.count <= 60)
        #expect(ProgressBar.line(done: 0, total: 10, seconds: 0, noun: "records", width: 40).hasPrefix("[----------"))
    }

    @Test func theStoreReportsProgressEveryTwoThousandRecordsAndAtTheEnd() throws {
        try withTemporaryFolder { folder in
            let source = try AppDatabase.inMemory()
            let partner = try source.addPartner(Partner(name: "Metro", sector: "police"))
            for index in 0..<4_500 { try source.addNote(Note(partnerID: partner.id, text: "note \(index)")) }
            let file = folder.appendingPathComponent("all.jsonl")
            _ = try source.exportBundle(to: file, redact: false)
            var calls: [(done: Int, total: Int)] = []
            let summary = try AppDatabase.inMemory().importBundle(from: file) { calls.append(($0, $1)) }
            let total = try #require(calls.last?.total)
            #expect(total == summary.inserted, "every record is counted once")
            #expect(calls.map(\.done) == Array(stride(from: 0, to: total, by: 2_000)) + [total])
            #expect(Set(calls.map(\.total)) == [total])
        }
    }
}
