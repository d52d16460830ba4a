import Foundation
import OutreachCore
import OutreachStore
import PostgresNIO

extension TeamDatabase {
    // MARK: - Terms

    @discardableResult
    public func addTerm(_ term: Term) throws -> Term {
        try write { try rows(TeamInserts.term(term)) }
        return term
    }

    /// The glossary by word (case aside), then in the order saved.
    public func terms(partnerID: UUID?) throws -> [Term] {
        try read {
            try rows("""
                SELECT \(unescaped: TeamColumns.term) FROM term WHERE \(partnerID)::uuid IS NULL OR partnerID = \(partnerID)
                ORDER BY lower(term) COLLATE "C", seq
                """).map(Term.init(row:))
        }
    }

    /// The terms spelt `word` (case aside), in the order saved.
    public func terms(named word: String) throws -> [Term] {
        try read {
            try rows("SELECT \(unescaped: TeamColumns.term) FROM term WHERE lower(term) = lower(\(word)) ORDER BY seq").map(Term.init(row:))
        }
    }

    // MARK: - Value items

    @discardableResult
    public func addValue(_ value: ValueItem) throws -> ValueItem {
        try write { try rows(TeamInserts.value(value)) }
        return value
    }

    public func values(partnerID: UUID?) throws -> [ValueItem] {
        try read {
            try rows("""
                SELECT \(unescaped: TeamColumns.value) FROM valueItem WHERE \(partnerID)::uuid IS NULL OR partnerID = \(partnerID)
                ORDER BY createdAt, seq
                """).map(ValueItem.init(row:))
        }
    }

    // MARK: - Actions

    @discardableResult
    public func addAction(_ action: ActionItem) throws -> ActionItem {
        try write { try rows(TeamInserts.action(action)) }
        return action
    }

    /// Open actions first, those with a due day before those without, by due day, then as saved.
    public func actions(partnerID: UUID?) throws -> [ActionItem] {
        try read {
            try rows("""
                SELECT \(unescaped: TeamColumns.action) FROM actionItem WHERE \(partnerID)::uuid IS NULL OR partnerID = \(partnerID)
                ORDER BY doneAt IS NOT NULL, due IS NULL, due COLLATE "C", seq
                """).map(ActionItem.init(row:))
        }
    }

    /// Open actions due before `today` (`yyyy-MM-dd`).
    public func overdueActions(today: String) throws -> [ActionItem] {
        try read {
            try rows("""
                SELECT \(unescaped: TeamColumns.action) FROM actionItem
                WHERE doneAt IS NULL AND due IS NOT NULL AND due COLLATE "C" < \(today)
                ORDER BY due COLLATE "C", seq
                """).map(ActionItem.init(row:))
        }
    }

    /// Marks an action done; committed before returning.
    @discardableResult
    public func completeAction(id: UUID) throws -> ActionItem {
        let now = Date().teamStored
        let row = try write {
            try rows("UPDATE actionItem SET doneAt = \(now), updatedAt = \(now) WHERE id = \(id) RETURNING \(unescaped: TeamColumns.action)").first
        }
        guard let row else { throw StoreError.unknownRecord(kind: "action", reference: id.uuidString.lowercased()) }
        return try ActionItem(row: row)
    }

    // MARK: - Short ids

    /// The id of the note, action, value or term whose id starts with `prefix` (at least 4 characters).
    public func resolveID(_ prefix: String, in kind: RecordKind) throws -> UUID {
        let lowered = prefix.lowercased()
        let pattern = lowered.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        let table: String
        switch kind {
        case .note: table = "note"
        case .action: table = "actionItem"
        case .value: table = "valueItem"
        case .term: table = "term"
        }
        let ids = try read {
            try rows("SELECT id FROM \(unescaped: table) WHERE id::text LIKE \(pattern) ESCAPE '\\' LIMIT 2").map { try $0.decode(UUID.self) }
        }
        guard lowered.count >= 4, let first = ids.first else { throw StoreError.unknownRecord(kind: kind.rawValue, reference: prefix) }
        guard ids.count == 1 else { throw StoreError.ambiguousRecord(kind: kind.rawValue, reference: prefix) }
        return first
    }
}
