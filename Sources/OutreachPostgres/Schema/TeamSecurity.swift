import PostgresNIO

/// Who may do what in a team database. Every lead belongs to one group role per database,
/// `<database>_lead` (NOLOGIN), which holds exactly: CONNECT on the database, USAGE on the schema,
/// SELECT and INSERT on the tables a lead writes, UPDATE where the app updates (column by column
/// where a row has an author, so nobody rewrites who wrote it), DELETE only where a bundle import
/// merges parties and partnerships, USAGE on the sequences, EXECUTE on `note_relink_partnership`
/// (from `pg3-note-partnership-links`, see `noteLinks`), and no DDL.
///
/// Row-level security is enabled and forced (so the owner obeys it too when using outreach):
/// - note: a private note is seen, found by search and updated only by its author
///   (`NOT isPrivate OR author = current_user`); a note is inserted only as oneself;
/// - note, for the owner inside `note_relink_partnership` only: every note may be read and have its
///   partnership moved (`outreach.relink_notes` is on only while that function runs);
/// - noteSearch has no row-level security: it holds only public notes' `tsvector`s (no text), and
///   leads may only read it;
/// - answer, term, valueItem, actionItem, publishedPlaybook: everyone reads every row; rows are
///   inserted only as oneself (`author` or `publishedBy` = `current_user`).
enum TeamSecurity {
    /// A role or database name as a quoted SQL identifier. Only for names that were checked or
    /// come from the server itself.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The lead group's name for a database, or nil when it would pass PostgreSQL's 63-byte limit.
    static func groupRole(forDatabase database: String) -> String? {
        let name = database + "_lead"
        return name.utf8.count <= 63 ? name : nil
    }

    /// Whether `name` may be a lead's role: lower-case letters, digits and `_`, not starting with a
    /// digit, at most 63 characters, and not one of PostgreSQL's own `pg_` roles.
    static func isValidRoleName(_ name: String) -> Bool {
        guard (1...63).contains(name.utf8.count), !name.hasPrefix("pg_"), name != "public" else { return false }
        return name.utf8.enumerated().allSatisfy { index, byte in
            byte == 0x5F || (0x61...0x7A).contains(byte) || (index > 0 && (0x30...0x39).contains(byte))
        }
    }

    /// The statements that grant the group its rights and set up row-level security.
    static func statements(database: String, group: String) -> [String] {
        let db = quoted(database), lead = quoted(group)
        let authorTables = ["answer", "note", "term", "valueItem", "actionItem"]
        var sql = [
            "REVOKE CONNECT, TEMPORARY ON DATABASE \(db) FROM PUBLIC",
            "GRANT CONNECT ON DATABASE \(db) TO \(lead)",
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            "GRANT USAGE ON SCHEMA public TO \(lead)",
            "GRANT SELECT ON outreach_migration TO \(lead)",
            // Only public notes' words, written by the SECURITY DEFINER trigger on note (see `TeamSchema`).
            "GRANT SELECT ON noteSearch TO \(lead)",
            "GRANT SELECT, INSERT, UPDATE ON partner, session, party, partyAlias, partnership, partnershipMember TO \(lead)",
            "GRANT DELETE ON party, partyAlias, partnership, partnershipMember TO \(lead)",
            "GRANT SELECT, INSERT ON answer, note, term, valueItem, actionItem, publishedPlaybook TO \(lead)",
            "GRANT UPDATE (partnerID, partnershipID, sessionID, questionID, text, isPrivate, updatedAt) ON note TO \(lead)",
            "GRANT UPDATE (partnerID, sessionID, questionID, term, meaning, updatedAt) ON term TO \(lead)",
            """
            GRANT UPDATE (partnerID, partnershipID, sessionID, questionID, value, benefits, lens, lenses, horizon, way, perspective,
                          beneficiaryIDs, payerIDs, evidence, updatedAt) ON valueItem TO \(lead)
            """,
            "GRANT UPDATE (partnerID, partnershipID, sessionID, questionID, text, owner, due, doneAt, updatedAt) ON actionItem TO \(lead)",
            "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(lead)",
        ]
        for table in authorTables + ["publishedPlaybook"] {
            sql.append("ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY")
            sql.append("ALTER TABLE \(table) FORCE ROW LEVEL SECURITY")
        }
        sql += [
            "CREATE POLICY note_read ON note FOR SELECT USING (NOT isPrivate OR author = current_user)",
            "CREATE POLICY note_update ON note FOR UPDATE USING (NOT isPrivate OR author = current_user)",
            "CREATE POLICY note_insert ON note FOR INSERT WITH CHECK (author = current_user)",
            "CREATE POLICY publishedPlaybook_read ON publishedPlaybook FOR SELECT USING (true)",
            "CREATE POLICY publishedPlaybook_insert ON publishedPlaybook FOR INSERT WITH CHECK (publishedBy = current_user)",
        ]
        for table in authorTables where table != "note" {
            sql.append("CREATE POLICY \(table)_read ON \(table) FOR SELECT USING (true)")
            sql.append("CREATE POLICY \(table)_insert ON \(table) FOR INSERT WITH CHECK (author = current_user)")
            if table != "answer" { sql.append("CREATE POLICY \(table)_update ON \(table) FOR UPDATE USING (true)") }
        }
        return sql
    }

    /// `pg3-note-partnership-links`: who may run `note_relink_partnership` (see
    /// `TeamSchema.noteRelink`), which a bundle import calls to move every note of a partnership
    /// merged away, other leads' private notes included, without reading them. Nobody but the
    /// lead group (and the owner, who owns it) may call it. The policies let the role that
    /// migrates, which owns the function, reach every note only while the function runs: it
    /// sets `outreach.relink_notes` for its own duration. A lead setting it gains nothing: the
    /// policies are for the owner's role alone.
    static func noteLinks(group: String) -> [String] {
        let lead = quoted(group)
        let relinking = "current_setting('outreach.relink_notes', true) = 'on'"
        return [
            "REVOKE EXECUTE ON FUNCTION note_relink_partnership(uuid, uuid) FROM PUBLIC",
            "GRANT EXECUTE ON FUNCTION note_relink_partnership(uuid, uuid) TO \(lead)",
            "CREATE POLICY note_relink_read ON note FOR SELECT TO CURRENT_USER USING (\(relinking))",
            "CREATE POLICY note_relink_update ON note FOR UPDATE TO CURRENT_USER USING (\(relinking)) WITH CHECK (\(relinking))",
        ]
    }
}
