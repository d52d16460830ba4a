import Foundation
import PostgresNIO

/// A statement put together from fixed SQL fragments and bound values, for the queries whose
/// filters depend on what was asked. Values are always parameters (`$n`), never SQL text.
struct StatementBuilder {
    private(set) var sql = ""
    private var bindings = PostgresBindings()
    private var count = 0

    init(_ sql: String = "") { self.sql = sql }

    /// Appends fixed SQL (never text a user typed).
    mutating func append(_ fixed: String) { sql += fixed }

    /// Appends a placeholder for `value` (nil: NULL).
    mutating func bind(_ value: Bound?) {
        count += 1
        bindings.append(value)
        sql += "$\(count)"
    }

    /// Appends `fixed`, then `value`'s placeholder.
    mutating func append(_ fixed: String, _ value: Bound?) {
        append(fixed)
        bind(value)
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: bindings) }
}

/// A WHERE clause of conditions joined by AND, each with its bound value, usable in several
/// statements (a COUNT and its page) with the same placeholders.
struct Conditions {
    private var parts: [(sql: String, value: Bound?)] = []

    /// Adds a condition: `sql` is fixed text before the value's placeholder (and `suffix` after it).
    mutating func add(_ sql: String, _ value: Bound?, suffix: String = "") {
        parts.append((sql + "\u{1}" + suffix, value))
    }

    /// Adds a condition with no value.
    mutating func add(_ sql: String) { parts.append((sql, nil)) }

    /// Appends ` WHERE …` (or nothing) to a statement.
    func append(to statement: inout StatementBuilder) {
        for (index, part) in parts.enumerated() {
            statement.append(index == 0 ? " WHERE " : " AND ")
            let pieces = part.sql.split(separator: "\u{1}", omittingEmptySubsequences: false)
            statement.append(String(pieces[0]))
            if pieces.count > 1 {
                statement.bind(part.value)
                statement.append(String(pieces[1]))
            }
        }
    }
}
