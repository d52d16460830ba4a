import OutreachCore

/// The playbook session the user is in: its stored record, its partner and where it stands.
public struct ActiveRun {
    public var session: Session
    public var partner: Partner
    public var run: PlaybookRun
}
