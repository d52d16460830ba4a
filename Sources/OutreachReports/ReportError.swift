import Foundation
import OutreachCore

/// Errors of reports and the files they write; every message says what to do next.
public enum ReportError: LocalizedError, Equatable {
    case fileExists(String)
    case cannotWrite(String, reason: String)
    case sessionOfAnotherPartner(number: Int64, partner: String, owner: String)
    case unreadableSnapshot(number: Int64)

    public var errorDescription: String? {
        switch self {
        case .fileExists(let path):
            "'\(path)' already exists; add --force to replace it, or choose another path."
        case .cannotWrite(let path, let reason):
            "cannot write '\(path)': \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason)."
        case .sessionOfAnotherPartner(let number, let partner, let owner):
            "session \(number) is with \(owner), not \(partner). Run 'sessions --partner \(Tokenizer.quote(partner))' to list theirs."
        case .unreadableSnapshot(let number):
            "session \(number) holds a playbook snapshot that cannot be read. Restore the database from a backup, or start a new session."
        }
    }
}
