import GRDB

extension AppDatabase {
    // MARK: - Closing

    /// On a clean exit: waits for a background checkpoint, copies the whole write-ahead log into
    /// the database file and truncates it, then closes the connections, so SQLite removes the
    /// `-wal` and `-shm` files and the `.sqlite` file alone holds everything. The store is not used
    /// afterwards. A failure here loses nothing (the log is still there and is read at the next open).
    public func closeCleanly() {
        checkpointer?.close()
        guard path != ":memory:" else { return }
        _ = try? writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try? writer.close()
    }
}
