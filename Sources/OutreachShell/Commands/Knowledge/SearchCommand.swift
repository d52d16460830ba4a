import ArgumentParser
import Foundation
import OutreachCore
import OutreachStore

struct SearchCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find words in answers, notes, terms and values, best matches first.",
        discussion: "Every word must match, and matches the start of a word: 'priv' finds 'privacy'. "
            + "Each result says where it came from: the partner, the session and the question.")
    static let group = CommandGroup.knowledge
    static let example = "search tenant priv --sector housing"

    @Argument(help: "The words to look for.") var words: [String] = []
    @Option(help: "Only this partner's records.") var partner: String?
    @Option(help: "Only records of partners in this sector.") var sector: String?
    @Option(help: "Only notes with this #tag (the # is optional).") var tag: String?

    func run(in context: ShellContext) throws {
        let query = KnowledgeText.joined(words)
        guard !query.isEmpty else { throw ShellError.usage("say what to look for, such as 'search tenant records'.") }
        let target = try partner.map { try context.database.partner(named: $0) }
        let sectorID = try sector.map { try context.sector($0).id }
        let tag = self.tag.map(KnowledgeText.tag)
        let filter = SearchFilter(partnerID: target?.id, sector: sectorID, tag: tag)
        let hits = try context.database.search(query, filter: filter)
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
            context.print("\(index + 1). " + style.dim(Self.source(of: hit)))
            context.print(TextLayout.wrap(Self.highlight(hit.snippet, style: style), width: style.width, indent: "   "))
        }
        if hits.count == filter.limit {
            context.print(style.dim("Showing the best \(filter.limit); add words or --partner, --sector or --tag to narrow the search."))
        }
    }

    /// Where a hit came from: its kind, partner, session and question.
    static func source(of hit: SearchHit) -> String {
        var parts = [hit.kind.rawValue]
        if let name = hit.partnerName { parts.append(name) }
        if let number = hit.sessionNumber { parts.append("session \(number)") }
        if let question = hit.questionID { parts.append(question) }
        return parts.joined(separator: " · ")
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
