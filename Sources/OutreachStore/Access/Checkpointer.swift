import Foundation
import GRDB

/// Moves SQLite's WAL checkpoints off the path from Enter to the prompt.
///
/// With automatic checkpoints, every thousandth page or so a commit also copies the log into the
/// database and waits for the disk; that wait was the slowest one percent of saved answers.
/// Instead, the writer never checkpoints, and after a write that leaves the log larger than
/// `threshold`, a passive checkpoint runs on a background thread over its own connection, which
/// SQLite lets proceed while the writer keeps committing.
final class Checkpointer: @unchecked Sendable {
    private let path: String
    private let threshold: Int
    private let queue = DispatchQueue(label: "outreach.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var running = false
    private var connection: DatabaseQueue?

    init(path: String, threshold: Int = 4 * 1024 * 1024) {
        self.path = path
        self.threshold = threshold
    }

    /// Called after each write: starts a background checkpoint when the log has grown.
    func noteWrite() {
        guard let size = try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int,
              size > threshold else { return }
        lock.lock()
        guard !running else { lock.unlock(); return }
        running = true
        lock.unlock()
        queue.async { [self] in
            defer { lock.lock(); running = false; lock.unlock() }
            do {
                if connection == nil {
                    var configuration = Configuration()
                    configuration.busyMode = .timeout(10)
                    connection = try DatabaseQueue(path: path, configuration: configuration)
                }
                _ = try connection?.writeWithoutTransaction { try $0.checkpoint(.passive) }
            } catch {
                // A checkpoint that cannot run now runs after a later write; nothing is lost.
            }
        }
    }

    /// Waits for a running checkpoint (used before closing and by tests).
    func waitUntilIdle() {
        queue.sync {}
    }

    /// Waits for a running checkpoint and closes the background connection.
    func close() {
        queue.sync {
            try? connection?.close()
            connection = nil
        }
    }
}
