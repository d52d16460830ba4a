import Foundation
import GRDB
import OutreachCore

extension AppDatabase {
    // MARK: - Terms

    @discardableResult
    public func addTerm(_ term: Term) throws -> Term {
        try write { try term.insert($0) }
        return term
    }

    public func terms(partnerID: UUID? = nil) throws -> [Term] {
        try read { db in
            var request = Term.order(Column("term").collating(.nocase), Column.rowID)
            if let partnerID { request = request.filter(Column("partnerID") == partnerID.uuidString.lowercased()) }
            return try request.fetchAll(db)
        }
    }

    // MARK: - Value items

    @discardableResult
    public func addValue(_ value: ValueItem) throws -> ValueItem {
        try write { try value.insert($0) }
        return value
    }

    public func values(partnerID: UUID? = nil) throws -> [ValueItem] {
        try read { db in
            var request = ValueItem.order(Column("createdAt"), Column.rowID)
            if let partnerID { request = request.filter(Column("partnerID") == partnerID.uuidString.lowercased()) }
            return try request.fetchAll(db)
        }
    }

    // MARK: - Actions

    @discardableResult
    public func addAction(_ action: ActionItem) throws -> ActionItem {
        try write { try action.insert($0) }
        return action
    }

    public func actions(partnerID: UUID? = nil) throws -> [ActionItem] {
        try read { db in
            var request = ActionItem.order(Column("doneAt") != nil, Column("due") == nil, Column("due"), Column.rowID)
            if let partnerID { request = request.filter(Column("partnerID") == partnerID.uuidString.lowercased()) }
            return try request.fetchAll(db)
        }
    }

    /// Open actions due before `today` (`yyyy-MM-dd`).
    public func overdueActions(today: String) throws -> [ActionItem] {
        try read { db in
            try ActionItem.filter(Column("doneAt") == nil && Column("due") != nil && Column("due") < today)
                .order(Column("due"), Column.rowID).fetchAll(db)
        }
    }

    /// Marks an action done; committed before returning.
    public func completeAction(id: UUID) throws -> ActionItem {
        try write { db in
            guard var action = try ActionItem.fetchOne(db, key: id.uuidString.lowercased()) else {
                throw StoreError.unknownRecord(kind: "action", reference: id.uuidString.lowercased())
            }
            let now = Date()
            action.doneAt = now
            action.updatedAt = now
            try action.update(db)
            return action
        }
    }

    // MARK: - Short ids

    /// The id of the note, action, value or term whose id starts with `prefix` (at least 4 characters).
    public func resolveID(_ prefix: String, in kind: RecordKind) throws -> UUID {
        let lowered = prefix.lowercased()
        let ids = try read { db in
            try String.fetchAll(db, Table(kind.table).select(Column("id"))
                .filter(Column("id").like(Self.likePrefix(lowered), escape: "\\")).limit(2))
        }
        guard lowered.count >= 4, let first = ids.first, let id = UUID(uuidString: first) else {
            throw StoreError.unknownRecord(kind: kind.rawValue, reference: prefix)
        }
        guard ids.count == 1 else { throw StoreError.ambiguousRecord(kind: kind.rawValue, reference: prefix) }
        return id
    }

    static func likePrefix(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}

/// The kinds of rows that commands refer to by a short id.
public enum RecordKind: String, Sendable {
    case note, action, value, term

    var table: String {
        switch self {
        case .note: "note"
        case .action: "actionItem"
        case .value: "valueItem"
        case .term: "term"
        }
    }
}

extension UUID {
    /// The first eight characters, as commands show and accept them.
    public var short: String { String(uuidString.lowercased().prefix(8)) }
}
