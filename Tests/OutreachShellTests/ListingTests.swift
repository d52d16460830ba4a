import Foundation
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachShell

/// Every listing shows a bounded page in a stable order and says how many more rows there are.
@Suite struct ListingTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01 00:00 UTC

    /// A shell whose database holds `count` notes about Metro, "note N" written on 2026-01-01 plus N days.
    static func harness(notes count: Int) throws -> ShellHarness {
        let harness = try ShellHarness()
        harness.run([addMetro])
        let metro = try harness.context.database.partner(named: "Metro")
        for day in 0..<count {
            try harness.context.database.addNote(Note(partnerID: metro.id, text: "note \(day)", createdAt: start.addingTimeInterval(Double(day) * 86_400)))
        }
        return harness
    }

    /// The note texts a listing printed, in order.
    static func shownNotes(_ output: String) -> [String] {
        output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("note ") }
    }

    @Test func notesShowTheNewestFiftyOldestFirstAndSayHowManyMoreThereAre() throws {
        let harness = try Self.harness(notes: 55)
        let output = harness.output(of: ["notes"])
        #expect(Self.shownNotes(output) == (5..<55).map { "note \($0)" })
        #expect(output.hasSuffix("Showing the newest 50 of 55 notes; add --all, --since YYYY-MM-DD or --limit N\n"))
    }

    @Test func limitAllAndSinceChooseThePage() throws {
        let harness = try Self.harness(notes: 55)
        let limited = harness.output(of: ["notes --limit 2"])
        #expect(Self.shownNotes(limited) == ["note 53", "note 54"])
        #expect(limited.contains("Showing the newest 2 of 55 notes"))
        let all = harness.output(of: ["notes --all"])
        #expect(Self.shownNotes(all) == (0..<55).map { "note \($0)" })
        #expect(!all.contains("Showing"))
        let since = harness.output(of: ["notes --since 2026-02-20"])
        #expect(Self.shownNotes(since) == (50..<55).map { "note \($0)" })
        #expect(!since.contains("Showing"))
        let sinceLimited = harness.output(of: ["notes --since 2026-02-20 --limit 1"])
        #expect(sinceLimited.contains("Showing the newest 1 of 5 notes"))
        #expect(harness.output(of: ["notes --since 2027-01-01"]).contains("No notes since 2027-01-01. Type 'notes' to list every note."))
    }

    @Test func theOrderIsTheSameOnEveryRun() throws {
        let harness = try ShellHarness()
        harness.run([addMetro])
        let metro = try harness.context.database.partner(named: "Metro")
        for index in 0..<4 { try harness.context.database.addNote(Note(partnerID: metro.id, text: "note \(index)", createdAt: Self.start)) }
        let first = harness.output(of: ["notes --limit 3"]), second = harness.output(of: ["notes --limit 3"])
        #expect(Self.shownNotes(first) == ["note 1", "note 2", "note 3"])
        #expect(first == second)
    }

    @Test func aBadLimitOrDayIsRefusedWithTheRightForm() throws {
        let harness = try Self.harness(notes: 1)
        #expect(harness.run(["notes --limit 0"]) == 1)
        #expect(harness.errors.contains("--limit takes a number of rows, 1 or more."))
        #expect(harness.run(["notes --all --limit 3"]) == 1)
        #expect(harness.errors.contains("give --all or --limit N, not both."))
        #expect(harness.run(["notes --since 2026-13-01"]) == 1)
        #expect(harness.errors.contains("'2026-13-01' is not a day: give --since as YYYY-MM-DD, such as --since 2026-01-31."))
    }

    @Test func partnersPartiesAndPartnershipsShowTheFirstByNameAndCountTheRest() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, addMetro, "partner add Alder --sector housing"])
        let partners = harness.output(of: ["partners --limit 2"])
        #expect(tableRow(containing: "Alder", in: partners) != nil)
        #expect(tableRow(containing: "Metro", in: partners) != nil)
        #expect(tableRow(containing: "Riverside", in: partners) == nil)
        #expect(partners.contains("Showing the first 2 of 3 partners; add --all or --limit N"))
        #expect(!harness.output(of: ["partners"]).contains("Showing"))
        let parties = harness.output(of: ["parties --limit 1"])
        #expect(tableRow(containing: "Alder", in: parties) != nil)
        #expect(parties.contains("Showing the first 1 of 3 parties; add --all or --limit N"))
        harness.run(["partnership add \"Tenant health\" --partner Metro --partner Alder", "partnership add \"Safe streets\" --partner Metro"])
        let partnerships = harness.output(of: ["partnerships --limit 1"])
        #expect(tableRow(containing: "Safe streets", in: partnerships) != nil)
        #expect(tableRow(containing: "Tenant health", in: partnerships) == nil)
        #expect(partnerships.contains("Showing the first 1 of 2 partnerships"))
    }

    @Test func sessionsValuesAndActionsShowAPageAndCountTheRest() throws {
        let harness = try ShellHarness()
        harness.run([addMetro, "start dash --partner Metro", "/pause", "start dash --partner Metro", "/pause"])
        let sessions = harness.output(of: ["sessions --limit 1"])
        #expect(tableRow(containing: "Metro", in: sessions)?.first == "2")
        #expect(sessions.contains("Showing the newest 1 of 2 sessions; add --all, --since YYYY-MM-DD or --limit N"))
        harness.run(["value add \"fewer calls\" --benefits Metro --lens operational --horizon short --partner Metro",
                     "value add \"shared data\" --benefits Metro --lens economic --horizon long --partner Metro"])
        let values = harness.output(of: ["values --limit 1"])
        #expect(tableRow(containing: "shared data", in: values) != nil)
        #expect(tableRow(containing: "fewer calls", in: values) == nil)
        #expect(values.contains("Showing the newest 1 of 2 values"))
        harness.run(["action add \"send the agreement\" --owner Ana --due 2030-01-02 --partner Metro",
                     "action add \"book the room\" --owner Ana --due 2030-01-01 --partner Metro"])
        let actions = harness.output(of: ["actions --limit 1"])
        #expect(tableRow(containing: "book the room", in: actions) != nil)
        #expect(tableRow(containing: "send the agreement", in: actions) == nil)
        #expect(actions.contains("Showing the first 1 of 2 actions"))
    }
}

