import Foundation
import OutreachCore
@testable import OutreachReports
import OutreachShell
import OutreachTestSupport
import Testing

/// Golden files live in Tests/Fixtures/reports/. After an intended change to a report, re-record
/// them with `OUTREACH_RECORD_GOLDENS=1 swift test --filter ReportTests` (that run fails on purpose),
/// review the diff, and run again.
@Suite struct ReportTests {
    static let goldenFolder = repositoryRoot.appendingPathComponent("Tests/Fixtures/reports")

    func fixtureReport(redact: Bool = false) throws -> ValueCaseReport {
        let database = try ReportFixture.makeDatabase()
        return try ValueCaseReport.build(
            database: database, plugins: ReportFixture.plugins, partner: try ReportFixture.partner(in: database), redact: redact)
    }

    func expectGolden(_ text: String, named name: String) throws {
        Golden.expect(text, matches: Self.goldenFolder.appendingPathComponent(name))
    }

    @Test(arguments: [(ReportFormat.markdown, "md"), (.json, "json"), (.csv, "csv")])
    func eachFormatMatchesItsGolden(format: ReportFormat, ext: String) throws {
        try expectGolden(format.render(try fixtureReport()), named: "value-case.\(ext)")
    }

    @Test(arguments: [(ReportFormat.markdown, "md"), (.json, "json"), (.csv, "csv")])
    func redactedFormatsMatchTheirGoldens(format: ReportFormat, ext: String) throws {
        try expectGolden(format.render(try fixtureReport(redact: true)), named: "value-case-redacted.\(ext)")
    }

    @Test func buildingTwiceGivesTheSameBytes() throws {
        for format in ReportFormat.allCases {
            #expect(format.render(try fixtureReport()) == format.render(try fixtureReport()))
        }
    }

