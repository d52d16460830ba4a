import Foundation
import OutreachCore
import OutreachReports
import OutreachStore

extension ShellContext {
    /// The coaching checklist for a session, as printed by `coach` and after `/finish`.
    /// `skipping` leaves out rules whose point was just made another way (the missing list at `/finish`).
    func coachingLines(for session: Session, skipping: Set<String> = []) throws -> [String] {
        let fresh = try database.session(id: session.id) ?? session
        let facts = try CoachingFacts.load(session: fresh, database: database)
        let findings = Coach.findings(for: facts).filter { !skipping.contains($0.rule) }
        let number = fresh.number ?? 0
        guard !findings.isEmpty else {
            return [style.good("Coaching: every check passes for session \(number). Keep the follow-up you agreed.")]
        }
        var lines = [style.bold("Coaching for session \(number) with \(facts.partner.name):")]
        for finding in findings {
            let wrapped = TextLayout.wrap(finding.text, width: style.width - 4).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in wrapped.enumerated() {
                lines.append((index == 0 ? "  " + style.warn("-") + " " : "    ") + line)
            }
        }
        return lines
    }

    /// Prints the checklist after a session ends; a failure to read it never spoils the finish.
    func printCoachingSummary(for session: Session, skipping: Set<String> = []) {
        do {
            for line in try coachingLines(for: session, skipping: skipping) { print(line) }
        } catch {
            printWarning("no coaching summary: \(error.localizedDescription) Type 'coach \(session.number ?? 0)' to try again.")
        }
    }
}

/// The one-line reminder at shell start when actions are overdue.
enum OverdueReminder {
    static func line(database: any Store, today: Date, style: Style) -> String? {
        guard let overdue = try? database.overdueActions(today: Day.string(from: today)), !overdue.isEmpty else { return nil }
        let count = overdue.count == 1 ? "1 action is overdue" : "\(overdue.count) actions are overdue"
        return style.warn("Reminder:") + " \(count). Type 'actions --overdue' to see \(overdue.count == 1 ? "it" : "them")."
    }
}
