import GRDB
import OutreachCore

// GRDB persistence for the domain's value types. Ids are stored as lowercase UUID strings,
// dates as UTC text (GRDB's form, written by `Timestamp`), so the file stays readable with the
// sqlite3 shell.

extension DatabaseDateEncodingStrategy {
    /// GRDB's own `yyyy-MM-dd HH:mm:ss.SSS` text, without a formatter (see `Timestamp`).
    static let storage = DatabaseDateEncodingStrategy.custom { date in
        Timestamp.storage(date).map { $0 as any DatabaseValueConvertible } ?? date
    }
}

extension Partner: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "partner"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .storage }

    public enum Columns {
        public static let name = Column("name")
        public static let sector = Column("sector")
    }
}

extension Session: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "session"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .storage }

    public enum Columns {
        public static let number = Column("number")
        public static let partnerID = Column("partnerID")
        public static let updatedAt = Column("updatedAt")
    }
}

extension Answer: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "answer"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .storage }

    public enum Columns {
        public static let sessionID = Column("sessionID")
        public static let questionID = Column("questionID")
        public static let revision = Column("revision")
        public static let createdAt = Column("createdAt")
        public static let id = Column("id")
    }
}

extension Note: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "note"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .storage }

    public enum Columns {
        public static let partnerID = Column("partnerID")
        public static let sessionID = Column("sessionID")
        public static let createdAt = Column("createdAt")
    }
}

extension Term: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "term"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .storage }
}

extension ValueItem: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "valueItem"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .storage }
}

extension ActionItem: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "actionItem"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .storage }
}

extension Party: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "party"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .storage }

    public enum Columns {
        public static let name = Column(CodingKeys.name)
        public static let kind = Column(CodingKeys.kind)
        public static let partnerID = Column(CodingKeys.partnerID)
    }
}

extension PartyAlias: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "partyAlias"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .storage }

    public enum Columns {
        public static let partyID = Column(CodingKeys.partyID)
        public static let alias = Column(CodingKeys.alias)
    }
}

extension Partnership: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "partnership"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .storage }

    public enum Columns {
        public static let name = Column(CodingKeys.name)
    }
}

extension PartnershipMember: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "partnershipMember"
    public static func databaseUUIDEncodingStrategy(for column: String) -> DatabaseUUIDEncodingStrategy { .lowercaseString }
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .storage }

    public enum Columns {
        public static let partnershipID = Column(CodingKeys.partnershipID)
        public static let partyID = Column(CodingKeys.partyID)
    }
}
