import Foundation
import OutreachCatalog
import OutreachCore
import OutreachStore

/// The one session engine. The shell, scripted runs and any later front end drive a session only
/// through these transitions; each validates, advances `PlaybookRun`, commits to the store before
/// it returns, and says what happened. Nothing else writes answers.
public final class SessionEngine {
    public let database: any Store
    /// The plugins and playbooks, read when first needed (a run that never asks for one, such as
    /// `-c sessions`, never reads them); `reload(catalog:)` swaps it between sessions.
    public var catalog: Catalog {
        if let loaded { return loaded }
        let catalog = loadCatalog()
        loaded = catalog
        return catalog
    }
    private var loaded: Catalog?
    private var loadCatalog: () -> Catalog
    /// The session being played, if any.
    public private(set) var active: ActiveSession?
    /// The partner commands mean when none is named (`partner use`, or the last session's).
    public private(set) var currentPartner: Partner?

    /// `catalog` is evaluated on first use, once.
    public init(database: any Store, catalog: @autoclosure @escaping () -> Catalog) {
        self.database = database
        self.loadCatalog = catalog
    }

    // MARK: - Catalog

    /// Uses a freshly read catalog from now on. Refused while a session is running, since its
    /// questions were resolved from the catalog it started with.
    public func reload(catalog: Catalog) throws {
        if active != nil { throw SessionError.alreadyInPlaybook(command: "reload") }
        loaded = catalog
    }

    // MARK: - Partner

    /// Makes a partner the current one (or none).
    public func use(_ partner: Partner?) {
        currentPartner = partner
    }

    /// Reloads the current and active partner after their record changed (edit, import).
    public func refreshPartners() throws {
        if let current = currentPartner { currentPartner = try database.partner(id: current.id) ?? current }
        if let partner = active?.partner, let fresh = try database.partner(id: partner.id) { active?.partner = fresh }
    }

    // MARK: - Starting and resuming

    /// Stores a new session of the playbook, resolved for the partner's sector, with its snapshot.
    /// `confirm` is asked before starting with a do-not-contact partner.
    public func start(playbook loaded: LoadedPlaybook, partner: Partner, partnership: Partnership? = nil,
                      confirm: (String) -> Bool) throws -> Transition {
        if let active { throw SessionError.alreadyInPlaybook(command: "start \(active.run.playbook.id)") }
        if partner.doNotContact, !confirm("\(partner.name) is marked do-not-contact. Start anyway? [y/N] ") {
            throw SessionError.declined
        }
        var notices: [SessionNotice] = []
        let suited = loaded.playbook.sectors
        if !suited.isEmpty, !suited.contains(partner.sector) {
            notices.append(.playbookForOtherSectors(playbook: loaded.playbook.id, sectors: suited, partner: partner.name, sector: partner.sector))
        }
        let resolved = try catalog.resolve(loaded.playbook, sector: partner.sector)
        if let partnership, let party = try database.party(forPartner: partner.id),
           !(try database.members(of: partnership.id)).contains(where: { $0.id == party.id }) {
            try database.addMember(partyID: party.id, to: partnership.id)
            notices.append(.joinedPartnership(partner: partner.name, partnership: partnership.name))
        }
        return try begin(resolved, partner: partner, partnershipID: partnership?.id, notices: notices)
    }

    /// Starts a session of an already resolved playbook (scripted runs resolve theirs first).
    public func begin(_ resolved: ResolvedPlaybook, partner: Partner, partnershipID: UUID? = nil,
                      notices: [SessionNotice] = []) throws -> Transition {
        if let active { throw SessionError.alreadyInPlaybook(command: "start \(active.run.playbook.id)") }
        let snapshot = PlaybookResolver.snapshot(of: resolved)
        let run = PlaybookRun(playbook: resolved)
        let session = try database.createSession(Session(
            partnerID: partner.id, playbookID: resolved.id, playbookVersion: resolved.version,
            playbookDigest: PlaybookResolver.digest(of: snapshot), snapshot: snapshot, position: run.position,
            partnershipID: partnershipID))
        let started = ActiveSession(session: session, partner: partner, run: run)
        active = started
        currentPartner = partner
        return Transition(kind: .started, active: started, enteredStep: true, notices: notices)
    }

