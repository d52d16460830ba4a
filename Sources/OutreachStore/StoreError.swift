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
