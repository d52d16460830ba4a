import Foundation
import GRDB
import OutreachCore

extension Migrations {
    /// The tables and indexes `v5-parties-partnerships-values` adds (see `schemaObjects`).
    static let partyObjects: Set<String> = [
        "party", "partyAlias", "partnership", "partnershipMember",
        "partyAlias_party", "partnershipMember_party", "session_partnership", "note_partnership",
        "valueItem_partnership", "actionItem_partnership",
    ]

    /// Parties (partners, your own organisation, outside beneficiaries) in one table with aliases;
    /// partnerships and their members; values with several lenses, a way, a perspective, and
    /// beneficiaries and payers by party. Existing partners become parties with the partner's id;
    /// the free-text beneficiaries of existing values become parties, one per name (any case).
    static func partiesPartnershipsValues(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE partner ADD COLUMN isOwn BOOLEAN NOT NULL DEFAULT 0;
            CREATE TABLE party (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                kind TEXT NOT NULL,
                partnerID TEXT UNIQUE REFERENCES partner(id) ON DELETE CASCADE,
                createdAt DATETIME NOT NULL,
                updatedAt DATETIME NOT NULL
            );
            CREATE TABLE partyAlias (
                id TEXT PRIMARY KEY NOT NULL,
                partyID TEXT NOT NULL REFERENCES party(id) ON DELETE CASCADE,
                alias TEXT NOT NULL UNIQUE COLLATE NOCASE,
                createdAt DATETIME NOT NULL
            );
            CREATE INDEX partyAlias_party ON partyAlias(partyID);
            CREATE TABLE partnership (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                ask TEXT,
                createdAt DATETIME NOT NULL,
                updatedAt DATETIME NOT NULL
            );
            CREATE TABLE partnershipMember (
                partnershipID TEXT NOT NULL REFERENCES partnership(id) ON DELETE CASCADE,
                partyID TEXT NOT NULL REFERENCES party(id) ON DELETE CASCADE,
                createdAt DATETIME NOT NULL,
                PRIMARY KEY (partnershipID, partyID)
            );
            CREATE INDEX partnershipMember_party ON partnershipMember(partyID);
            ALTER TABLE session ADD COLUMN partnershipID TEXT REFERENCES partnership(id) ON DELETE SET NULL;
            ALTER TABLE note ADD COLUMN partnershipID TEXT REFERENCES partnership(id) ON DELETE SET NULL;
            ALTER TABLE valueItem ADD COLUMN partnershipID TEXT REFERENCES partnership(id) ON DELETE SET NULL;
            ALTER TABLE actionItem ADD COLUMN partnershipID TEXT REFERENCES partnership(id) ON DELETE SET NULL;
            CREATE INDEX session_partnership ON session(partnershipID);
            CREATE INDEX note_partnership ON note(partnershipID);
            CREATE INDEX valueItem_partnership ON valueItem(partnershipID);
            CREATE INDEX actionItem_partnership ON actionItem(partnershipID);
            ALTER TABLE valueItem ADD COLUMN lenses TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE valueItem ADD COLUMN way TEXT;
            ALTER TABLE valueItem ADD COLUMN perspective TEXT;
            ALTER TABLE valueItem ADD COLUMN beneficiaryIDs TEXT NOT NULL DEFAULT '[]';
            ALTER TABLE valueItem ADD COLUMN payerIDs TEXT NOT NULL DEFAULT '[]';
            UPDATE valueItem SET lenses = json_array(lens);
            INSERT INTO party (id, name, kind, partnerID, createdAt, updatedAt)
                SELECT id, name, 'partner', id, createdAt, updatedAt FROM partner;
            """)
        // Free-text beneficiaries become parties: the same name (any case) is one party.
        var partyIDs = Dictionary(
            try Row.fetchAll(db, sql: "SELECT id, name FROM party").map { (($0["name"] as String).lowercased(), $0["id"] as String) },
            uniquingKeysWith: { first, _ in first })
        for row in try Row.fetchAll(db, sql: "SELECT id, benefits, createdAt FROM valueItem") {
            let names = (try? JSONDecoder().decode([String].self, from: Data((row["benefits"] as String).utf8))) ?? []
            let ids = try beneficiaryParties(names, createdAt: row["createdAt"], known: &partyIDs, in: db)
            let json = String(decoding: try JSONEncoder().encode(ids.map { UUID(uuidString: $0) }), as: UTF8.self)
            try db.execute(sql: "UPDATE valueItem SET beneficiaryIDs = ? WHERE id = ?", arguments: [json, row["id"]])
        }
    }

    /// The party ids for a value's free-text beneficiaries, in order and without repeats: a name
    /// already in `partyIDs` (lowercased name → id) is that party; any other becomes a new outside
    /// party stamped `createdAt`, added to `partyIDs`. Shared by the migration above and by the
    /// import of version 1 bundles, whose values name who gains only as text.
    static func beneficiaryParties(_ names: [String], createdAt: DatabaseValue, known partyIDs: inout [String: String], in db: Database) throws -> [String] {
        var ids: [String] = []
        for name in names.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) where !name.isEmpty {
            let key = name.lowercased()
            if partyIDs[key] == nil {
                let id = UUID().uuidString.lowercased()
                try db.execute(sql: "INSERT INTO party (id, name, kind, partnerID, createdAt, updatedAt) VALUES (?, ?, 'outside', NULL, ?, ?)",
                               arguments: [id, name, createdAt, createdAt])
                partyIDs[key] = id
            }
            if let id = partyIDs[key], !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}