    /// Continues a session with the questions it was started with: where it stopped, or at the
    /// first missing required question of a finished one. A finished session with nothing missing
    /// stays closed unless `reopen` is set.
    public func resume(_ session: Session, reopen: Bool = false) throws -> Transition {
        if active != nil { throw SessionError.alreadyInPlaybook(command: "resume") }
        let resolved = try Self.playbook(of: session)
        guard let partner = try database.partner(id: session.partnerID) else { throw StoreError.unknownSession(reference: "\(session.number ?? 0)") }
        let state = try database.answerState(sessionID: session.id)
        var run = PlaybookRun(playbook: resolved, answers: state.answers, skipped: state.skipped, position: session.position)
        if session.status == .finished {
            if let missing = run.missingRequired.first, let index = run.index(of: missing.id) {
                run.restore(position: index)
            } else if reopen {
                run.restore(position: run.index(of: run.applicableQuestions.first?.id ?? "") ?? 0)
            } else {
                throw SessionError.sessionComplete(number: session.number ?? 0)
            }
        }
        var notices: [SessionNotice] = []
        if let current = catalog.playbook(session.playbookID),
           let fresh = try? catalog.resolve(current.playbook, sector: partner.sector),
           PlaybookResolver.digest(of: PlaybookResolver.snapshot(of: fresh)) != session.playbookDigest {
            notices.append(.playbookChanged(playbook: session.playbookID, version: session.playbookVersion))
        }
        try database.updateSession(id: session.id, position: run.position, status: .active)
        let resumed = ActiveSession(session: session, partner: partner, run: run)
        active = resumed
        currentPartner = partner
        return Transition(kind: .resumed, active: resumed, enteredStep: true, notices: notices)
    }

    /// The playbook a session was started with, from its snapshot.
    public static func playbook(of session: Session) throws -> ResolvedPlaybook {
        do { return try JSONDecoder().decode(ResolvedPlaybook.self, from: session.snapshot) } catch {
            throw SessionError.unreadableSnapshot(number: session.number ?? 0)
        }
    }

    // MARK: - Moving through questions

    /// Checks the text against the current question, saves it (committed before returning) and moves on.
    public func answer(_ text: String) throws -> Transition {
        var current = try requireActive("answer")
        guard let question = current.run.current else { throw SessionError.pastLastQuestion }
        let value: String
        switch question.normalizedAnswer(text) {
        case .success(let normalized): value = normalized
        case .failure(let problem): throw SessionError.invalidAnswer(problem.message)
        }
        // A question that captures records: every line is checked, and every party named, before anything is saved.
        let capture = try question.captures.map { _ in try CaptureRecorder(database: database, active: current, question: question, answer: value) }
        let stepBefore = current.run.currentStepIndex
        current.run.answer(value)
        try database.recordAnswer(sessionID: current.session.id, questionID: question.id, value: value, nextPosition: current.run.position)
        var transition = commit(current, kind: .answered, stepBefore: stepBefore)
        transition.captured = try capture?.save() ?? []
        return transition
    }

    /// Leaves the current question unanswered (a required one only with `force`).
    public func skip(force: Bool) throws -> Transition {
        var current = try requireActive("skip")
        guard let question = current.run.current else { throw SessionError.pastLastQuestion }
        if question.required, !force { throw SessionError.requiredQuestion(question.id) }
        let stepBefore = current.run.currentStepIndex
        current.run.skip()
        try database.recordAnswer(sessionID: current.session.id, questionID: question.id, value: nil, nextPosition: current.run.position)
        return commit(current, kind: .skipped, stepBefore: stepBefore)
    }

    /// Moves on, keeping an answer that is there; an unanswered question is skipped.
    public func next() throws -> Transition {
        let current = try requireActive("next")
        guard let question = current.run.current else { throw SessionError.pastLastQuestion }
        if current.run.answer(to: question.id) == nil { return try skip(force: false) }
        return try move("next") { $0.next() }
    }

