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
    /// Per table: whether its `ImportRow` list gave exactly GRDB's row for the first record.
    private var listsMatch: [String: Bool] = [:]

    var isEmpty: Bool { lines.isEmpty }

    /// Adds a record; returns false (adding nothing) when it cannot join the waiting rows: another
    /// table or conflict rule, its id already waiting, or a full statement. Flush and add it again.
    mutating func add<T: EncodableRecord & TableRecord>(_ record: T, id: String, line: Int, ignoringExisting: Bool) throws -> Bool {
        let (names, row) = try self.row(of: record)
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

    /// A record's columns and values: from its `ImportRow` list when that list gave exactly GRDB's
    /// row for the first record of its table in this import, else from GRDB's encoding. A list left
    /// behind by a schema change costs speed, never a column.
    private mutating func row<T: EncodableRecord & TableRecord>(of record: T) throws -> (columns: [String], values: [DatabaseValue]) {
        let dictionary: [String: DatabaseValue]
        if let row = record as? any ImportRow {
            let columns = type(of: row).importColumns, values = row.importValues
            if let match = listsMatch[T.databaseTableName] {
                if match { return (columns, values) }
                dictionary = try record.databaseDictionary
            } else {
                dictionary = try record.databaseDictionary
                let match = columns.count == values.count && Dictionary(zip(columns, values), uniquingKeysWith: { first, _ in first }) == dictionary
                listsMatch[T.databaseTableName] = match
                if match { return (columns, values) }
            }
        } else {
            dictionary = try record.databaseDictionary
        }
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
