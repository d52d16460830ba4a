import Foundation
import GRDB
import OutreachCore

extension AppDatabase {
    // MARK: - Partners

    /// Adds a partner; names are unique regardless of case.
    @discardableResult
    public func addPartner(_ partner: Partner) throws -> Partner {
        do {
            try write { db in
                try partner.insert(db)
                try Self.linkParty(for: partner, in: db)
            }
            return partner
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError.duplicatePartner(name: partner.name)
        }
    }

    public func updatePartner(_ partner: Partner) throws {
        var partner = partner
        partner.updatedAt = Date()
        try write { [partner] db in
            try partner.update(db)
            try Self.linkParty(for: partner, in: db)
        }
    }

    public func partners() throws -> [Partner] {
        try read { try Partner.order(Partner.Columns.name.collating(.localizedCaseInsensitiveCompare)).fetchAll($0) }
    }

    public func partnerNames() throws -> [String] {
        try read { try String.fetchAll($0, Partner.select(Partner.Columns.name).order(Partner.Columns.name)) }
    }

    public func partner(id: UUID) throws -> Partner? {
        try read { try Partner.fetchOne($0, key: id.uuidString.lowercased()) }
    }

    /// The partner with this name (any case), or an error suggesting the closest name.
    public func partner(named name: String) throws -> Partner {
        let found = try read { db in
            try Partner.filter(Partner.Columns.name.collating(.nocase) == name).fetchOne(db)
        }
        if let found { return found }
        let names = try partnerNames()
        let lowered = name.lowercased()
        let suggestion = names.first { $0.lowercased().hasPrefix(lowered) || $0.lowercased().contains(lowered) }
        throw StoreError.unknownPartner(name: name, suggestion: suggestion)
    }
}
