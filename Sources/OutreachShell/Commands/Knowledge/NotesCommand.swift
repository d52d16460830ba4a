import ArgumentParser
import Foundation
import OutreachCore

struct NotesCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes", abstract: "List notes with their ids, oldest first; narrow to a partner or a #tag.")
    static let group = CommandGroup.knowledge
    static let example = "notes --partner \"Riverside Housing Authority\" --tag board"

    @Option(help: "Only this partner's notes.") var partner: String?
    @Option(help: "Only notes with this #tag (the # is optional).") var tag: String?

    func run(in context: ShellContext) throws {
        let target = try partner.map { try context.database.partner(named: $0) }
        let tag = self.tag.map(KnowledgeText.tag)
        let notes = try context.database.notes(partnerID: target?.id).filter { note in tag.map { note.tags.contains($0) } ?? true }
        guard !notes.isEmpty else {
            if target == nil, tag == nil {
                context.print("No notes yet. Write one with: note TEXT --partner NAME")
            } else {
                context.print("No notes" + (target.map { " about \($0.name)" } ?? "") + (tag.map { " tagged #\($0)" } ?? "") + ". Type 'notes' to list every note.")
            }
            return
        }
        let names = try context.partnerNamesByID()
        let sessions = try context.sessionNumbersByID()
        let style = context.style
        for note in notes {
            var place = [note.partnerID.flatMap { names[$0] } ?? "no partner"]
            if let number = note.sessionID.flatMap({ sessions[$0] }) { place.append("session \(number)") }
            if let question = note.questionID { place.append(question) }
            let marker = note.isPrivate ? "  " + style.warn("[private]") : ""
            context.print(style.accent(note.id.short) + "  " + Day.string(from: note.createdAt) + "  " + place.joined(separator: " · ") + marker)
            context.print(TextLayout.wrap(note.text, width: style.width, indent: "    "))
        }
    }
}
