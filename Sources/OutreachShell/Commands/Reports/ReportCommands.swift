import ArgumentParser
import Foundation
import OutreachCore
import OutreachReports
import OutreachStore

struct ReportCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write the value brief for a partnership or a partner: a one-page summary, then the conversations.",
        discussion: """
            Page one says what we ask, what is in it for each party, who pays and who gains (every wrong-pocket \
            case), the risks raised, open actions and the next conversation; the effective answers follow as an \
            appendix. HTML is one self-contained file that prints on A4 or US Letter; Markdown carries a Mermaid \
            flowchart; JSON is complete and stable (schema in docs/reports.md); CSV writes one table (--table). \
            --redact leaves private notes out. --out writes a file only you can read instead of printing.
            """)
    static let group = CommandGroup.reports
    static let example = "report --partnership \"Tenant health data\" --format html --out brief.html --redact"

    @Option(help: "The partnership.") var partnership: String?
    @Option(help: "The partner (default: the session's partner, else the current one).") var partner: String?
    @Option(help: "The session number, for a partner's brief (default: the partner's latest).") var session: Int64?
    @Option(help: "markdown, html, json or csv.") var format: ReportFormat = .markdown
    @Option(help: "With csv: answers, values, actions or parties.") var table: BriefCSV.Table = .answers
    @Option(help: "Write to this file (mode 0600) instead of printing.") var out: String?
    @Flag(help: "Leave private notes out.") var redact = false
    @Flag(help: "With --out, replace an existing file.") var force = false

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.last == "--table" ? BriefCSV.Table.allCases.map(\.rawValue) : []
    }

    func run(in context: ShellContext) throws {
        if partnership != nil, partner != nil || session != nil {
            throw ShellError.usage("a brief is for a partnership or for a partner: give --partnership, or --partner (with --session), not both.")
        }
        let database = context.database
        let brief: Brief = try database.consistentRead {
            if let partnership {
                return try Brief.build(database: database, partnership: try database.partnership(named: partnership), redact: redact)
            }
            let target: Partner
            if let partner {
                target = try database.partner(named: partner)
            } else if let session, let owner = try database.partner(id: try database.session(number: session).partnerID) {
                target = owner
            } else {
                target = try context.partner(named: nil)
            }
            return try Brief.build(database: database, partner: target, sessionNumber: session, redact: redact)
        }
        let text = format.render(brief, table: table)
        guard let out else {
            context.output.write(text)
            return
        }
        try PrivateFile.write(text, to: out, replace: force)
        let privacy = redact ? "private notes left out" : "private notes included"
        context.print("Wrote the \(format.rawValue) brief for \(brief.scope.name) to \(out) (\(privacy)).")
    }
}

struct CoverageCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Show sectors by DASH step: who is reached, how far, who is missing, what has stalled.")
    static let group = CommandGroup.reports
    static let example = "coverage"

    func run(in context: ShellContext) throws {
        let report = try CoverageReport.build(database: context.database, sectors: context.catalog.sectors, today: Date())
        context.print(report.render(style: context.style))
    }
}

struct CoachCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach", abstract: "Check a session against the method's advice and say what to do next.",
        discussion: "Without a number: the running session, else the current partner's latest, else the latest of all.")
    static let group = CommandGroup.reports
    static let example = "coach 3"

    @Argument(help: "The session number (see 'sessions').") var session: Int64?

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? context.sessionCandidates() : []
    }

    func run(in context: ShellContext) throws {
        for line in try context.coachingLines(for: try context.session(numbered: session)) { context.print(line) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension BriefCSV.Table: ExpressibleByArgument {}
