import Foundation
import OutreachCore
import OutreachShell
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachReports

/// Golden files live in Tests/Fixtures/reports/. After an intended change to a brief, re-record
/// them with `OUTREACH_RECORD_GOLDENS=1 swift test --filter BriefTests` (that run fails on purpose),
/// review the diff, and run again.
@Suite struct BriefTests {
    static let goldenFolder = repositoryRoot.appendingPathComponent("Tests/Fixtures/reports")

    func partnershipBrief(redact: Bool = false) throws -> Brief {
        let database = try ReportFixture.makeDatabase()
        return try Brief.build(database: database, partnership: try ReportFixture.partnership(in: database), redact: redact)
    }

    func partnerBrief(redact: Bool = false) throws -> Brief {
        let database = try ReportFixture.makeDatabase()
        return try Brief.build(database: database, partner: try ReportFixture.partner(in: database), redact: redact)
    }

    static let formats: [(ReportFormat, BriefCSV.Table, String)] = [
        (.markdown, .answers, "md"), (.html, .answers, "html"), (.json, .answers, "json"),
        (.csv, .answers, "answers.csv"), (.csv, .values, "values.csv"), (.csv, .actions, "actions.csv"), (.csv, .parties, "parties.csv"),
    ]

    @Test(arguments: formats)
    func eachFormatMatchesItsGolden(format: ReportFormat, table: BriefCSV.Table, ext: String) throws {
        Golden.expect(format.render(try partnershipBrief(), table: table), matches: Self.goldenFolder.appendingPathComponent("brief.\(ext)"))
    }

    @Test(arguments: formats)
    func redactedFormatsMatchTheirGoldens(format: ReportFormat, table: BriefCSV.Table, ext: String) throws {
        Golden.expect(format.render(try partnershipBrief(redact: true), table: table),
                      matches: Self.goldenFolder.appendingPathComponent("brief-redacted.\(ext)"))
    }

    @Test func aPartnersBriefMatchesItsGolden() throws {
        Golden.expect(ReportFormat.markdown.render(try partnerBrief()), matches: Self.goldenFolder.appendingPathComponent("brief-partner.md"))
    }

    @Test func buildingTwiceGivesTheSameBytes() throws {
        for (format, table, _) in Self.formats {
            #expect(format.render(try partnershipBrief(), table: table) == format.render(try partnershipBrief(), table: table))
        }
    }

    @Test func redactLeavesNoPrivateTextInAnyFormat() throws {
        for (format, table, _) in Self.formats where format != .csv || table == .answers || table == .values {
            let full = format.render(try partnershipBrief(), table: table)
            let redacted = format.render(try partnershipBrief(redact: true), table: table)
            #expect(ReportFixture.privateTexts.contains { full.contains($0) } || table == .values, "\(format) shows no private note unredacted")
            for text in ReportFixture.privateTexts {
                #expect(!redacted.contains(text), "\(format) leaks '\(text)'")
            }
        }
    }

    @Test(arguments: formats)
    func theStaleConditionalAnswerIsInNoFormat(format: ReportFormat, table: BriefCSV.Table, ext: String) throws {
        let text = format.render(try partnershipBrief(), table: table)
        #expect(!text.contains(ReportFixture.staleAnswer))
        #expect(!text.contains("dash.pb.agreement"))
    }