    @Test func redactLeavesNoPrivateTextInAnyFormat() throws {
        let full = try ReportFormat.allCases.map { $0.render(try fixtureReport()) }
        let redacted = try ReportFormat.allCases.map { $0.render(try fixtureReport(redact: true)) }
        for text in ReportFixture.privateTexts {
            #expect(full.contains { $0.contains(text) }, "the fixture's private note '\(text)' should appear unredacted")
            for (format, output) in zip(ReportFormat.allCases, redacted) {
                #expect(!output.contains(text), "\(format) leaks '\(text)'")
            }
        }
        for output in redacted { #expect(!output.contains("[private]") && !output.contains("private note ")) }
        // Every format carries some private text when not redacted, so the check above means something in each.
        for (format, output) in zip(ReportFormat.allCases, full) {
            #expect(ReportFixture.privateTexts.contains { output.contains($0) }, "\(format) shows no private note unredacted")
        }
    }

    @Test func theModelHoldsWhatTheBriefAsksFor() throws {
        let report = try fixtureReport()
        #expect(report.session?.number == 1)
        #expect(report.session?.playbookID == "dash")
        let homework = try #require(report.steps.first)
        #expect(homework.answers.map(\.questionID) == ["dash.homework.shared-population", "dash.pb.shared-before", "dash.homework.data-holdings"])
        #expect(homework.answers[0].answer == "Families on the waitlist, who also use the \"county\" clinics")
        #expect(homework.answers[0].revision == 2)
        #expect(homework.answers[2].status == "skipped")
        let listen = report.steps[1]
        #expect(listen.answers.map(\.status) == ["answered", "unanswered"])
        #expect(report.terms.map(\.term) == ["50058", "PHA"])
        #expect(report.actions.map(\.text) == ["Send the data-sharing agreement template", "Ask for the 50058 field list"])
        // "the partner" and "The partner" are one beneficiary; a value with none is filed apart.
        let beneficiaries = report.matrixByBeneficiary.map(\.beneficiary)
        #expect(beneficiaries == [ValueCaseReport.unnamedBeneficiary, "Our organisation", "tenants", "the partner"])
        let partnerCells = report.matrix.filter { $0.beneficiary == "the partner" }
        #expect(partnerCells.map(\.lens) == [.operational, .altruistic])
        #expect(report.value(id: ReportFixture.id(502))?.evidence.count == 2)
        #expect(try fixtureReport(redact: true).value(id: ReportFixture.id(502))?.evidence.count == 1)
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

    @Test func csvHasOneRecordPerReportedQuestion() throws {
        let report = try fixtureReport()
        let csv = CSVRenderer.render(report)
        #expect(csv.hasSuffix("\r\n"))
        let records = try parseCSV(csv)
        #expect(records.first == CSVRenderer.header)
        #expect(records.count == 1 + report.steps.flatMap(\.answers).count)
        #expect(records.allSatisfy { $0.count == CSVRenderer.header.count })
        #expect(records[1][11] == "Families on the waitlist, who also use the \"county\" clinics")
    }

    @Test func jsonIsValidSortedAndVersioned() throws {
        let text = JSONRenderer.render(try fixtureReport())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == ValueCaseReport.schemaVersion)
        #expect(object["schema"] as? String == "outreach.value-case")
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == topKeys.sorted())
        #expect(JSONValue.quoted("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    }

    @Test func aPartnerWithoutSessionsStillGetsABrief() throws {
        let database = try ReportFixture.makeDatabase()
        let report = try ValueCaseReport.build(
            database: database, plugins: ReportFixture.plugins, partner: try database.partner(named: "Eastside Food Bank"))
        #expect(report.session == nil)
        #expect(report.sector.name == nil)
        let markdown = MarkdownRenderer.render(report)
        #expect(markdown.contains("No session with this partner yet."))
        #expect(markdown.contains("`food-banks` (plugin not installed)"))
        #expect(CSVRenderer.render(report) == CSVRenderer.header.joined(separator: ",") + "\r\n")
    }

    // MARK: The command

    /// "Shared before: yes", the follow-up only "yes" asks, then back to change it to "no": no
    /// format shows the follow-up or its answer, and every format counts what the playbook asks now.
    @Test(arguments: ReportFormat.allCases)
    func aStaleConditionalAnswerStaysOutOfEveryFormat(format: ReportFormat) throws {
        let harness = try ShellHarness()
        harness.run([
            "partner add \"Riverside HA\" --sector housing", "start dash",
            "/goto dash.pb.shared-before", "yes", "Signed with the county in 2019 by the deputy director",
            "/back", "/back", "no", "/pause",
        ])
        #expect(harness.errors.isEmpty, "\(harness.errors)")
        let report = try ValueCaseReport.build(
            database: harness.context.database, plugins: builtinCatalog.pluginsByID,
            partner: try harness.context.database.partner(named: "Riverside HA"))
        let text = format.render(report)
        #expect(!text.contains("Signed with the county"), "the stale answer reached the \(format) report")
        #expect(!text.contains("dash.pb.agreement"), "the question no longer asked reached the \(format) report")
        #expect(text.contains("dash.pb.shared-before"))
        harness.run(["answers 1 --history"])
        #expect(harness.text.contains("Signed with the county in 2019 by the deputy director"), "history keeps it, on request")
        #expect(harness.text.contains("(no longer asked: asked only when dash.pb.shared-before = yes)"))
    }

    @Test func theCommandPrintsTheRenderedReport() throws {
        let database = try ReportFixture.makeDatabase()
        let harness = try ShellHarness(database: database)
        #expect(harness.run(["report --partner \"Riverside Housing Authority\" --format json --redact"]) == 0)
        let expected = try ValueCaseReport.build(
            database: database, plugins: builtinCatalog.pluginsByID, partner: try ReportFixture.partner(in: database), redact: true)
        #expect(harness.text == JSONRenderer.render(expected))
    }

    @Test func theSessionOptionPicksThePartnerAndRefusesAnotherPartnersSession() throws {
        let database = try ReportFixture.makeDatabase()
        let harness = try ShellHarness(database: database)
        #expect(harness.run(["report --session 1 --format csv"]) == 0)
        #expect(harness.text.contains("Riverside Housing Authority,housing,1,dash"))
        #expect(harness.run(["report --partner \"Eastside Food Bank\" --session 1"]) == 1)
        #expect(harness.errors.contains("session 1 is with Riverside Housing Authority, not Eastside Food Bank."))
        #expect(harness.run(["report --format pdf"]) == 1)
    }

    @Test func outWritesAPrivateFileAndWillNotOverwriteWithoutForce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("riverside.md").path
        let database = try ReportFixture.makeDatabase()
        let harness = try ShellHarness(database: database)

        #expect(harness.run(["report --partner \"Riverside Housing Authority\" --out \(path) --redact"]) == 0)
        #expect(harness.text.contains("Wrote the markdown value case for Riverside Housing Authority to \(path) (private notes left out)."))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let expected = MarkdownRenderer.render(try ValueCaseReport.build(
            database: database, plugins: builtinCatalog.pluginsByID, partner: try ReportFixture.partner(in: database), redact: true))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)

        #expect(harness.run(["report --partner \"Riverside Housing Authority\" --format csv --out \(path)"]) == 1)
        #expect(harness.errors.contains("already exists"))
        #expect(harness.run(["report --partner \"Riverside Housing Authority\" --format csv --out \(path) --force"]) == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("partner,sector,session"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["riverside.md"])
    }

    @Test func formatValuesComplete() throws {
        let harness = try ShellHarness()
        #expect(Completer(context: harness.context).candidates(for: "report --format ") == ["csv", "json", "markdown"])
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
        let report = try ValueCaseReport.build(
            database: harness.context.database, plugins: builtinCatalog.pluginsByID, partner: try harness.context.database.partners()[0])
        let markdown = MarkdownRenderer.render(report)
        let lines = markdown.components(separatedBy: "\n")
        #expect(lines.first == "# Value case: Evil # Injected heading | a | b | ---")
        #expect(!lines.contains("# Injected heading"))
        #expect(!lines.contains("---") || lines.filter { $0 == "---" }.count == 1, "only the footer's rule")
        #expect(lines.contains("> \\# Not a heading  "))
        #expect(lines.contains("> \\- not a list  "))
        #expect(lines.contains("> 1\\. not numbered  "))
        #expect(lines.contains("> \\> not a quote"))
    }
}
