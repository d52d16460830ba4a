import OutreachCore
import OutreachReports
import OutreachSessions

extension ShellContext {
    /// Shows what a transition did: its notices, a heading for a new session, then the current question.
    func show(_ transition: Transition) {
        for notice in transition.notices { printWarning(notice.message) }
        let active = transition.active
        switch transition.kind {
        case .started:
            print(style.bold("Session \(active.number): \(active.run.playbook.title) with \(active.partner.name)"))
            print(style.dim("Answer at the prompt; '/help' lists the commands, '/pause' stops for now."))
        case .resumed:
            print(style.bold("Resuming session \(active.number): \(active.run.playbook.title) with \(active.partner.name)")
                  + style.dim(" (\(active.run.progress) answered)"))
        case .answered, .skipped, .moved:
            break
        }
        for line in transition.captured { print(style.good("✓ ") + line) }
        presentCurrentQuestion(of: active, announceStep: transition.enteredStep)
    }

    func showPaused(_ ended: EndedSession) {
        let number = ended.session.number ?? 0
        print("Paused session \(number) (\(ended.progress) answered). Type 'resume \(number)' to continue where you stopped.")
    }

    func showFinished(_ ended: EndedSession) {
        let number = ended.session.number ?? 0
        print(style.bold("Finished session \(number)") + ": \(ended.progress.answered) of \(ended.progress.reachable) questions answered.")
        let missing = ended.missingRequired
        if !missing.isEmpty {
            print(style.warn("Required questions still missing:"))
            for question in missing { print("  - \(question.id): \(question.text)") }
            print("Type 'resume \(number)' to answer them.")
        }
        // The missing list above already says what the required-answers rule would.
        printCoachingSummary(for: ended.session, skipping: missing.isEmpty ? [] : [CoachingRule.requiredAnswers.id])
    }

    /// Where you are: the partner and, inside a playbook, the step and the progress rule's count.
    public var prompt: String {
        if let active = activeRun {
            var parts = [active.partner.sector, active.partner.name]
            if let stepIndex = active.run.currentStepIndex {
                let step = active.run.playbook.steps[stepIndex]
                parts.append("\(stepIndex + 1)/\(active.run.playbook.steps.count) \(step.id)")
            } else {
                parts.append("done")
            }
            parts.append("\(active.run.progress) answered")
            return parts.joined(separator: " · ") + " > "
        }
        if let partner = currentPartner { return "\(partner.sector) · \(partner.name) > " }
        return "outreach > "
    }
}