    @Test func thePageOneSummaryHoldsWhatTheDirectorNeeds() throws {
        let brief = try partnershipBrief()
        #expect(brief.ask == "Share a monthly count of tenants with two or more emergency visits.")
        #expect(brief.askSource == "the partnership")
        #expect(brief.parties.map(\.name) == ["Eastside Data Collaborative", "Riverside Housing Authority", "St. Brigid Hospital", "state Medicaid"])
        #expect(brief.parties.map(\.isMember) == [true, true, true, false])
        #expect(brief.downstream.map(\.name) == ["state Medicaid"])
        #expect(brief.wrongPocket.map(\.text) == ["Fewer repeat emergency visits by tenants"])
        let hospital = try #require(brief.gainsByParty.first { $0.party.name == "St. Brigid Hospital" })
        #expect(hospital.gains.map(\.lens) == [.financial, .operational])
        #expect(hospital.gains.map(\.evidenceCount) == [2, 2])
        #expect(try partnershipBrief(redact: true).gainsByParty.first { $0.party.name == "St. Brigid Hospital" }?.gains.first?.evidenceCount == 1)
        #expect(brief.risks.map(\.text) == ["Tenants could read it as surveillance", ReportFixture.privateTexts[1],
                                           "Hospital counsel wants a BAA before record-level data moves #risk"])
        #expect(try partnershipBrief(redact: true).risks.count == 2)
        #expect(brief.actions.map(\.text) == ["Send the data-sharing agreement template", "Ask what a prevented visit is worth"])
        #expect(brief.nextConversation.hasPrefix("Talk with Riverside Housing Authority about 'Fewer repeat emergency visits by tenants'"))
        let session = try #require(brief.sessions.first)
        #expect(session.progress == AnswerProgress(answered: 4, reachable: 5))
        #expect(session.steps[0].answers.map(\.questionID) == ["dash.homework.shared-population", "dash.pb.shared-before"])
        #expect(session.steps[0].answers[1].answer == "no")
    }

    @Test func aPartnersBriefIncludesItsPartnerships() throws {
        let brief = try partnerBrief()
        #expect(brief.scope == .partner(id: ReportFixture.partnerID, name: ReportFixture.partnerName))
        #expect(brief.values.count == 3, "the partnership's values are in the partner's brief")
        #expect(brief.askSource == "the partnership 'Tenant health data'")
        let database = try ReportFixture.makeDatabase()
        let hospital = try Brief.build(database: database, partner: try database.partner(named: "St. Brigid Hospital"))
        #expect(hospital.values.count == 3, "a value recorded under the partnership is in every member's brief")
        #expect(hospital.sessions.isEmpty)
    }

    @Test func theNextConversationFollowsItsRules() throws {
        let database = try AppDatabase.inMemory()
        try database.addPartner(Partner(name: "Us", sector: "", isOwn: true))
        let partner = try database.addPartner(Partner(name: "Metro PD", sector: "police"))
        let quiet = try Brief.build(database: database, partner: partner)
        #expect(quiet.nextConversation == "Ask Metro PD what would be in it for them: no value is recorded yet where they gain.")
        try database.addValue(ValueItem(partnerID: partner.id, value: "Fewer repeat calls", benefits: ["Metro PD"], lenses: [.operational],
                                        horizon: .short, beneficiaryIDs: [partner.id]))
        #expect(try Brief.build(database: database, partner: partner).nextConversation == "Agree a next step with each partner and record it with 'action add'.")
        try database.addAction(ActionItem(partnerID: partner.id, text: "Send the draft", owner: "Ana"))
        #expect(try Brief.build(database: database, partner: partner).nextConversation == "Follow up: Send the draft (Ana).")
    }

    @Test func theHTMLIsSelfContained() throws {
        let html = ReportFormat.html.render(try partnershipBrief())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2, "only the SVG namespace names a URL")
        #expect(!html.contains("https://"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(html.contains("class=\"value wrong\""))
        #expect(html.contains("break-before: page"))
    }

    @Test func theMarkdownCarriesAMermaidFlow() throws {
        let markdown = ReportFormat.markdown.render(try partnershipBrief())
        #expect(markdown.contains("```mermaid\nflowchart LR\n"))
        #expect(markdown.contains("p2 -->|pays| v1"))
        #expect(markdown.contains("v1 -->|gains| p3"))
        #expect(markdown.contains("class v1 wrongPocket"))
        #expect(MermaidFlow.label("a \"quoted\" <b>") == "a #quot;quoted#quot; #lt;b#gt;")
    }

    @Test func csvQuotesFieldsAsRFC4180Says() {
        #expect(CSVRenderer.field("plain") == "plain")
        #expect(CSVRenderer.field("a, b") == "\"a, b\"")
        #expect(CSVRenderer.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVRenderer.field("two\nlines") == "\"two\nlines\"")
    }

    @Test func csvKeepsFormulaLikeAnswersAsText() {
        #expect(CSVRenderer.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVRenderer.field("+1 555 0100") == "'+1 555 0100")
        #expect(CSVRenderer.field("@board") == "'@board")
        #expect(CSVRenderer.field("budget - 10%") == "budget - 10%")
    }

    @Test(arguments: BriefCSV.Table.allCases)
    func everyCSVTableIsWellFormed(table: BriefCSV.Table) throws {
        let records = try parseCSV(BriefCSV.render(try partnershipBrief(), table: table))
        let width = try #require(records.first?.count)
        #expect(records.allSatisfy { $0.count == width })
        #expect(records.count > 1)
    }

    @Test func jsonIsValidSortedAndVersioned() throws {
        let text = BriefJSON.render(try partnershipBrief())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 2)
        #expect(object["schema"] as? String == "outreach.brief")
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == topKeys.sorted())
        #expect(JSONValue.quoted("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    }

    // MARK: The command

    @Test func theCommandPrintsTheRenderedBrief() throws {
        let database = try ReportFixture.makeDatabase()
        let harness = try ShellHarness(database: database)
        #expect(harness.run(["report --partnership \"Tenant health data\" --format json --redact"]) == 0)
        #expect(harness.text == BriefJSON.render(try Brief.build(database: database, partnership: try ReportFixture.partnership(in: database), redact: true)))
        #expect(harness.run(["report --partnership \"Tenant health data\" --partner \"St. Brigid Hospital\""]) == 1)
        #expect(harness.errors.contains("a brief is for a partnership or for a partner"))
        #expect(harness.run(["report --partnership \"Tenant helth data\""]) == 1)
        #expect(harness.errors.contains("there is no partnership 'Tenant helth data'"))
    }

    @Test func theSessionOptionPicksThePartnerAndRefusesAnotherPartnersSession() throws {
        let database = try ReportFixture.makeDatabase()
        let harness = try ShellHarness(database: database)
        #expect(harness.run(["report --session 1 --format csv"]) == 0)
        #expect(harness.text.contains("1,Riverside Housing Authority,dash,1.0.0"))
        #expect(harness.run(["report --partner \"St. Brigid Hospital\" --session 1"]) == 1)
        #expect(harness.errors.contains("session 1 is with Riverside Housing Authority, not St. Brigid Hospital."))
        #expect(harness.run(["report --format pdf"]) == 1)
    }

    @Test func outWritesAPrivateFileAndWillNotOverwriteWithoutForce() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("brief.html").path
            let database = try ReportFixture.makeDatabase()
            let harness = try ShellHarness(database: database)
            #expect(harness.run(["report --partnership \"Tenant health data\" --format html --out \(path) --redact"]) == 0)
            #expect(harness.text.contains("Wrote the html brief for Tenant health data to \(path) (private notes left out)."))
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect(harness.run(["report --partnership \"Tenant health data\" --format csv --out \(path)"]) == 1)
            #expect(harness.errors.contains("already exists; add --force to replace it"))
            #expect(harness.run(["report --partnership \"Tenant health data\" --format csv --table parties --out \(path) --force"]) == 0)
            #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("party,kind,member,sector,gains,pays"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["brief.html"])
        }
    }

    /// "Shared before: yes", the follow-up only "yes" asks, then back to change it to "no", typed
    /// in the shell: no format shows the follow-up or its answer.
    @Test(arguments: ReportFormat.allCases)
    func aStaleAnswerTypedInTheShellStaysOut(format: ReportFormat) throws {
        let harness = try ShellHarness()
        harness.run([
            "partner add \"Riverside HA\" --sector housing", "start dash",
            "/goto dash.pb.shared-before", "yes", "Signed with the county in 2019 by the deputy director",
            "/back", "/back", "no", "/pause",
        ])
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let brief = try Brief.build(database: harness.context.database, partner: try harness.context.database.partner(named: "Riverside HA"))
        let text = format.render(brief)
        #expect(!text.contains("Signed with the county"), "the stale answer reached the \(format) brief")
        #expect(text.contains("dash.pb.shared-before"))
        harness.run(["answers 1 --history"])
        #expect(harness.text.contains("Signed with the county in 2019 by the deputy director"), "history keeps it, on request")
        #expect(harness.text.contains("(no longer asked: asked only when dash.pb.shared-before = yes)"))
    }

    @Test func formatValuesComplete() throws {
        let harness = try ShellHarness()
        #expect(Completer(context: harness.context).candidates(for: "report --format ") == ["csv", "html", "json", "markdown"])
    }
}

