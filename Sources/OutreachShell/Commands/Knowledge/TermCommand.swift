import ArgumentParser
import Foundation
import OutreachCore
import OutreachStore

struct TermCommand: ShellCommand {
    /// Its text is about people: never kept in the history file.
    var keepsInHistory: Bool { false }

    static let configuration = CommandConfiguration(
        commandName: "term", abstract: "Capture a partner's word and what it means (shown by 'glossary').",
        discussion: "Inside a running playbook, '/term' also records the session and the current question.")
    static let group = CommandGroup.knowledge
    static let example = "term \"HMIS\" \"the shared database of everyone served by homeless services\" --partner \"Riverside Housing Authority\""

    @Argument(help: "The word or abbreviation, as the partner uses it.") var term: String
    @Argument(help: "What it means, in the team's words.") var meaning: String
    @Option(help: "The partner (default: the current one).") var partner: String?

    func run(in context: ShellContext) throws {
        let word = term.trimmingCharacters(in: .whitespacesAndNewlines)
        let meaning = meaning.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !word.isEmpty, !meaning.isEmpty else {
            throw ShellError.usage("give the term and its meaning, each in quotes: term \"ATM\" \"automated teller machine\".")
        }
        let target = try context.captureTarget(partnerName: partner)
        let saved = try context.database.addTerm(Term(
            partnerID: target.partner?.id, sessionID: target.sessionID, questionID: target.questionID, term: word, meaning: meaning))
        context.print("Added '\(saved.term)' to the glossary for \(target.partner?.name ?? "the team")\(KnowledgeText.place(saved.questionID)).")
    }
}

/// The terms the team captured in conversation, as `glossary` shows them beside the plugins' terms.
enum TeamGlossary {
    struct Entry {
        var term: Term
        /// The partner's name, or "the team" for a term without a partner.
        var partner: String
    }

    /// A page of the captured terms, first by name, with their partners' names.
    static func entries(in context: ShellContext, _ request: PageRequest = PageRequest()) throws -> Page<Entry> {
        let page = try context.database.termPage(partnerID: nil, request)
        return Page(rows: try entries(page.rows, in: context), total: page.total)
    }

    /// The captured terms spelled `word` (any case).
    static func entries(named word: String, in context: ShellContext) throws -> [Entry] {
        try entries(try context.database.terms(named: word), in: context)
    }

    private static func entries(_ terms: [Term], in context: ShellContext) throws -> [Entry] {
        let names = try context.database.partnerNames(ids: terms.compactMap(\.partnerID))
        return terms.map { Entry(term: $0, partner: $0.partnerID.flatMap { names[$0] } ?? "the team") }
    }

    /// Every term once, with the sectors whose plugins define it and the partners it was captured with.
    static func listing(plugin entries: [(term: String, sector: String)], captured: [Entry], style: Style) -> String {
        var order: [String] = []
        var display: [String: String] = [:]
        var sectors: [String: [String]] = [:]
        var partners: [String: [String]] = [:]
        func note(_ term: String) -> String {
            let key = term.lowercased()
            if display[key] == nil { display[key] = term; order.append(key) }
            return key
        }
        for entry in entries { sectors[note(entry.term), default: []].append(entry.sector) }
        for entry in captured {
            let key = note(entry.term.term)
            if !(partners[key] ?? []).contains(entry.partner) { partners[key, default: []].append(entry.partner) }
        }
        let keys = order.sorted()
        if captured.isEmpty {
            let rows = keys.map { [display[$0]!, (sectors[$0] ?? []).joined(separator: ", ")] }
            return Table(headers: ["term", "sectors"], rows: rows).render(style: style)
        }
        let rows = keys.map { [display[$0]!, (sectors[$0] ?? []).joined(separator: ", "), (partners[$0] ?? []).joined(separator: ", ")] }
        return Table(headers: ["term", "sectors", "captured with"], rows: rows).render(style: style)
    }

    /// The captured meanings of `term` (any letter case), labelled with the partner.
    static func lookup(_ term: String, in captured: [Entry], style: Style) -> [String] {
        captured.filter { $0.term.term.caseInsensitiveCompare(term) == .orderedSame }.flatMap { entry in
            [style.bold(entry.term.term) + style.dim(" (captured with \(entry.partner))"),
             TextLayout.wrap(entry.term.meaning, width: style.width, indent: "  ")]
        }
    }
}
