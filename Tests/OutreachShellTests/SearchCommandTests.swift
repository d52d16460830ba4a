import Foundation
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachShell

@Suite struct SearchCommandTests {
    @Test func aWordPrefixFindsANote() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, #"note "Tenant privacy worries the director""#])
        #expect(harness.run(["search priv"]) == 0)
        #expect(harness.text.contains("1. note · Riverside Housing Authority\n   Tenant [privacy] worries the director"))
    }

    @Test func theBetterMatchComesFirst() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside,
                     #"note "Long meeting about budgets, staffing, elections, the board, new hires and, once, the waitlist""#,
                     #"note "Waitlist, waitlist: the waitlist""#])
        let found = harness.output(of: ["search waitlist"])
        let better = try #require(found.range(of: "1. note"))
        let worse = try #require(found.range(of: "2. note"))
        let betterText = try #require(found.range(of: "[Waitlist], [waitlist]: the [waitlist]"))
        #expect(better.upperBound < betterText.lowerBound)
        #expect(betterText.upperBound < worse.lowerBound)
    }

    @Test func answersLinkBackToTheirSessionAndQuestion() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, #"start dash --partner "Riverside Housing Authority""#, "Families on the waitlist who visit clinics", "/pause"])
        harness.run(["search clinic"])
        #expect(harness.text.contains("1. answer · Riverside Housing Authority · session 1 · dash.homework.shared-population\n"
            + "   Families on the waitlist who visit [clinics]"))
    }

    @Test func partnerSectorAndTagNarrowTheSearch() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, #"note "shared data on evictions #board""#,
                     addMetro, #"note "shared data on calls for service #privacy""#,
                     "value add shared data dashboards --benefits officers --lens operational --horizon short"])
        let byPartner = harness.output(of: [#"search shared data --partner "Riverside Housing Authority""#])
        #expect(byPartner.contains("evictions"))
        #expect(!byPartner.contains("calls for service"))
        #expect(!byPartner.contains("dashboards"))

        let bySector = harness.output(of: ["search shared data --sector police"])
        #expect(bySector.contains("calls for service"))
        #expect(bySector.contains("value · Metro"))
        #expect(!bySector.contains("evictions"))

        let byTag = harness.output(of: ["search shared --tag '#privacy'"])
        #expect(byTag.contains("calls for service"))
        #expect(!byTag.contains("evictions"))
        #expect(!byTag.contains("dashboards"))

        #expect(harness.run(["search shared --sector polic"]) == 1)
        #expect(harness.errors.contains("there is no sector 'polic'; did you mean 'police'?"))
    }

    @Test func matchesAreBoldWhenColourIsOn() throws {
        let harness = try ShellHarness()
        harness.context.style = Style(colour: true, width: 100)
        harness.run([addRiverside, #"note "Tenant privacy worries""#, "search priv"])
        #expect(harness.text.contains("Tenant \u{1B}[1mprivacy\u{1B}[0m worries"))
        #expect(!harness.text.contains("[privacy]"))
    }

    @Test func nothingFoundGivesAHint() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, #"note "Tenant privacy worries""#])
        #expect(harness.run(["search zebra", "search tenant --tag budget"]) == 0)
        #expect(harness.text.contains("Nothing matches 'zebra'. Try fewer or shorter words"))
        #expect(harness.text.contains("Nothing in notes tagged #budget matches 'tenant'. Try without the filters"))
        #expect(harness.run(["search"]) == 1)
        #expect(harness.errors.contains("say what to look for"))
    }

    @Test func highlightMarksEachMatchAndKeepsOneLine() {
        let snippet = "a \(SearchHit.markStart)waitlist\(SearchHit.markEnd)\nand \(SearchHit.markStart)data\(SearchHit.markEnd)"
        #expect(SearchCommand.highlight(snippet, style: .plain) == "a [waitlist] and [data]")
        #expect(TerminalText.render(SearchCommand.highlight(snippet, style: Style(colour: true, width: 80)), toTerminal: true) == "a \u{1B}[1mwaitlist\u{1B}[0m and \u{1B}[1mdata\u{1B}[0m")
    }
}