/// A strict RFC 4180 reader for checking the writer: CRLF records, quoted fields with doubled quotes.
func parseCSV(_ text: String) throws -> [[String]] {
    struct Malformed: Error {}
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
        if quoted {
            if character == "\"" {
                if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
            } else {
                field.append(character)
            }
        } else if character == "\"" {
            guard field.isEmpty else { throw Malformed() }
            quoted = true
        } else if character == "," {
            record.append(field)
            field = ""
        } else if character == "\r\n" {
            record.append(field)
            records.append(record)
            record = []
            field = ""
        } else if character == "\r" || character == "\n" {
            throw Malformed()
        } else {
            field.append(character)
        }
    }
    guard !quoted, record.isEmpty, field.isEmpty else { throw Malformed() }
    return records
}

/// A user's text cannot add structure to a Markdown report.
@Suite struct MarkdownInjectionTests {
    @Test func namesAndAnswersWithMarkdownAreFlattenedAndEscaped() throws {
        let harness = try ShellHarness()
        let name = "Evil\n# Injected heading\n| a | b |\n---"
        harness.run([
            "partner add \"\(name)\" --sector housing", "start dash",
            "\"\"\"", "# Not a heading", "- not a list", "1. not numbered", "> not a quote", "\"\"\"", "/pause",
        ])
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let partner = try #require(try harness.context.database.partners().first { !$0.isOwn })
        let markdown = BriefMarkdown.render(try Brief.build(database: harness.context.database, partner: partner))
        let lines = markdown.components(separatedBy: "\n")
        #expect(lines.first == "# Brief: Evil # Injected heading | a | b | ---")
        #expect(!lines.contains("# Injected heading"))
        #expect(!lines.contains("---") || lines.filter { $0 == "---" }.count == 1, "only the footer's rule")
        #expect(lines.contains("> \\# Not a heading  "))
        #expect(lines.contains("> \\- not a list  "))
        #expect(lines.contains("> 1\\. not numbered  "))
        #expect(lines.contains("> \\> not a quote"))
    }
}
