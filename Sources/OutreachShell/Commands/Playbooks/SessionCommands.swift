import ArgumentParser
import Foundation
import OutreachCore
import OutreachSessions
import OutreachStore

struct StartCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Begin a playbook with a partner; each answer is saved as you press Enter.")
    static let group = CommandGroup.playbooks
    static let example = "start first-meeting --partner \"Riverside Housing Authority\""

    @Argument(help: "The playbook id (see 'playbooks').") var playbook: String
    @Option(help: "The partner (default: the current one).") var partner: String?
    @Option(help: "The partnership the conversation is part of.") var partnership: String?

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? context.catalog.playbooks.map(\.playbook.id) : ["--partner", "--partnership"]
    }

    func run(in context: ShellContext) throws {
        if context.activeRun != nil { throw SessionError.alreadyInPlaybook(command: "start") }
        let loaded = try context.playbook(playbook)
        let partnership = try self.partnership.map { try context.database.partnership(named: $0) }
        context.show(try context.engine.start(playbook: loaded, partner: try context.partner(named: partner), partnership: partnership,
                                              confirm: context.confirm))
    }
}

struct ResumeCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue a session where it stopped, or a finished one at its first missing required question.",
        discussion: "Without a number: the latest unfinished session. A finished session with every required question answered stays closed unless --reopen is given.")
    static let group = CommandGroup.playbooks
    static let example = "resume 3"

    @Argument(help: "The session number (see 'sessions').") var session: Int64?
    @Flag(help: "Open a finished, complete session again to change an answer.") var reopen = false

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? context.sessionCandidates() : []
    }

    func run(in context: ShellContext) throws {
        let target: Session
        if let session {
            target = try context.database.session(number: session)
        } else {
            guard let latest = try context.database.latestUnfinishedSession() else { throw SessionError.nothingToResume }
            target = latest
        }
        context.show(try context.engine.resume(target, reopen: reopen))
    }
}

struct SessionsCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: "List the newest sessions: partner, playbook, progress, last activity.",
        discussion: "Shows the \(PageRequest.defaultLimit) newest sessions (the highest numbers), lowest number first, and how many more "
            + "there are; --limit N, --since YYYY-MM-DD (sessions started that day or later) and --all show more.")
    static let group = CommandGroup.playbooks
    static let example = "sessions --partner \"Riverside Housing Authority\""

    @Option(help: "Only this partner's sessions.") var partner: String?
    @OptionGroup var page: DatedPageOptions

    func run(in context: ShellContext) throws {
        let request = try page.request()
        let partnerID = try partner.map { try context.database.partner(named: $0).id }
        let summaries = try context.database.sessionSummaryPage(partnerID: partnerID, request)
        guard !summaries.rows.isEmpty else {
            if let since = page.since, summaries.total == 0, partnerID == nil {
                context.print("No sessions started since \(since). Type 'sessions' to list the newest.")
                return
            }
            context.print("No sessions yet. Start one with: start dash --partner \"NAME\"")
            return
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let rows = try summaries.rows.map { summary -> [String] in
            let progress = try SessionProgress.of(summary.session, database: context.database)
            return [String(summary.session.number ?? 0), summary.partnerName, "\(summary.session.playbookID) \(summary.session.playbookVersion)",
                    progress.map { "\($0) answered" } ?? "unreadable", summary.session.status.rawValue, formatter.string(from: summary.session.updatedAt)]
        }
        context.print(Table(headers: ["#", "partner", "playbook", "progress", "status", "last activity"], rows: rows).render(style: context.style))
        if let footer = Listing.footer(summaries, noun: "sessions") { context.print(context.style.dim(footer)) }
    }
}

struct AnswersCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers", abstract: "Show a session's answers: those that count now, or every revision with --history.",
        discussion: "An answer counts when its question is reachable under the current answers (see docs/playbooks.md). --history also shows earlier revisions and answers to questions that are no longer asked.")
    static let group = CommandGroup.playbooks
    static let example = "answers 3 --history"

    @Argument(help: "The session number.") var session: Int64?
    @Flag(help: "Every revision, and answers to questions no longer asked.") var history = false

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? context.sessionCandidates() : []
    }

    func run(in context: ShellContext) throws {
        let target = try context.session(numbered: session)
        let playbook = try SessionEngine.playbook(of: target)
        let revisions = try context.database.answers(sessionID: target.id)
        let state = AnswerState(revisions: revisions)
        let effective = EffectiveAnswers(playbook: playbook, answers: state.answers, skipped: state.skipped)
        let style = context.style
        context.print(style.bold("Session \(target.number ?? 0): \(playbook.title) \(playbook.version)") + style.dim(" · \(effective.progress) answered"))
        for step in playbook.steps {
            let shown = step.questions.filter { question in
                history ? revisions.contains { $0.questionID == question.id } : effective.isReachable(question.id)
                    && (effective.answers[question.id] != nil || effective.skipped.contains(question.id))
            }
            guard !shown.isEmpty else { continue }
            context.print()
            context.print(style.bold(step.title))
            for question in shown {
                let gone = effective.isReachable(question.id) ? "" : style.dim(" (no longer asked: asked only when \(question.condition?.summary ?? "an earlier answer allows it"))")
                context.print("  " + style.dim("[\(question.id)]") + " " + question.text + gone)
                if history {
                    let own = revisions.filter { $0.questionID == question.id }
                    for (index, answer) in own.enumerated() {
                        let text = answer.value.map { $0.replacingOccurrences(of: "\n", with: "\n      ") } ?? style.dim("(skipped)")
                        let label = own.count > 1 ? style.dim("r\(index + 1) ") : ""
                        context.print("    \(label)\(text)")
                    }
                } else {
                    let text = effective.answers[question.id].map { $0.replacingOccurrences(of: "\n", with: "\n    ") } ?? style.dim("(skipped)")
                    context.print("    \(text)")
                }
            }
        }
    }
}
