import ArgumentParser
import Foundation
import OutreachCatalog
import OutreachCore
import OutreachStore

struct GlossaryCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary", abstract: "Look up jargon: what a word means to each sector, and the terms the team captured.",
        discussion: "With no term, lists the sectors' terms and the first \(PageRequest.defaultLimit) terms the team captured, "
            + "by name, and how many more there are; --limit N and --all (typed before any term) show more.")
    static let group = CommandGroup.sectors
    static let example = "glossary \"case management\""

    @OptionGroup var page: PageOptions
    @Argument(parsing: .remaining, help: "The term (default: list the terms).") var words: [String] = []

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        let captured = ((try? TeamGlossary.entries(in: context, PageRequest(limit: 200)).rows) ?? []).map { Tokenizer.quote($0.term.term) }
        return typed.isEmpty ? Array(Set(context.catalog.sectors.flatMap { $0.glossary.map { Tokenizer.quote($0.term) } } + captured)).sorted() : []
    }

    func run(in context: ShellContext) throws {
        let entries = context.catalog.sectors.flatMap { plugin in plugin.glossary.map { (sector: plugin.id, entry: $0) } }
        let term = words.joined(separator: " ")
        guard !term.isEmpty else {
            let captured = try TeamGlossary.entries(in: context, try page.request())
            context.print(TeamGlossary.listing(plugin: entries.map { ($0.entry.term, $0.sector) }, captured: captured.rows, style: context.style))
            if let footer = Listing.footer(captured, noun: "captured terms", order: "first", dated: false) { context.print(context.style.dim(footer)) }
            return
        }
        let captured = try TeamGlossary.entries(named: term, in: context)
        let matches = entries.filter { $0.entry.term.caseInsensitiveCompare(term) == .orderedSame }
        let mentioned = entries.filter { $0.entry.elsewhere.isEmpty == false && $0.entry.term.localizedCaseInsensitiveContains(term) && !matches.map(\.entry).contains($0.entry) }
        let team = TeamGlossary.lookup(term, in: captured, style: context.style)
        guard !matches.isEmpty || !mentioned.isEmpty || !team.isEmpty else {
            let nearby = try TeamGlossary.entries(in: context, PageRequest(limit: 1_000)).rows
            let suggestion = Suggestions.phrase(for: term, in: entries.map(\.entry.term) + nearby.map(\.term.term))
            throw ShellError.usage("neither a sector's glossary nor the team's has '\(term)'" + (suggestion.map { "; \($0)" } ?? ".")
                + " Type 'glossary' to list every term, or capture it with 'term'.")
        }
        for match in matches + mentioned {
            context.print(context.style.bold("\(match.entry.term)") + context.style.dim(" (\(match.sector))"))
            context.print(TextLayout.wrap(match.entry.meaning, width: context.style.width, indent: "  "))
            for other in match.entry.elsewhere where !matches.contains(where: { $0.sector == other.sector }) {
                context.print(context.style.dim("  in \(other.sector): \(other.meaning)"))
            }
        }
        for line in team { context.print(line) }
    }
}
