import Foundation

/// What can go wrong with the database, worded so the user knows what to do next.
public enum StoreError: LocalizedError, Equatable {
    case notAnOutreachDatabase(path: String)
    case unreadable(path: String, reason: String)
    case newerSchema(path: String, unknown: [String])
    case cannotCreate(path: String, reason: String)
    case duplicatePartner(name: String)
    case unknownPartner(name: String, suggestion: String?)
    case duplicateParty(name: String)
    case duplicatePartnership(name: String)
    case unknownPartnership(name: String, suggestion: String?)
    case unknownSession(reference: String)
    case unknownRecord(kind: String, reference: String)
    case ambiguousRecord(kind: String, reference: String)
    case badBundle(path: String, line: Int, reason: String)
    case backupFailed(path: String, reason: String)
    case exportFailed(path: String, reason: String)
    case damaged(path: String)
    case busy(path: String)
    case readOnly(path: String)
    case folderNotWritable(path: String, folder: String)
    case permissionDenied(path: String)
    case diskFull(path: String)
    case danglingLink(path: String, target: String)
    case notAFile(path: String, kind: String)
    case cannotMakePrivate(path: String, reason: String)
    case missingFileName(option: String, example: String)
    case failed(path: String, reason: String)
    // A PostgreSQL team database (`path` is its address, never with a password).
    case badAddress(path: String, reason: String)
    case passwordInAddress(path: String)
    case serverUnreachable(path: String, server: String, reason: String)
    case authenticationFailed(path: String, user: String)
    case databaseMissing(path: String, database: String)
    case notPermitted(path: String, reason: String)
    case needsOwner(path: String, reason: String)
    case lostConnection(path: String, server: String)
    case tlsFailed(path: String, reason: String)
    case invalidRoleName(path: String, name: String)
    case onlyOwnerAddsLeads(path: String)
    case teamBackup(path: String, command: String)
    case needsTeamDatabase(command: String)
    case publishedDifferently(id: String, version: String)

