import ArgumentParser
import Foundation
import OutreachCore
import OutreachSessions
import OutreachStore

struct SearchCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find words in answers, notes, terms and values, best matches first.",
        discussion: "Every word must match, and matches the start of a word: 'priv' finds 'privacy'. "
            + "Each result says where it came from: the partner, the session and the question; an answer that no "
            + "longer counts says so. Ranking: of the newest \(SearchFilter.defaultWindow) records that match, the best come first "
            + "(in a SQLite file by bm25: rarer words and shorter texts count more; in a team database by PostgreSQL's ts_rank: "
            + "more occurrences of the words count more), ties newest first; --all ranks every match and shows them all. "
            + "With --tag and no words, lists the notes with that tag, newest first.")
    static let group = CommandGroup.knowledge
    static let example = "search tenant priv --sector housing"

    @Argument(help: "The words to look for.") var words: [String] = []
    @Option(help: "Only this partner's records.") var partner: String?
    @Option(help: "Only records of partners in this sector.") var sector: String?
    @Option(help: "Only notes with this #tag (the # is optional).") var tag: String?
    @Option(help: "Show at most N results (default \(Self.defaultLimit)).") var limit: Int?
    @Flag(help: "Rank every match, not only the newest \(SearchFilter.defaultWindow), and show them all.") var all = false

    /// The results shown when --limit is not given.
    static let defaultLimit = 20

    func run(in context: ShellContext) throws {
        let query = KnowledgeText.joined(words)
        let target = try partner.map { try context.database.partner(named: $0) }
        let sectorID = try sector.map { try context.sector($0).id }
        let tag = self.tag.map(KnowledgeText.tag)
        let request = try Listing.request(limit: limit, all: all, since: nil)
        let filter = SearchFilter(partnerID: target?.id, sector: sectorID, tag: tag, limit: all ? nil : (limit ?? Self.defaultLimit),
                                  window: all ? nil : max(SearchFilter.defaultWindow, request.limit ?? 0))
        guard !query.isEmpty else {
            guard let tag else { throw ShellError.usage("say what to look for, such as 'search tenant records', or name a tag: 'search --tag privacy'.") }
            try listTagged(tag, filter: filter, in: context)
            return
        }
        let result = try context.database.searchPage(query, filter: filter)
        let hits = result.hits
        guard !hits.isEmpty else {
            var narrowed: [String] = []
            if let target { narrowed.append("about \(target.name)") }
            if let sectorID { narrowed.append("in the \(sectorID) sector") }
            if let tag { narrowed.append("in notes tagged #\(tag)") }
            let scope = narrowed.isEmpty ? "" : " " + narrowed.joined(separator: ", ")
            let hint = narrowed.isEmpty ? "Try fewer or shorter words: each word must match the start of a word."
                : "Try without the filters, or with fewer or shorter words."
            context.print("Nothing\(scope) matches '\(query)'. \(hint)")
            return
        }
        let style = context.style
        for (index, hit) in hits.enumerated() {
            context.print("\(index + 1). " + style.dim(Self.source(of: hit, standing: try standing(of: hit, in: context))))
            context.print(TextLayout.wrap(Self.highlight(hit.snippet, style: style), width: style.width, indent: "   "))
        }
        if let footer = Self.footer(shown: hits.count, result: result) { context.print(style.dim(footer)) }
    }

    /// Notes carrying the tag, newest first, in the search's layout: one page and how many more.
    private func listTagged(_ tag: String, filter: SearchFilter, in context: ShellContext) throws {
        let page = try context.database.notePage(partnerID: filter.partnerID, sector: filter.sector, tag: tag,
                                                 PageRequest(limit: all ? nil : filter.limit))
        guard !page.rows.isEmpty else {
            context.print("No notes are tagged #\(tag). Type 'notes' to list every note.")
            return
        }
        let names = try context.database.partnerNames(ids: page.rows.compactMap(\.partnerID))
        let sessions = try context.database.sessionNumbers(ids: page.rows.compactMap(\.sessionID))
        for (index, note) in page.rows.reversed().enumerated() {
            var parts = ["note"]
            if let name = note.partnerID.flatMap({ names[$0] }) { parts.append(name) }
            if let number = note.sessionID.flatMap({ sessions[$0] }) { parts.append("session \(number)") }
            if let question = note.questionID { parts.append(question) }
            context.print("\(index + 1). " + context.style.dim(parts.joined(separator: " · ")))
            context.print(TextLayout.wrap(note.text.replacingOccurrences(of: "\n", with: " "), width: context.style.width, indent: "   "))
        }
        if let footer = Listing.footer(page, noun: "tagged notes", dated: false) { context.print(context.style.dim(footer)) }
    }

    /// "Showing the best 20 of 143 matches; ..." when matches were left out, or nil.
    static func footer(shown: Int, result: SearchResult) -> String? {
        let narrow = "add words, --partner, --sector or --tag to narrow the search"
        if result.moreMatch {
            return "Showing the best \(shown) of the newest \(Listing.grouped(result.ranked)) matches (more records match); \(narrow), or --all to rank them all"
        }
        guard shown < result.ranked else { return nil }
        return "Showing the best \(shown) of \(Listing.grouped(result.ranked)) matches; \(narrow), or add --all or --limit N"
    }

    /// Whether an answer hit still counts (nil for other kinds).
    private func standing(of hit: SearchHit, in context: ShellContext) throws -> AnswerStanding? {
        guard hit.kind == .answer, let number = hit.sessionNumber else { return nil }
        return try AnswerStanding.of(answerID: hit.id, sessionNumber: number, database: context.database)
    }

    /// Where a hit came from: its kind (and whether an answer still counts), partner, session and question.
    static func source(of hit: SearchHit, standing: AnswerStanding? = nil) -> String {
        var parts = [hit.kind.rawValue + Self.label(standing)]
        if let name = hit.partnerName { parts.append(name) }
        if let number = hit.sessionNumber { parts.append("session \(number)") }
        if let question = hit.questionID { parts.append(question) }
        return parts.joined(separator: " · ")
    }

    static func label(_ standing: AnswerStanding?) -> String {
        switch standing {
        case .superseded: " (earlier revision)"
        case .notAsked: " (no longer asked)"
        case .current, nil: ""
        }
    }

    /// The snippet on one line with each matched word in bold, or in [brackets] without colour.
    static func highlight(_ snippet: String, style: Style) -> String {
        var output = ""
        var marked = ""
        var inside = false
        for character in snippet {
            switch String(character) {
            case SearchHit.markStart:
                inside = true
            case SearchHit.markEnd:
                output += style.colour ? style.bold(marked) : "[" + marked + "]"
                marked = ""
                inside = false
            default:
                let shown: Character = character.isNewline ? " " : character
                if inside { marked.append(shown) } else { output.append(shown) }
            }
        }
        return output + marked
    }
}
