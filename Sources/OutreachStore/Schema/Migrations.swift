import GRDB

/// The schema, as named migrations. A migration that has shipped is never edited: add a new one.
enum Migrations {
    /// 'OUTR' in ASCII: marks a SQLite file as an outreach database.
    static let applicationID: Int32 = 0x4F55_5452

    /// Every table, index and trigger any version of the schema creates (besides SQLite's own
    /// `sqlite_` objects). A file holding anything else is not an outreach database.
    /// `MigrationTests` checks this list against the migrations.
    static let schemaObjects: Set<String> = Set<String>([
        "grdb_migrations", "partner", "session", "answer", "note", "term", "valueItem", "actionItem",
        "session_partner", "note_partner", "note_session", "term_partner", "valueItem_partner",
        "actionItem_partner", "actionItem_open", "answer_session",
        "searchIndex", "searchIndex_data", "searchIndex_idx", "searchIndex_content", "searchIndex_docsize", "searchIndex_config",
        "answer_search_insert", "answer_search_delete", "note_search_insert", "note_search_update", "note_search_delete",
        "term_search_insert", "term_search_update", "term_search_delete",
        "value_search_insert", "value_search_update", "value_search_delete",
    ]).union(partyObjects).union(listingObjects)

    /// The search index with prefix indexes for words typed 2 to 8 letters long: such a prefix's
    /// matches are then read in rowid order as they are needed, where SQLite 3.40 otherwise gathers
    /// every posting of every word with that prefix before the first match (a word in 74% of a
    /// million notes: about 40 ms a query). It costs about 80% more index (on Zipf text, a million
    /// notes' index went from 257 MB to 461 MB). The table is made anew (FTS5 cannot add prefixes to
    /// a table) with the same rows and rowids; the triggers that keep it name it, so they are set
    /// aside while it is replaced and made again exactly as they were.
    static func searchPrefixIndex(_ db: Database) throws {
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%searchIndex%' ORDER BY name")
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \"\(trigger["name"] as String)\"") }
        try db.execute(sql: """
            CREATE VIRTUAL TABLE searchIndex_v7 USING fts5(
                body, kind UNINDEXED, ref UNINDEXED, partnerID UNINDEXED,
                tokenize = 'unicode61 remove_diacritics 2', prefix = '\(searchPrefixes)'
            );
            INSERT INTO searchIndex_v7 (rowid, body, kind, ref, partnerID) SELECT rowid, body, kind, ref, partnerID FROM searchIndex;
            DROP TABLE searchIndex;
            ALTER TABLE searchIndex_v7 RENAME TO searchIndex;
            """)
        for trigger in triggers { try db.execute(sql: trigger["sql"] as String) }
    }

    /// The prefix lengths (in characters) the search index keeps (see `searchPrefixIndex`).
    static let searchPrefixes = "2 3 4 5 6 7 8"

    /// The indexes `v6-listing-order` adds (see `schemaObjects`).
    static let listingObjects: Set<String> = ["note_created", "note_partner_created", "valueItem_created", "term_name"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-partners-sessions-answers-notes") { db in
            try db.execute(sql: "PRAGMA application_id = 1330992210") // applicationID
            try db.execute(sql: """
                CREATE TABLE partner (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    sector TEXT NOT NULL,
                    stakeholder TEXT,
                    profile TEXT,
                    doNotContact BOOLEAN NOT NULL DEFAULT 0,
                    createdAt DATETIME NOT NULL,
                    updatedAt DATETIME NOT NULL
                );
                CREATE TABLE session (
                    id TEXT PRIMARY KEY NOT NULL,
                    number INTEGER NOT NULL UNIQUE,
                    partnerID TEXT NOT NULL REFERENCES partner(id) ON DELETE RESTRICT,
                    playbookID TEXT NOT NULL,
                    playbookVersion TEXT NOT NULL,
                    playbookDigest TEXT NOT NULL,
                    snapshot BLOB NOT NULL,
                    status TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    createdAt DATETIME NOT NULL,
                    updatedAt DATETIME NOT NULL
                );
                CREATE INDEX session_partner ON session(partnerID);
                CREATE TABLE answer (
                    id TEXT PRIMARY KEY NOT NULL,
                    sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    questionID TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    value TEXT,
                    createdAt DATETIME NOT NULL,
                    UNIQUE (sessionID, questionID, revision)
                );
                CREATE TABLE note (
                    id TEXT PRIMARY KEY NOT NULL,
                    partnerID TEXT REFERENCES partner(id) ON DELETE CASCADE,
                    sessionID TEXT REFERENCES session(id) ON DELETE SET NULL,
                    questionID TEXT,
                    text TEXT NOT NULL,
                    isPrivate BOOLEAN NOT NULL DEFAULT 0,
                    createdAt DATETIME NOT NULL,
                    updatedAt DATETIME NOT NULL
                );
                CREATE INDEX note_partner ON note(partnerID);
                CREATE INDEX note_session ON note(sessionID);
                """)
        }
        migrator.registerMigration("v2-terms-values-actions") { db in
            try db.execute(sql: """
                CREATE TABLE term (
                    id TEXT PRIMARY KEY NOT NULL,
                    partnerID TEXT REFERENCES partner(id) ON DELETE CASCADE,
                    sessionID TEXT REFERENCES session(id) ON DELETE SET NULL,
                    questionID TEXT,
                    term TEXT NOT NULL,
                    meaning TEXT NOT NULL,
                    createdAt DATETIME NOT NULL,
                    updatedAt DATETIME NOT NULL
                );
                CREATE INDEX term_partner ON term(partnerID);
                CREATE TABLE valueItem (
                    id TEXT PRIMARY KEY NOT NULL,
                    partnerID TEXT REFERENCES partner(id) ON DELETE CASCADE,
                    sessionID TEXT REFERENCES session(id) ON DELETE SET NULL,
                    questionID TEXT,
                    value TEXT NOT NULL,
                    benefits TEXT NOT NULL,
                    lens TEXT NOT NULL,
                    horizon TEXT NOT NULL,
                    evidence TEXT NOT NULL,
                    createdAt DATETIME NOT NULL,
                    updatedAt DATETIME NOT NULL
                );
                CREATE INDEX valueItem_partner ON valueItem(partnerID);
                CREATE TABLE actionItem (
                    id TEXT PRIMARY KEY NOT NULL,
                    partnerID TEXT REFERENCES partner(id) ON DELETE CASCADE,
                    sessionID TEXT REFERENCES session(id) ON DELETE SET NULL,
                    questionID TEXT,
                    text TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    due TEXT,
                    doneAt DATETIME,
                    createdAt DATETIME NOT NULL,
                    updatedAt DATETIME NOT NULL
                );
                CREATE INDEX actionItem_partner ON actionItem(partnerID);
                CREATE INDEX actionItem_open ON actionItem(doneAt, due);
                CREATE INDEX answer_session ON answer(sessionID);
                """)
        }
        migrator.registerMigration("v3-search") { db in
            // One full-text index over answers, notes, terms and value items, kept current by triggers
            // so every way of writing (the shell, imports) is indexed.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE searchIndex USING fts5(
                    body, kind UNINDEXED, ref UNINDEXED, partnerID UNINDEXED,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER answer_search_insert AFTER INSERT ON answer WHEN new.value IS NOT NULL BEGIN
                    INSERT INTO searchIndex (body, kind, ref, partnerID)
                    VALUES (new.value, 'answer', new.id, (SELECT partnerID FROM session WHERE id = new.sessionID));
                END;
                CREATE TRIGGER answer_search_delete AFTER DELETE ON answer BEGIN
                    DELETE FROM searchIndex WHERE kind = 'answer' AND ref = old.id;
                END;
                CREATE TRIGGER note_search_insert AFTER INSERT ON note BEGIN
                    INSERT INTO searchIndex (body, kind, ref, partnerID) VALUES (new.text, 'note', new.id, new.partnerID);
                END;
                CREATE TRIGGER note_search_update AFTER UPDATE OF text, partnerID ON note BEGIN
                    DELETE FROM searchIndex WHERE kind = 'note' AND ref = old.id;
                    INSERT INTO searchIndex (body, kind, ref, partnerID) VALUES (new.text, 'note', new.id, new.partnerID);
                END;
                CREATE TRIGGER note_search_delete AFTER DELETE ON note BEGIN
                    DELETE FROM searchIndex WHERE kind = 'note' AND ref = old.id;
                END;
                CREATE TRIGGER term_search_insert AFTER INSERT ON term BEGIN
                    INSERT INTO searchIndex (body, kind, ref, partnerID)
                    VALUES (new.term || ': ' || new.meaning, 'term', new.id, new.partnerID);
                END;
                CREATE TRIGGER term_search_update AFTER UPDATE OF term, meaning, partnerID ON term BEGIN
                    DELETE FROM searchIndex WHERE kind = 'term' AND ref = old.id;
                    INSERT INTO searchIndex (body, kind, ref, partnerID)
                    VALUES (new.term || ': ' || new.meaning, 'term', new.id, new.partnerID);
                END;
                CREATE TRIGGER term_search_delete AFTER DELETE ON term BEGIN
                    DELETE FROM searchIndex WHERE kind = 'term' AND ref = old.id;
                END;
                CREATE TRIGGER value_search_insert AFTER INSERT ON valueItem BEGIN
                    INSERT INTO searchIndex (body, kind, ref, partnerID) VALUES (new.value, 'value', new.id, new.partnerID);
                END;
                CREATE TRIGGER value_search_update AFTER UPDATE OF value, partnerID ON valueItem BEGIN
                    DELETE FROM searchIndex WHERE kind = 'value' AND ref = old.id;
                    INSERT INTO searchIndex (body, kind, ref, partnerID) VALUES (new.value, 'value', new.id, new.partnerID);
                END;
                CREATE TRIGGER value_search_delete AFTER DELETE ON valueItem BEGIN
                    DELETE FROM searchIndex WHERE kind = 'value' AND ref = old.id;
                END;
                INSERT INTO searchIndex (body, kind, ref, partnerID)
                    SELECT answer.value, 'answer', answer.id, session.partnerID
                    FROM answer JOIN session ON session.id = answer.sessionID WHERE answer.value IS NOT NULL;
                INSERT INTO searchIndex (body, kind, ref, partnerID) SELECT text, 'note', id, partnerID FROM note;
                INSERT INTO searchIndex (body, kind, ref, partnerID) SELECT term || ': ' || meaning, 'term', id, partnerID FROM term;
                INSERT INTO searchIndex (body, kind, ref, partnerID) SELECT value, 'value', id, partnerID FROM valueItem;
                """)
        }
        migrator.registerMigration("v4-answer-revisions-merge") { db in
            // An answer revision's identity is its id: two people may revise the same answer, and a
            // bundle brings both revisions. Rebuilt without UNIQUE (sessionID, questionID, revision),
            // which made the per-database revision counter an identity. Migrations run with foreign
            // keys off and checked at the end, so the table can be replaced in place; the index and
            // the search triggers belong to the old table and are made again.
            try db.execute(sql: """
                CREATE TABLE answer_v4 (
                    id TEXT PRIMARY KEY NOT NULL,
                    sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    questionID TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    value TEXT,
                    createdAt DATETIME NOT NULL
                );
                INSERT INTO answer_v4 (id, sessionID, questionID, revision, value, createdAt)
                    SELECT id, sessionID, questionID, revision, value, createdAt FROM answer ORDER BY rowid;
                DROP TABLE answer;
                ALTER TABLE answer_v4 RENAME TO answer;
                CREATE INDEX answer_session ON answer(sessionID, questionID, createdAt);
                CREATE TRIGGER answer_search_insert AFTER INSERT ON answer WHEN new.value IS NOT NULL BEGIN
                    INSERT INTO searchIndex (body, kind, ref, partnerID)
                    VALUES (new.value, 'answer', new.id, (SELECT partnerID FROM session WHERE id = new.sessionID));
                END;
                CREATE TRIGGER answer_search_delete AFTER DELETE ON answer BEGIN
                    DELETE FROM searchIndex WHERE kind = 'answer' AND ref = old.id;
                END;
                """)
        }
        migrator.registerMigration("v5-parties-partnerships-values", migrate: partiesPartnershipsValues)
        migrator.registerMigration("v6-listing-order") { db in
            // Listings read one page in a stable order (newest first, then insertion) and count the
            // rest: these indexes give that order without sorting every row.
            try db.execute(sql: """
                CREATE INDEX note_created ON note(createdAt);
                CREATE INDEX note_partner_created ON note(partnerID, createdAt);
                CREATE INDEX valueItem_created ON valueItem(createdAt);
                CREATE INDEX term_name ON term(term COLLATE NOCASE);
                """)
        }
        migrator.registerMigration("v7-search-prefix-index", migrate: searchPrefixIndex)
        return migrator
    }
}