    public func back() throws -> Transition {
        try move("back") { run in
            guard run.back() else { throw SessionError.beforeFirstQuestion }
        }
    }

    /// Jumps to a question the current answers make reachable.
    public func go(to questionID: String) throws -> Transition {
        try move("goto") { run in
            guard let question = run.questions.first(where: { $0.question.id == questionID })?.question else {
                throw SessionError.unknownQuestion(questionID)
            }
            guard run.isApplicable(question) else {
                throw SessionError.notReachable(questionID, condition: question.condition?.summary ?? "an earlier answer allows it")
            }
            run.go(to: questionID)
        }
    }

    // MARK: - Ending

    /// Stops for now; `resume` continues exactly here.
    public func pause() throws -> EndedSession {
        try end(as: .paused, command: "pause")
    }

    /// Ends the session; missing required questions are reported, and `resume` goes to them.
    public func finish() throws -> EndedSession {
        try end(as: .finished, command: "finish")
    }

    // MARK: - Notes and other records

    /// Where a new record belongs: the partner named, else the running session's, else the current
    /// one; with the running session and its current question when the partner is the session's;
    /// in the partnership named, else the running session's.
    public func captureTarget(partnerName: String?, partnershipName: String? = nil, required: Bool = true) throws -> CaptureTarget {
        let partner: Partner?
        if let partnerName {
            partner = try database.partner(named: partnerName)
        } else if let chosen = active?.partner ?? (partnershipName == nil ? currentPartner : nil) {
            partner = chosen
        } else if required {
            throw SessionError.noPartnerChosen
        } else {
            partner = nil
        }
        let onRun = active.flatMap { $0.partner.id == partner?.id ? $0 : nil }
        let partnership = try partnershipName.map { try database.partnership(named: $0) }
        return CaptureTarget(partner: partner, sessionID: onRun?.session.id, questionID: onRun?.run.current?.id,
                             partnershipID: partnership?.id ?? onRun?.session.partnershipID, partnership: partnership)
    }

    /// Saves a note about the partner (and the running session's current question), committed before returning.
    @discardableResult
    public func note(_ text: String, isPrivate: Bool, partnerName: String? = nil, partnershipName: String? = nil,
                     questionID: String? = nil, requirePartner: Bool = true) throws -> Note {
        let target = try captureTarget(partnerName: partnerName, partnershipName: partnershipName,
                                       required: requirePartner && partnershipName == nil)
        return try database.addNote(Note(partnerID: target.partner?.id, sessionID: target.sessionID,
                                         questionID: questionID ?? target.questionID, text: text, isPrivate: isPrivate,
                                         partnershipID: target.partnershipID))
    }

    // MARK: - Steps

    private func requireActive(_ command: String) throws -> ActiveSession {
        guard let active else { throw SessionError.notInPlaybook(command: command) }
        return active
    }

    private func commit(_ current: ActiveSession, kind: Transition.Kind, stepBefore: Int?) -> Transition {
        active = current
        return Transition(kind: kind, active: current, enteredStep: current.run.currentStepIndex != stepBefore)
    }

    private func move(_ command: String, _ change: (inout PlaybookRun) throws -> Void) throws -> Transition {
        var current = try requireActive(command)
        let stepBefore = current.run.currentStepIndex
        try change(&current.run)
        try database.updateSession(id: current.session.id, position: current.run.position, status: .active)
        return commit(current, kind: .moved, stepBefore: stepBefore)
    }

    private func end(as status: Session.Status, command: String) throws -> EndedSession {
        let current = try requireActive(command)
        try database.updateSession(id: current.session.id, position: current.run.position, status: status)
        active = nil
        var session = current.session
        session.status = status
        session.position = current.run.position
        return EndedSession(session: try database.session(id: session.id) ?? session, partner: current.partner, run: current.run)
    }
}

/// The partner, session and question a new note, term, value or action is filed under.
public struct CaptureTarget: Sendable {
    public var partner: Partner?
    public var sessionID: UUID?
    public var questionID: String?
    public var partnershipID: UUID?
    /// The partnership when it was named.
    public var partnership: Partnership?
}
