import GRDB
import GRDBSQLite

/// A read-only SQLite connection through the C API, for looking at a file before it is opened
/// for real: no dispatch queue, no GRDB set-up, nothing written. Closed when released.
///
/// `DatabaseQueue` would do, but releasing its dispatch queue wakes a worker thread (two threads
/// at every start); this keeps the inspection on the caller's thread. Failures are GRDB's
/// `DatabaseError`, so callers word them in one place.
final class ReadOnlyConnection {
    private var connection: OpaquePointer?

    /// Opens `uri` (a `file:` URI) read-only.
    init(uri: String) throws {
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(uri, &connection, flags, nil)
        guard code == SQLITE_OK else {
            let error = failure(code)
            sqlite3_close(connection)
            connection = nil
            throw error
        }
    }

    deinit { sqlite3_close(connection) }

    /// The first column of every row, as text (NULL as an empty string).
    func strings(_ sql: String) throws -> [String] {
        try rows(sql) { statement in
            sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? ""
        }
    }

    /// The first column of the first row, as an integer (nil when there is no row).
    func integer(_ sql: String) throws -> Int64? {
        try rows(sql) { sqlite3_column_int64($0, 0) }.first
    }

    private func rows<Value>(_ sql: String, _ value: (OpaquePointer?) -> Value) throws -> [Value] {
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard prepared == SQLITE_OK else { throw failure(prepared, sql: sql) }
        defer { sqlite3_finalize(statement) }
        var values: [Value] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { return values }
            guard step == SQLITE_ROW else { throw failure(step, sql: sql) }
            values.append(value(statement))
        }
    }

    private func failure(_ code: Int32, sql: String? = nil) -> DatabaseError {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }
}
