import Foundation

/// What can go wrong with the database, worded so the user knows what to do next.
public enum StoreError: LocalizedError, Equatable {
    case notAnOutreachDatabase(path: String)
    case unreadable(path: String, reason: String)
    case newerSchema(path: String, unknown: [String])
    case cannotCreate(path: String, reason: String)
    case duplicatePartner(name: String)
    case unknownPartner(name: String, suggestion: String?)
    case unknownSession(reference: String)
    case unknownRecord(kind: String, reference: String)
    case ambiguousRecord(kind: String, reference: String)
    case badBundle(path: String, line: Int, reason: String)
    case backupFailed(path: String, reason: String)

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
            "cannot back up to '\(path)': \(reason). Choose a new file in a writable folder."
        }
    }
}
