import OutreachStore

/// The team database is a `Store` like the SQLite file: the engine, reports and commands use it
/// without knowing which one they have.
extension TeamDatabase: Store {}
