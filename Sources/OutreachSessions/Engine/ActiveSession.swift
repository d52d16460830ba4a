import OutreachCore

/// The session being played: its stored record, its partner and where it stands.
public struct ActiveSession: Sendable {
    public internal(set) var session: Session
    public internal(set) var partner: Partner
    public internal(set) var run: PlaybookRun

    public var number: Int64 { session.number ?? 0 }
}

/// What one transition did, for a front end to show.
public struct Transition: Sendable {
    public enum Kind: Sendable, Equatable {
        case started, resumed, answered, skipped, moved
    }

    public var kind: Kind
    /// The session after the transition.
    public var active: ActiveSession
    /// Whether the current question opens a different step from the one before.
    public var enteredStep: Bool
    public var notices: [SessionNotice] = []
    /// Records saved from the answer's lines (a question with `captures:`), described for showing back.
    public var captured: [String] = []
}

/// A session that has just been paused or finished.
public struct EndedSession: Sendable {
    public var session: Session
    public var partner: Partner
    public var run: PlaybookRun

    public var progress: AnswerProgress { run.progress }
    /// Reachable required questions without an answer.
    public var missingRequired: [Question] { run.missingRequired }
}