@Suite struct SearchAndGlossaryListingTests {
    @Test func searchSaysHowManyMatchesItRankedAndLimitAndAllChooseHowManyToShow() throws {
        let harness = try ShellHarness()
        harness.run([addMetro] + (1...3).map { "note \"waitlist item \($0)\" --partner Metro" })
        let limited = harness.output(of: ["search waitl --limit 2"])
        #expect(limited.contains("2. note"))
        #expect(!limited.contains("3. note"))
        #expect(limited.contains("Showing the best 2 of 3 matches; add words, --partner, --sector or --tag to narrow the search, or add --all or --limit N"))
        let all = harness.output(of: ["search waitl --all"])
        #expect(all.contains("3. note"))
        #expect(!all.contains("Showing"))
    }

    @Test func theGlossaryListsAPageOfCapturedTerms() throws {
        let harness = try ShellHarness()
        harness.run([addMetro, #"term "Qx-alpha" "first made-up word" --partner Metro"#, #"term "Qx-beta" "second made-up word" --partner Metro"#])
        let page = harness.output(of: ["glossary --limit 1"])
        #expect(tableRow(containing: "Qx-alpha", in: page) != nil)
        #expect(tableRow(containing: "Qx-beta", in: page) == nil)
        #expect(page.contains("Showing the first 1 of 2 captured terms; add --all or --limit N"))
        #expect(harness.output(of: ["glossary qx-beta"]).contains("Qx-beta (captured with Metro)"))
    }
}