    public var errorDescription: String? {
        switch self {
        case .notAnOutreachDatabase(let path):
            "'\(path)' is not an outreach database; nothing was written to it. Pass a new file name with --db, or the path of an outreach database."
        case .unreadable(let path, let reason):
            "'\(path)' cannot be read as a database (\(reason)); nothing was written to it. Restore it from a backup, or pass another file with --db."
        case .newerSchema(let path, let unknown):
            "'\(path)' was written by a newer version of outreach (schema \(unknown.joined(separator: ", "))); it was left unchanged. Update outreach to open it."
        case .cannotCreate(let path, let reason):
            "cannot create the database '\(path)': \(reason). Check that the folder exists and is writable, or pass another file with --db."
        case .needsTeamDatabase(let command):
            "'\(command)' works on a team database: open one with --db postgresql://USER@HOST:PORT/DBNAME (see docs/team.md; 'make team-db' starts one to try)."
        case .duplicateParty(let name):
            "the name '\(name)' already belongs to a party. Run 'parties' to see every party and its other names."
        case .duplicatePartnership(let name):
            "a partnership named '\(name)' already exists. Use 'partnership \"\(name)\"' to see it, or choose another name."
        case .unknownPartnership(let name, let suggestion):
            "there is no partnership '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ".") + " Run 'partnerships' to list them."
        case .duplicatePartner(let name):
            "a partner named '\(name)' already exists. Use 'partner show \"\(name)\"' to see it, or choose another name."
        case .unknownPartner(let name, let suggestion):
            "there is no partner named '\(name)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? " Run 'partners' to list them, or 'partner add' to add one.")
        case .unknownSession(let reference):
            "there is no session '\(reference)'. Run 'sessions' to list them."
        case .unknownRecord(let kind, let reference):
            "there is no \(kind) '\(reference)'. Run '\(kind == "term" ? "glossary" : kind + "s")' to list them with their ids."
        case .ambiguousRecord(let kind, let reference):
            "more than one \(kind) starts with '\(reference)'; type more characters of its id."
        case .badBundle(let path, let line, let reason):
            "'\(path)' line \(line) is not a valid outreach bundle (\(reason)); nothing was imported."
        case .backupFailed(let path, let reason):
            "cannot back up to '\(path)': \(reason); nothing was written. Choose a new file in a folder you can write to."
        case .exportFailed(let path, let reason):
            "cannot write the bundle '\(path)': \(reason); nothing was written. Choose a new file in a folder you can write to."
        case .damaged(let path):
            "'\(path)' is damaged (SQLite found a corrupt page); outreach will not write to it again in this run. "
                + "Keep a copy of the file, then restore your latest 'backup' copy, or rescue what you can with sqlite3's "
                + "'.recover' command (sqlite3 '\(path)' .recover | sqlite3 recovered.sqlite)."
        case .busy(let path):
            "'\(path)' is busy: another outreach is writing to it (a large import, perhaps); nothing was saved by this command. Try it again in a moment."
        case .readOnly(let path):
            "'\(path)' is read-only, so outreach cannot save to it; nothing was written. Make it writable with 'chmod u+w \(path)', or open a copy with --db."
        case .folderNotWritable(let path, let folder):
            "the folder '\(folder)' of '\(path)' is read-only, and SQLite keeps its log beside the database; nothing was written. "
                + "Make the folder writable, or move the database to a folder you can write to."
        case .permissionDenied(let path):
            "outreach may not read '\(path)' (permission denied); nothing was written to it. Check the file's owner and mode with 'ls -l', or pass another file with --db."
        case .diskFull(let path):
            "the disk holding '\(path)' is full; nothing was saved by this command. Free some space and try again."
        case .danglingLink(let path, let target):
            "'\(path)' is a symbolic link to '\(target)', which does not exist; nothing was created. Fix or remove the link, or pass another file with --db."
        case .notAFile(let path, let kind):
            "'\(path)' is \(kind), not a database file; nothing was written to it. Pass the path of a database file with --db"
                + (kind == "a folder" ? ", for example '--db \(URL(fileURLWithPath: path).appendingPathComponent("outreach.sqlite").path)'." : ".")
        case .cannotMakePrivate(let path, let reason):
            "'\(path)' can be read by other users and outreach cannot make it private (\(reason)); nothing was written. Run 'chmod 600 \(path)', or pass another file with --db."
        case .missingFileName(let option, let example):
            "\(option) needs a file name, for example '\(example)'."
        case .publishedDifferently(let id, let version):
            "the playbook '\(id)' version \(version) is already published with different content; nothing was published. "
                + "Bump 'version:' in the playbook and publish again."
        case .failed(let path, let reason):
            "outreach could not finish this command on '\(path)' (\(reason)); nothing was saved by it. "
                + "Run 'check', and if it reports a problem, restore your latest 'backup' copy."
        case .badAddress(let path, let reason):
            "'\(path)' is not a team database address (\(reason)). Write it as postgresql://USER@HOST:PORT/DATABASE, "
                + "optionally with ?sslmode=disable, require or verify-full."
        case .passwordInAddress(let path):
            "the address '\(path)' holds a password; outreach does not take one there, because addresses end up in the shell "
                + "history and in messages. Remove it from the address and set PGPASSWORD, or add a line "
                + "HOST:PORT:DATABASE:USER:PASSWORD to ~/.pgpass (mode 600)."
        case .serverUnreachable(let path, let server, let reason):
            "cannot reach the PostgreSQL server at \(server) for '\(path)' (\(reason)); nothing was written. "
                + "Check that the server is running and the host and port are right (for a local test server, run 'make team-db')."
        case .authenticationFailed(let path, let user):
            "the server refused the login of role '\(user)' for '\(path)': the password is wrong or none was given; nothing was written. "
                + "Set PGPASSWORD, or add a line HOST:PORT:DATABASE:USER:PASSWORD to ~/.pgpass (mode 600), "
                + "or ask the database's owner to set your password."
        case .databaseMissing(let path, let database):
            "there is no database '\(database)' on the server of '\(path)'; nothing was written. "
                + "Check the name in the address, or ask the server's owner to create it (createdb \(database))."
        case .notPermitted(let path, let reason):
            "your database role may not do this in '\(path)' (\(reason)); nothing was saved by this command. "
                + "Ask the database's owner to add you as a lead with 'db add-lead ROLE'."
        case .needsOwner(let path, let reason):
            "'\(path)' needs its tables or its lead role set up, and only the database's owner can do that (\(reason)); "
                + "nothing was changed. Ask the owner to open it once with outreach, then try again."
        case .lostConnection(let path, let server):
            "the PostgreSQL server at \(server) for '\(path)' cannot be reached; nothing was saved for this line. "
                + "At the terminal the line is kept: press Enter to send it again once the server is back."
        case .tlsFailed(let path, let reason):
            "cannot set up an encrypted connection to '\(path)' (\(reason)); nothing was written. "
                + "Check the server's certificate, or for a server you trust on a private network add ?sslmode=require "
                + "(encrypted, not verified) or ?sslmode=disable to the address."
        case .invalidRoleName(let path, let name):
            "'\(name)' cannot be a lead's role in '\(path)': use lower-case letters, digits and _ (not first), "
                + "at most 63 characters, not starting with pg_, for example 'db add-lead maria_lopez'."
        case .onlyOwnerAddsLeads(let path):
            "only the owner of '\(path)' (a role that may create roles) can add leads; nothing was changed. "
                + "Ask them to run 'db add-lead ROLE'."
        case .teamBackup(let path, let command):
            "'\(path)' is a team database on a PostgreSQL server; outreach does not copy it. "
                + "Its owner backs it up with pg_dump, for example: \(command) "
                + "To keep the records you can read in a SQLite file of your own, use 'db copy --from \(path) --to FILE'."
        }
    }
}

/// Something opening changed that the user should be told once, worded here like every error.
public enum StoreNotice: Equatable, CustomStringConvertible, Sendable {
    case madePrivate(path: String, mode: Int)

    public var description: String {
        switch self {
        case .madePrivate(let path, let mode):
            "'\(path)' could be read by other users (mode \(String(mode, radix: 8))); outreach made it and its -wal and -shm files private to you (mode 600)."
        }
    }
}

extension StoreError {
    /// The team database's server went away: nothing of the line was saved, and sending the same
    /// line again once the server is back is safe (records carry their ids).
    public var isConnectionLost: Bool {
        if case .lostConnection = self { return true }
        return false
    }
}
