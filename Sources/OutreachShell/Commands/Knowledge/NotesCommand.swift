import ArgumentParser
import Foundation
import OutreachCore
import OutreachStore

struct NotesCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes", abstract: "List the newest notes with their ids; narrow to a partner, a #tag or a day on.",
        discussion: "Shows the newest \(PageRequest.defaultLimit) notes, oldest of them first, and how many more there are; --limit N, "
            + "--since YYYY-MM-DD and --all show more.")
    static let group = CommandGroup.knowledge
    static let example = "notes --partner \"Riverside Housing Authority\" --tag board"

    @Option(help: "Only this partner's notes.") var partner: String?
    @Option(help: "Only notes with this #tag (the # is optional).") var tag: String?
    @OptionGroup var page: DatedPageOptions

    func run(in context: ShellContext) throws {
        let request = try page.request()
        let target = try partner.map { try context.database.partner(named: $0) }
        let tag = self.tag.map(KnowledgeText.tag)
        let notes = try context.database.notePage(partnerID: target?.id, sector: nil, tag: tag, request)
        guard !notes.rows.isEmpty else {
            if target == nil, tag == nil, request.since == nil {
                context.print("No notes yet. Write one with: note TEXT --partner NAME")
            } else {
                let since = page.since.map { " since \($0)" } ?? ""
                context.print("No notes" + (target.map { " about \($0.name)" } ?? "") + (tag.map { " tagged #\($0)" } ?? "") + since
                    + ". Type 'notes' to list every note.")
            }
            return
        }
        let names = try context.database.partnerNames(ids: notes.rows.compactMap(\.partnerID))
        let sessions = try context.database.sessionNumbers(ids: notes.rows.compactMap(\.sessionID))
        let style = context.style
        for note in notes.rows {
            var place = [note.partnerID.flatMap { names[$0] } ?? "no partner"]
            if let number = note.sessionID.flatMap({ sessions[$0] }) { place.append("session \(number)") }
            if let question = note.questionID { place.append(question) }
            let marker = note.isPrivate ? "  " + style.warn("[private]") : ""
            context.print(style.accent(note.id.short) + "  " + Day.string(from: note.createdAt) + "  " + place.joined(separator: " · ") + marker)
            context.print(TextLayout.wrap(note.text, width: style.width, indent: "    "))
        }
        if let footer = Listing.footer(notes, noun: "notes") { context.print(style.dim(footer)) }
    }
}
