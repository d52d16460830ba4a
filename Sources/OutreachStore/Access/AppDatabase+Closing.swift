import GRDB

extension AppDatabase {
    // MARK: - Closing

    /// On a clean exit: waits for a background checkpoint, then copies the whole write-ahead log
    /// into the database file and truncates the log, so the `.sqlite` file alone holds everything.
    /// A failure here loses nothing (the log is still there and is read at the next open).
    public func closeCleanly() {
        checkpointer?.waitUntilIdle()
        guard path != ":memory:" else { return }
        _ = try? writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }
}
