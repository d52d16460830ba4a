import Foundation
import OutreachCatalog
import OutreachCore
import OutreachStore

extension ShellContext {
    // MARK: Starting and resuming

    /// Resolves the playbook for the partner's sector, stores the session with its snapshot, and asks the first question.
    public func startRun(playbook loaded: LoadedPlaybook, partner: Partner) throws {
        if let active = activeRun { throw ShellError.alreadyInPlaybook(command: "start \(active.run.playbook.id)") }
        if partner.doNotContact {
            guard confirm("\(partner.name) is marked do-not-contact. Start anyway? [y/N] ") else { throw ShellError.declined }
        }
        let suited = loaded.playbook.sectors
        if !suited.isEmpty, !suited.contains(partner.sector) {
            printWarning("the playbook '\(loaded.playbook.id)' is written for \(suited.joined(separator: ", ")); \(partner.name) is in \(partner.sector). Its questions may not fit.")
        }
        let resolved = try catalog.resolve(loaded.playbook, sector: partner.sector)
        let snapshot = PlaybookResolver.snapshot(of: resolved)
        let run = PlaybookRun(playbook: resolved)
        let session = try database.createSession(Session(
            partnerID: partner.id, playbookID: resolved.id, playbookVersion: resolved.version,
            playbookDigest: PlaybookResolver.digest(of: snapshot), snapshot: snapshot, position: run.position))
        activeRun = ActiveRun(session: session, partner: partner, run: run)
        currentPartner = partner
        print(style.bold("Session \(session.number ?? 0): \(resolved.title) with \(partner.name)"))
        print(style.dim("Answer at the prompt; '/help' lists the commands, '/pause' stops for now."))
        presentCurrentQuestion(announceStep: true)
    }

    /// Continues a session exactly where it stopped, with the questions it was started with.
    public func resumeRun(_ session: Session) throws {
        if activeRun != nil { throw ShellError.alreadyInPlaybook(command: "resume") }
        let resolved = try JSONDecoder().decode(ResolvedPlaybook.self, from: session.snapshot)
        guard let partner = try database.partner(id: session.partnerID) else { throw StoreError.unknownSession(reference: "\(session.number ?? 0)") }
        if let current = catalog.playbook(session.playbookID),
           let fresh = try? catalog.resolve(current.playbook, sector: partner.sector),
           PlaybookResolver.digest(of: PlaybookResolver.snapshot(of: fresh)) != session.playbookDigest {
            printWarning("the playbook '\(session.playbookID)' has changed since this session started (it was version \(session.playbookVersion)); the session keeps the questions it started with.")
        }
        let state = try database.answerState(sessionID: session.id)
        var run = PlaybookRun(playbook: resolved, answers: state.answers, skipped: state.skipped, position: session.position)
        if session.status == .finished { run.restore(position: resolved.flattened.count) }
        try database.updateSession(id: session.id, position: run.position, status: .active)
        activeRun = ActiveRun(session: session, partner: partner, run: run)
        currentPartner = partner
        print(style.bold("Resuming session \(session.number ?? 0): \(resolved.title) with \(partner.name)"))
        presentCurrentQuestion(announceStep: true)
    }

    // MARK: Moving through questions

    /// Checks the typed answer against the question, saves it (committed before returning) and moves on.
    func answerCurrentQuestion(_ text: String) throws {
        guard var active = activeRun else { return }
        guard let question = active.run.current else {
            throw ShellError.usage("every question has been passed. Type '/finish' to end the session, or '/back' or '/goto ID' to change an answer.")
        }
        let value: String
        switch question.normalizedAnswer(text) {
        case .success(let normalized): value = normalized
        case .failure(let problem): throw ShellError.usage(problem.message)
        }
        let stepBefore = active.run.currentStepIndex
        active.run.answer(value)
        try database.recordAnswer(sessionID: active.session.id, questionID: question.id, value: value, nextPosition: active.run.position)
        activeRun = active
        presentCurrentQuestion(announceStep: active.run.currentStepIndex != stepBefore)
    }

    func skipCurrentQuestion(force: Bool) throws {
        guard var active = activeRun, let question = active.run.current else { throw atEnd() }
        if question.required, !force { throw ShellError.requiredQuestion(question.id) }
        let stepBefore = active.run.currentStepIndex
        active.run.skip()
        try database.recordAnswer(sessionID: active.session.id, questionID: question.id, value: nil, nextPosition: active.run.position)
        activeRun = active
        presentCurrentQuestion(announceStep: active.run.currentStepIndex != stepBefore)
    }

    func move(_ change: (inout PlaybookRun) -> Bool) throws {
        guard var active = activeRun else { return }
        let stepBefore = active.run.currentStepIndex
        guard change(&active.run) else { throw ShellError.usage("there is nothing before the first question.") }
        try database.updateSession(id: active.session.id, position: active.run.position, status: .active)
        activeRun = active
        presentCurrentQuestion(announceStep: active.run.currentStepIndex != stepBefore)
    }

    func atEnd() -> ShellError {
        .usage("every question has been passed. Type '/finish' to end the session, or '/back' to go back.")
    }

    // MARK: Ending

    func pauseRun() throws {
        guard let active = activeRun else { return }
        try database.updateSession(id: active.session.id, position: active.run.position, status: .paused)
        activeRun = nil
        print("Paused session \(active.session.number ?? 0). Type 'resume \(active.session.number ?? 0)' to continue where you stopped.")
    }

    func finishRun() throws {
        guard let active = activeRun else { return }
        try database.updateSession(id: active.session.id, position: active.run.position, status: .finished)
        activeRun = nil
        let answered = active.run.applicableQuestions.filter { active.run.answers[$0.id] != nil }.count
        print(style.bold("Finished session \(active.session.number ?? 0)") + ": \(answered) of \(active.run.applicableQuestions.count) questions answered.")
        let missing = active.run.missingRequired
        if !missing.isEmpty {
            print(style.warn("Required questions still missing:"))
            for question in missing { print("  - \(question.id): \(question.text)") }
            print("Type 'resume \(active.session.number ?? 0)' to answer them.")
        }
        // The missing list above already says what the required-answers rule would.
        printCoachingSummary(for: active.session, skipping: missing.isEmpty ? [] : [CoachingRule.requiredAnswers.id])
    }
}
