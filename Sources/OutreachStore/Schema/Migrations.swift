import GRDB

/// The schema, as named migrations. A migration that has shipped is never edited: add a new one.
enum Migrations {
    /// 'OUTR' in ASCII: marks a SQLite file as an outreach database.
    static let applicationID: Int32 = 0x4F55_5452

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-partners-sessions-answers-notes") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
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
        return migrator
    }
}
