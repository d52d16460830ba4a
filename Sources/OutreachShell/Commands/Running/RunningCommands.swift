import ArgumentParser
import OutreachCore

/// A command that only makes sense inside a running playbook.
protocol RunningCommand: ShellCommand {
    func run(active: ActiveRun, in context: ShellContext) throws
}

extension RunningCommand {
    static var group: CommandGroup { .running }

    func run(in context: ShellContext) throws {
        guard let active = context.activeRun else { throw ShellError.notInPlaybook(command: Self.name) }
        try run(active: active, in: context)
    }
}

struct NextCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "next", abstract: "Move on without changing the current answer.")
    static let example = "/next"

    func run(active: ActiveRun, in context: ShellContext) throws {
        guard let question = active.run.current else { throw context.atEnd() }
        if question.required, active.run.answers[question.id] == nil { throw ShellError.requiredQuestion(question.id) }
        if active.run.answers[question.id] == nil {
            try context.skipCurrentQuestion(force: false)
        } else {
            try context.move { $0.next(); return true }
        }
    }
}

struct SkipCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "skip", abstract: "Leave the current question unanswered for now.")
    static let example = "/skip"

    func run(active: ActiveRun, in context: ShellContext) throws {
        try context.skipCurrentQuestion(force: false)
    }
}

struct ForceSkipCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "skip!", abstract: "Skip even a required question (listed as missing at /finish).")
    static let example = "/skip!"

    func run(active: ActiveRun, in context: ShellContext) throws {
        try context.skipCurrentQuestion(force: true)
    }
}

struct BackCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "back", abstract: "Go back to the previous question; a new answer adds a revision.")
    static let example = "/back"

    func run(active: ActiveRun, in context: ShellContext) throws {
        try context.move { $0.back() }
    }
}

struct GotoCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "goto", abstract: "Jump to a question by its id (see /where).")
    static let example = "/goto dash.listen.funding"

    @Argument(help: "The question id.") var question: String

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? (context.activeRun?.run.questions.map(\.question.id) ?? []) : []
    }

    func run(active: ActiveRun, in context: ShellContext) throws {
        guard active.run.questions.contains(where: { $0.question.id == question }) else { throw ShellError.unknownQuestion(question) }
        try context.move { $0.go(to: question) }
    }
}

struct TipCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "tip", abstract: "Advice for asking the current question.")
    static let example = "/tip"

    func run(active: ActiveRun, in context: ShellContext) throws {
        guard let question = active.run.current else { throw context.atEnd() }
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

    func run(active: ActiveRun, in context: ShellContext) throws {
        let run = active.run
        let style = context.style
        for (index, step) in run.playbook.steps.enumerated() {
            let questions = run.questions.enumerated().filter { $0.element.step == index }
            let answered = questions.filter { run.answers[$0.element.question.id] != nil }.count
            context.print(style.bold("\(index + 1). \(step.title)") + style.dim(" \(answered)/\(questions.count) answered"))
            for (position, entry) in questions {
                let question = entry.question
                let mark: String
                if position == run.position { mark = style.accent("▸") }
                else if run.answers[question.id] != nil { mark = style.good("✓") }
                else if run.skipped.contains(question.id) { mark = style.warn("–") }
                else if !run.isApplicable(question) { mark = style.dim("·") }
                else { mark = " " }
                let notAsked = run.isApplicable(question) ? "" : style.dim(" (not asked: \(question.condition?.summary ?? ""))")
                let required = question.required && run.answers[question.id] == nil ? style.warn(" *") : ""
                context.print("  \(mark) \(question.id)\(required)\(notAsked)")
            }
        }
        context.print(style.dim("▸ current  ✓ answered  – skipped  * required"))
    }
}

struct PauseCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Stop for now; 'resume' continues exactly here.")
    static let example = "/pause"

    func run(active: ActiveRun, in context: ShellContext) throws {
        try context.pauseRun()
    }
}

struct FinishCommand: RunningCommand {
    static let configuration = CommandConfiguration(commandName: "finish", abstract: "End the session; missing required questions are listed.")
    static let example = "/finish"

    func run(active: ActiveRun, in context: ShellContext) throws {
        try context.finishRun()
    }
}
