import GRDB

/// New rows of one table, written many to a statement.
///
/// The search index is kept by triggers, and FTS5 writes its pending terms to disk at the start of
/// every statement. One statement per record made a large import spend most of its time there;
/// thousands of rows per statement write the same rows, through the same triggers, in a fraction of it.
struct BatchedInserts {
    private var table = ""
    private var columns: [String] = []
    private var ignoringExisting = false
    private var values: [DatabaseValue] = []
    private(set) var ids: Set<String> = []
    /// The bundle lines of the waiting rows, first one first, for messages.
    private(set) var lines: [Int] = []

    var isEmpty: Bool { lines.isEmpty }

    /// Adds a record; returns false (adding nothing) when it cannot join the waiting rows: another
    /// table or conflict rule, its id already waiting, or a full statement. Flush and add it again.
    mutating func add<T: EncodableRecord & TableRecord>(_ record: T, id: String, line: Int, ignoringExisting: Bool) throws -> Bool {
        let (names, row) = try Self.row(of: record)
        guard isEmpty || (T.databaseTableName == table && ignoringExisting == self.ignoringExisting && names == columns
                          && !ids.contains(id) && lines.count < Self.rowsPerStatement(names.count))
        else { return false }
        if isEmpty {
            table = T.databaseTableName
            columns = names
            self.ignoringExisting = ignoringExisting
        }
        values.append(contentsOf: row)
        ids.insert(id)
        lines.append(line)
        return true
    }

    /// A record's columns and values: from its `ImportRow` list, else from GRDB's encoding.
    static func row<T: EncodableRecord>(of record: T) throws -> (columns: [String], values: [DatabaseValue]) {
        if let row = record as? any ImportRow { return (type(of: row).importColumns, row.importValues) }
        let dictionary = try record.databaseDictionary
        let columns = dictionary.keys.sorted()
        return (columns, columns.map { dictionary[$0] ?? .null })
    }

    /// Writes the waiting rows in one statement; returns how many were new (with `ignoringExisting`,
    /// rows whose id is already stored are left as they are).
    mutating func flush(_ db: Database) throws -> (inserted: Int, count: Int) {
        guard !isEmpty else { return (0, 0) }
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let sql = "INSERT \(ignoringExisting ? "OR IGNORE " : "")INTO \(table.quotedDatabaseIdentifier) ("
            + columns.map(\.quotedDatabaseIdentifier).joined(separator: ",") + ") VALUES "
            + Array(repeating: placeholders, count: lines.count).joined(separator: ",")
        let statement = try db.cachedStatement(sql: sql)
        try statement.execute(arguments: StatementArguments(values))
        let result = (db.changesCount, lines.count)
        values.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        return result
    }

    /// Rows per statement: as many as SQLite's limit on parameters (32,766) allows.
    static func rowsPerStatement(_ columns: Int) -> Int { 30_000 / max(columns, 1) }
}
