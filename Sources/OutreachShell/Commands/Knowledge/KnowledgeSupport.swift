import Foundation
import OutreachCore
import OutreachSessions
import OutreachStore

extension ShellContext {
    /// The partner, session and question a new record is filed under (the session engine's rule).
    func captureTarget(partnerName: String?, required: Bool = true) throws -> CaptureTarget {
        try engine.captureTarget(partnerName: partnerName, required: required)
    }
}

/// Small text helpers shared by the knowledge commands.
enum KnowledgeText {
    /// A tag as typed (`#Privacy` or `privacy`) in the form notes store it.
    static func tag(_ typed: String) -> String {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        return (trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed).lowercased()
    }

    /// Values of a repeatable option, each also split at commas, trimmed, empty ones dropped.
    static func items(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Words typed after a command, joined and trimmed.
    static func joined(_ words: [String]) -> String {
        words.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// " on QUESTION" when the record was captured on a question.
    static func place(_ questionID: String?) -> String {
        questionID.map { " on \($0)" } ?? ""
    }

    /// The case of `T` named by `text` (any letter case), or an error listing the allowed values.
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, for option: String, noun: String) throws -> T where T.RawValue == String {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let value = T(rawValue: lowered) { return value }
        let allowed = T.allCases.map(\.rawValue)
        let suggestion = Suggestions.phrase(for: lowered, in: allowed).map { " (\($0))" } ?? ""
        throw ShellError.usage("'\(text)' is not a \(noun)\(suggestion); give \(option) one of: \(allowed.joined(separator: ", ")).")
    }
}

/// Candidates for the options of the knowledge commands, read from the database.
enum KnowledgeCompletion {
    static var lenses: [String] { ValueLens.allCases.map(\.rawValue) }
    static var horizons: [String] { ValueHorizon.allCases.map(\.rawValue) }

    /// The #tags used in the newest 1,000 notes (TAB never reads every note).
    static func tags(in context: ShellContext) -> [String] {
        Set(((try? context.database.notePage(partnerID: nil, sector: nil, tag: nil, PageRequest(limit: 1_000)).rows) ?? []).flatMap(\.tags)).sorted()
    }

    /// Short ids of the newest 200 notes, newest first.
    static func noteIDs(in context: ShellContext) -> [String] {
        ((try? context.database.notePage(partnerID: nil, sector: nil, tag: nil, PageRequest(limit: 200)).rows) ?? []).reversed().map(\.id.short)
    }

    /// Short ids of the actions not done yet.
    static func openActionIDs(in context: ShellContext) -> [String] {
        ((try? context.database.actions()) ?? []).filter(\.isOpen).map(\.id.short)
    }

    /// Owners named in the action log.
    static func owners(in context: ShellContext) -> [String] {
        Set(((try? context.database.actions()) ?? []).map(\.owner)).sorted().map(Tokenizer.quote)
    }

    /// Every party's name and alias, then the beneficiaries the sector plugins' typical values name.
    static func beneficiaries(in context: ShellContext) -> [String] {
        let parties = (try? context.database.partyNames()) ?? []
        let known = Set(parties.map { $0.lowercased() })
        let typical = Set(context.catalog.sectors.flatMap { $0.values.flatMap(\.benefits) }).filter { !known.contains($0.lowercased()) }
        return (parties + typical.sorted()).map(Tokenizer.quote)
    }
}
