import ArgumentParser
import Foundation
import OutreachCore
import OutreachReports
import OutreachStore

struct ReportCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write a partner's value case: profile, answers, their words, value matrix, actions.",
        discussion: """
            Markdown reads well printed or pasted into a document; JSON is complete and stable (schema in \
            docs/reports.md); CSV has one row per answer. --redact leaves private notes out. --out writes a \
            file only you can read instead of printing.
            """)
    static let group = CommandGroup.reports
    static let example = "report --partner \"Riverside Housing Authority\" --format markdown --out riverside.md --redact"

    @Option(help: "The partner (default: the session's partner, else the current one).") var partner: String?
    @Option(help: "The session number (default: the partner's latest).") var session: Int64?
    @Option(help: "markdown, json or csv.") var format: ReportFormat = .markdown
    @Option(help: "Write to this file (mode 0600) instead of printing.") var out: String?
    @Flag(help: "Leave private notes out.") var redact = false
    @Flag(help: "With --out, replace an existing file.") var force = false

    func run(in context: ShellContext) throws {
        let target: Partner
        if let partner {
            target = try context.database.partner(named: partner)
        } else if let session, let owner = try context.database.partner(id: try context.database.session(number: session).partnerID) {
            target = owner
        } else {
            target = try context.partner(named: nil)
        }
        let report = try ValueCaseReport.build(
            database: context.database, plugins: context.catalog.pluginsByID, partner: target, sessionNumber: session, redact: redact)
        let text = format.render(report)
        guard let out else {
            context.output.write(text)
            return
        }
        try PrivateFile.write(text, to: out, replace: force)
        let privacy = redact ? "private notes left out" : "private notes included"
        context.print("Wrote the \(format.rawValue) value case for \(target.name) to \(out) (\(privacy)).")
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
