import Foundation
import GRDBSQLite
import OutreachCore

/// The reference for "answer saved": the SQLite C API with nothing in between.
final class BareSQLite {
    private var connection: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open(path, &connection) == SQLITE_OK else { throw BenchError.failed("cannot open \(path)") }
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit { sqlite3_close(connection) }

    static let epoch = "2026-01-01 00:00:00.000"

    /// Runs one statement with every parameter bound as text.
    func run(_ sql: String, _ texts: [String]) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
            throw BenchError.failed(String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
        try bindAndStep(statement, texts)
    }

    /// Binds texts (copied by SQLite) and steps once.
    func bindAndStep(_ statement: OpaquePointer?, _ texts: [String]) throws {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, text) in texts.enumerated() {
            sqlite3_bind_text(statement, Int32(index + 1), text, -1, transient)
        }
        let result = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard result == SQLITE_DONE || result == SQLITE_ROW else {
            throw BenchError.failed(String(cString: sqlite3_errmsg(connection)))
        }
    }

    /// Adds `count` notes for one new partner in a single transaction (the triggers index them).
    /// Inserts a partner and `count` public notes about it in one transaction. The notes are
    /// staged in a temporary table first and copied in one statement: the search index is kept by
    /// triggers, and FTS5 writes its pending terms out at every statement, so a statement per note
    /// made a million notes take about 80 s, most of a full bench run.
    func insertNotes(count: Int, createdAt: (Int) -> String = { _ in BareSQLite.epoch }, text: (Int) -> String) throws -> String {
        let partner = UUID().uuidString.lowercased()
        try run("INSERT INTO partner (id, name, sector, doNotContact, createdAt, updatedAt) VALUES (?, 'Search bench', 'police', 0, ?, ?)",
                [partner, Self.epoch, Self.epoch])
        try execute("CREATE TEMP TABLE stagedNote (id TEXT, text TEXT, createdAt TEXT)")
        var statement: OpaquePointer?
        let sql = "INSERT INTO temp.stagedNote (id, text, createdAt) VALUES (?, ?, ?)"
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else { throw BenchError.failed("prepare") }
        defer { sqlite3_finalize(statement) }
        try execute("BEGIN")
        for index in 0..<count {
            try bindAndStep(statement, [UUID().uuidString.lowercased(), text(index), createdAt(index)])
        }
        try run("""
            INSERT INTO note (id, partnerID, text, isPrivate, createdAt, updatedAt)
            SELECT id, ?, text, 0, createdAt, createdAt FROM temp.stagedNote ORDER BY rowid
            """, [partner])
        try execute("COMMIT")
        try execute("DROP TABLE temp.stagedNote")
        return partner
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchError.failed(String(cString: sqlite3_errmsg(connection)))
        }
    }

    /// Inserts a partner and session like the benchmark's, then `count` answer rows, each in its
    /// own transaction; returns the time of each insert+commit.
    func insertAnswers(count: Int, copying session: Session) throws -> [Double] {
        let partner = UUID().uuidString.lowercased(), sessionID = UUID().uuidString.lowercased()
        try run("INSERT INTO partner (id, name, sector, doNotContact, createdAt, updatedAt) VALUES (?, 'Bench', 'housing', 0, ?, ?)",
                [partner, Self.epoch, Self.epoch])
        try run("""
            INSERT INTO session (id, number, partnerID, playbookID, playbookVersion, playbookDigest, snapshot, status, position, createdAt, updatedAt)
            VALUES (?, 1, ?, 'dash', '1.0.0', ?, x'00', 'active', 0, ?, ?)
            """, [sessionID, partner, session.playbookDigest, Self.epoch, Self.epoch])
        var statement: OpaquePointer?
        let sql = "INSERT INTO answer (id, sessionID, questionID, revision, value, createdAt) VALUES (?, ?, ?, 1, ?, ?)"
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else { throw BenchError.failed("prepare") }
        defer { sqlite3_finalize(statement) }
        var times: [Double] = []
        for index in 0..<count {
            let id = UUID().uuidString.lowercased()
            let question = "dash.homework.q\(index)"
            let value = "Answer \(index) about shared clients and the waitlist"
            let elapsed = Measure.time {
                _ = sqlite3_exec(connection, "BEGIN", nil, nil, nil)
                id.withCString { idText in sessionID.withCString { sessionText in question.withCString { questionText in
                    value.withCString { valueText in "2026-01-01 00:00:00.000".withCString { dateText in
                        sqlite3_bind_text(statement, 1, idText, -1, nil)
                        sqlite3_bind_text(statement, 2, sessionText, -1, nil)
                        sqlite3_bind_text(statement, 3, questionText, -1, nil)
                        sqlite3_bind_text(statement, 4, valueText, -1, nil)
                        sqlite3_bind_text(statement, 5, dateText, -1, nil)
                        _ = sqlite3_step(statement)
                    } }
                } } }
                sqlite3_reset(statement)
                _ = sqlite3_exec(connection, "COMMIT", nil, nil, nil)
            }
            times.append(elapsed)
        }
        return times
    }
}
