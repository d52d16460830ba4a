import Foundation
import OutreachCore
import PostgresNIO

/// Inserts and updates of whole records. The SQL holds only fixed table and column names and
/// `$n` placeholders; every value is a bound parameter.
extension TeamDatabase {
    /// The most parameters one statement may carry (PostgreSQL's limit is 65,535).
    static let parametersPerStatement = 60_000

    /// The order rows were written in, for tables read "by insertion" in SQLite (its rowid): the
    /// `seq` identity of every table.
    static let insertionOrder = "seq"

    /// Inserts the records in as few statements as the parameter limit allows. With
    /// `ignoringConflicts`, a row that would break a unique constraint (its id already stored) is
    /// left out. Returns how many rows were written.
    @discardableResult
    func insert<R: RecordRow>(_ records: [R], ignoringConflicts: Bool = false) throws -> Int {
        guard let first = records.first else { return 0 }
        let names = try first.columns.map(\.name)
        let perStatement = max(1, min(5_000, Self.parametersPerStatement / names.count))
        var written = 0
        var start = 0
        while start < records.count {
            let chunk = records[start..<min(start + perStatement, records.count)]
            var bindings = PostgresBindings(capacity: chunk.count * names.count)
            var tuples: [String] = []
            tuples.reserveCapacity(chunk.count)
            var index = 0
            for record in chunk {
                let columns = try record.columns
                precondition(columns.count == names.count, "every \(R.table) row has the same columns")
                var placeholders: [String] = []
                for column in columns {
                    index += 1
                    bindings.append(column.value)
                    placeholders.append("$\(index)")
                }
                tuples.append("(" + placeholders.joined(separator: ",") + ")")
            }
            let sql = "INSERT INTO \(R.table) (\(names.joined(separator: ","))) VALUES " + tuples.joined(separator: ",")
                + (ignoringConflicts ? " ON CONFLICT DO NOTHING" : "")
            written += try changes(PostgresQuery(unsafeSQL: sql, binds: bindings))
            start += chunk.count
        }
        return written
    }

    /// Runs one statement that returns no rows and gives back how many rows it wrote (the server's
    /// command tag), so a large insert sends no row back per record.
    @discardableResult
    func changes(_ query: PostgresQuery) throws -> Int {
        try lock.withLock {
            let connection = try connected()
            return try connection.query(query, logger: Self.logger).wait().metadata.rows ?? 0
        }
    }

    /// Inserts one record; false when it would break a unique constraint (nothing written).
    func insertUnlessConflicting<R: RecordRow>(_ record: R) throws -> Bool {
        try insert([record], ignoringConflicts: true) == 1
    }

    /// Writes every column of a record (but its frozen ones) over the row with the same key (`id`,
    /// or the columns named).
    func update<R: RecordRow>(_ record: R, key: [String] = ["id"]) throws {
        let columns = try record.columns.filter { !R.frozenColumns.contains($0.name) }
        var bindings = PostgresBindings(capacity: columns.count)
        var assignments: [String] = [], conditions: [String] = []
        for (offset, column) in columns.enumerated() {
            bindings.append(column.value)
            if key.contains(column.name) {
                conditions.append("\(column.name) = $\(offset + 1)")
            } else {
                assignments.append("\(column.name) = $\(offset + 1)")
            }
        }
        let sql = "UPDATE \(R.table) SET \(assignments.joined(separator: ", ")) WHERE \(conditions.joined(separator: " AND "))"
        try rows(PostgresQuery(unsafeSQL: sql, binds: bindings))
    }
}
