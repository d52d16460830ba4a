import OutreachCore
import OutreachSessions

extension ShellContext {
    /// Shows the current question (with its step's heading when a new step begins), or the end of the playbook.
    func presentCurrentQuestion(of active: ActiveSession, announceStep: Bool) {
        let run = active.run
        guard let question = run.current, let stepIndex = run.currentStepIndex else {
            print()
            print(style.bold("That was the last question.") + " Type '/finish' to end the session, '/where' to review, or '/back' to change an answer.")
            return
        }
        if announceStep {
            let step = run.playbook.steps[stepIndex]
            print()
            print(style.accent(style.bold("Step \(stepIndex + 1) of \(run.playbook.steps.count): \(step.title)")))
            if let intro = step.intro { print(TextLayout.wrap(intro, width: style.width)) }
        }
        print()
        let number = run.positionInStep.map { "\($0.number)/\($0.count)" } ?? ""
        let marker = question.required ? " " + style.warn("(required)") : ""
        print(style.bold(TextLayout.wrap("\(number) \(question.text)", width: style.width)) + marker)
        print("  " + style.dim("[\(question.id)]"))
        if let previous = run.answer(to: question.id) {
            print(style.dim("  current answer: \(previous.replacingOccurrences(of: "\n", with: "; "))"))
        }
        for line in inputHint(for: question) { print("  " + line) }
    }

    func inputHint(for question: Question) -> [String] {
        switch question.kind {
        case .text:
            return [style.dim("(end a line with \\ to go on, or type \"\"\" to start and end a longer answer; /tip for advice)")]
        case .choice, .multi:
            let choices = question.choices.enumerated().map { "\($0.offset + 1)) \($0.element)" }
            let how = question.kind == .multi ? "type one or more numbers or choices, separated by commas" : "type a number or the choice"
            return choices + [style.dim("(\(how))")]
        case .scale:
            let scale = question.effectiveScale
            let labels = [scale.low.map { "\(scale.min) = \($0)" }, scale.high.map { "\(scale.max) = \($0)" }].compactMap { $0 }
            return [style.dim("(a whole number from \(scale.min) to \(scale.max)" + (labels.isEmpty ? "" : "; " + labels.joined(separator: ", ")) + ")")]
        case .list:
            if let captures = question.captures {
                return [style.dim("(one \(captures.rawValue.dropLast()) per line, written as \(captures.lineForm); type \"\"\" to enter several lines)")]
            }
            return [style.dim("(several items: separate them with ';', or type \"\"\" to enter one per line)")]
        }
    }
}
