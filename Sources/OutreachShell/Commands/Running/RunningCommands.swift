import ArgumentParser
import OutreachCore
import OutreachSessions

/// A command that only makes sense inside a running playbook.
protocol RunningCommand: ShellCommand {
    func run(active: ActiveSession, in context: ShellContext) throws
}

extension RunningCommand {
    static var group: CommandGroup { .running }

    func run(in context: ShellContext) throws {
        guard let active = context.activeRun else { throw SessionError.notInPlaybook(command: Self.name) }
        try run(active: active, in: context)
    }
}

struct AnswerCommand: RunningCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer", abstract: "Save the text as the answer, even a word that is a command name ('/answer help').")
    static let example = "/answer next"
    var keepsInHistory: Bool { false }

    @Argument(parsing: .captureForPassthrough, help: "The answer.") var words: [String] = []

    func run(active: ActiveSession, in context: ShellContext) throws {
        context.show(try context.engine.answer(words.joined(separator: " ")))
    }
}

struct NextCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "next", abstract: "Move on without changing the current answer.")
    static let example = "/next"

    func run(active: ActiveSession, in context: ShellContext) throws {
        context.show(try context.engine.next())
    }
}

struct SkipCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "skip", abstract: "Leave the current question unanswered for now.")
    static let example = "/skip"

    func run(active: ActiveSession, in context: ShellContext) throws {
        context.show(try context.engine.skip(force: false))
    }
}

struct ForceSkipCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "skip!", abstract: "Skip even a required question (listed as missing at /finish).")
    static let example = "/skip!"

    func run(active: ActiveSession, in context: ShellContext) throws {
        context.show(try context.engine.skip(force: true))
    }
}

struct BackCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "back", abstract: "Go back to the previous question; a new answer adds a revision.")
    static let example = "/back"

    func run(active: ActiveSession, in context: ShellContext) throws {
        context.show(try context.engine.back())
    }
}

struct GotoCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "goto", abstract: "Jump to a question by its id (see /where).")
    static let example = "/goto dash.listen.funding"

    @Argument(help: "The question id.") var question: String

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? (context.activeRun?.run.applicableQuestions.map(\.id) ?? []) : []
    }

    func run(active: ActiveSession, in context: ShellContext) throws {
        context.show(try context.engine.go(to: question))
    }
}

struct TipCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "tip", abstract: "Advice for asking the current question.")
    static let example = "/tip"

    func run(active: ActiveSession, in context: ShellContext) throws {
        guard let question = active.run.current else { throw SessionError.pastLastQuestion }
        if let tip = question.tip {
            context.print(TextLayout.wrap("Tip: " + tip, width: context.style.width))
        } else if let general = context.catalog.plugin("dash")?.tips, !general.isEmpty {
            let tip = general[active.run.position % general.count]
            context.print(TextLayout.wrap("This question has no tip of its own. A general one: " + tip.text, width: context.style.width))
        } else {
            context.print("This question has no tip.")
        }
    }
}

struct WhereCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "where", abstract: "Show progress: every step and question, answered or skipped.")
    static let example = "/where"

    func run(active: ActiveSession, in context: ShellContext) throws {
        let run = active.run
        let style = context.style
        for (index, step) in run.playbook.steps.enumerated() {
            let questions = run.questions.enumerated().filter { $0.element.step == index }
            let reachable = questions.filter { run.isApplicable($0.element.question) }
            let answered = reachable.filter { run.answer(to: $0.element.question.id) != nil }.count
            context.print(style.bold("\(index + 1). \(step.title)") + style.dim(" \(answered)/\(reachable.count) answered"))
            for (position, entry) in questions {
                let question = entry.question
                let reached = run.isApplicable(question)
                let mark: String
                if position == run.position { mark = style.accent("▸") }
                else if !reached { mark = style.dim("·") }
                else if run.answer(to: question.id) != nil { mark = style.good("✓") }
                else if run.skipped.contains(question.id) { mark = style.warn("–") }
                else { mark = " " }
                let gate = reached ? "" : style.dim(" (asked only when \(question.condition?.summary ?? "an earlier answer allows it"))")
                let required = reached && question.required && run.answer(to: question.id) == nil ? style.warn(" *") : ""
                context.print("  \(mark) \(question.id)\(required)\(gate)")
            }
        }
        context.print(style.bold("\(run.progress.answered) of \(run.progress.reachable) questions answered") + style.dim(" (of those the answers so far lead to)"))
        context.print(style.dim("▸ current  ✓ answered  – skipped  · not asked  * required"))
    }
}

struct PauseCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Stop for now; 'resume' continues exactly here.")
    static let example = "/pause"

    func run(active: ActiveSession, in context: ShellContext) throws {
        context.showPaused(try context.engine.pause())
    }
}

struct FinishCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "finish", abstract: "End the session; missing required questions are listed.")
    static let example = "/finish"

    func run(active: ActiveSession, in context: ShellContext) throws {
        context.showFinished(try context.engine.finish())
    }
}
