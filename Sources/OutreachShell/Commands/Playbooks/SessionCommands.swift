import ArgumentParser
import Foundation
import OutreachCore
import OutreachStore

struct StartCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Begin a playbook with a partner; each answer is saved as you press Enter.")
    static let group = CommandGroup.playbooks
    static let example = "start dash --partner \"Riverside Housing Authority\""

    @Argument(help: "The playbook id (see 'playbooks').") var playbook: String
    @Option(help: "The partner (default: the current one).") var partner: String?

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? context.catalog.playbooks.map(\.playbook.id) : ["--partner"]
    }

    func run(in context: ShellContext) throws {
        if context.activeRun != nil { throw ShellError.alreadyInPlaybook(command: "start") }
        let loaded = try context.playbook(playbook)
        try context.startRun(playbook: loaded, partner: try context.partner(named: partner))
    }
}

struct ResumeCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue a session where it stopped (default: the latest unfinished one).")
    static let group = CommandGroup.playbooks
    static let example = "resume 3"

    @Argument(help: "The session number (see 'sessions').") var session: Int64?

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? context.sessionCandidates() : []
    }

    func run(in context: ShellContext) throws {
        let target: Session
        if let session {
            target = try context.database.session(number: session)
        } else {
            guard let latest = try context.database.latestUnfinishedSession() else { throw ShellError.nothingToResume }
            target = latest
        }
        try context.resumeRun(target)
    }
}

struct SessionsCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "sessions", abstract: "List sessions: partner, playbook, progress, last activity.")
    static let group = CommandGroup.playbooks
    static let example = "sessions --partner \"Riverside Housing Authority\""

    @Option(help: "Only this partner's sessions.") var partner: String?

    func run(in context: ShellContext) throws {
        let partnerID = try partner.map { try context.database.partner(named: $0).id }
        let summaries = try context.database.sessionSummaries().filter { partnerID == nil || $0.session.partnerID == partnerID }
        guard !summaries.isEmpty else {
            context.print("No sessions yet. Start one with: start dash --partner \"NAME\"")
            return
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let rows = summaries.map { summary -> [String] in
            let total = (try? JSONDecoder().decode(ResolvedPlaybook.self, from: summary.session.snapshot))
                .map { PlaybookRun(playbook: $0).questions.count } ?? 0
            return [String(summary.session.number ?? 0), summary.partnerName, "\(summary.session.playbookID) \(summary.session.playbookVersion)",
                    "\(summary.answered)/\(total) answered", summary.session.status.rawValue, formatter.string(from: summary.session.updatedAt)]
        }
        context.print(Table(headers: ["#", "partner", "playbook", "progress", "status", "last activity"], rows: rows).render(style: context.style))
    }
}

struct AnswersCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers", abstract: "Show a session's answers with every revision (default: the current session).")
    static let group = CommandGroup.playbooks
    static let example = "answers 3"

    @Argument(help: "The session number.") var session: Int64?

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? context.sessionCandidates() : []
    }

    func run(in context: ShellContext) throws {
        let target = try context.session(numbered: session)
        let playbook = try JSONDecoder().decode(ResolvedPlaybook.self, from: target.snapshot)
        let answers = try context.database.answers(sessionID: target.id)
        let style = context.style
        context.print(style.bold("Session \(target.number ?? 0): \(playbook.title) \(playbook.version)"))
        for step in playbook.steps {
            let inStep = step.questions.filter { question in answers.contains { $0.questionID == question.id } }
            guard !inStep.isEmpty else { continue }
            context.print()
            context.print(style.bold(step.title))
            for question in inStep {
                context.print("  " + style.dim("[\(question.id)]") + " " + question.text)
                let revisions = answers.filter { $0.questionID == question.id }.sorted { $0.revision < $1.revision }
                for answer in revisions {
                    let text = answer.value.map { $0.replacingOccurrences(of: "\n", with: "\n      ") } ?? style.dim("(skipped)")
                    let revision = revisions.count > 1 ? style.dim("r\(answer.revision) ") : ""
                    context.print("    \(revision)\(text)")
                }
            }
        }
    }
}
