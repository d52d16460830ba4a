import ArgumentParser
import Foundation
import OutreachCore
import OutreachStore

struct ActionCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Add a follow-up to the action log, or mark one done.",
        subcommands: [Add.self, Done.self])
    static let group = CommandGroup.knowledge
    static let example = "action add \"send the data-sharing agreement template\" --owner Maria --due 2026-12-15"

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        switch typed.count {
        case 0: configuration.subcommands.compactMap { $0.configuration.commandName }
        case 1 where typed[0] == "done": KnowledgeCompletion.openActionIDs(in: context)
        default: []
        }
    }

    func run(in context: ShellContext) throws {
        context.print(HelpCommand.detail(of: Self.self, style: context.style))
    }

    struct Add: ShellCommand {
        /// Its text (a profile, a value, a task) can be about people: never kept in the history file.
        var keepsInHistory: Bool { false }

        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a follow-up with its owner and due day.",
            discussion: "Inside a running playbook, '/action add' also records the session and the current question.")
        static let group = CommandGroup.knowledge
        static let example = ActionCommand.example

        @Argument(help: "What needs doing.") var words: [String] = []
        @Option(help: "Who will do it.") var owner: String
        @Option(help: "The day it is due, as YYYY-MM-DD (undated actions are listed last).") var due: String?
        @Option(help: "The partner it concerns (default: the current one, if any).") var partner: String?
        @Option(help: "The partnership it belongs to.") var partnership: String?

        func run(in context: ShellContext) throws {
            let text = KnowledgeText.joined(words)
            guard !text.isEmpty else {
                throw ShellError.usage("say what needs doing: action add \"send the agreement template\" --owner NAME --due YYYY-MM-DD.")
            }
            let owner = owner.trimmingCharacters(in: .whitespaces)
            guard !owner.isEmpty else { throw ShellError.usage("say who will do it with --owner NAME.") }
            var day: String?
            if let due {
                guard let valid = Day.validated(due.trimmingCharacters(in: .whitespaces)) else {
                    throw ShellError.usage("'\(due)' is not a day; give --due as YYYY-MM-DD, such as 2026-12-15.")
                }
                day = valid
            }
            let target = try context.engine.captureTarget(partnerName: partner, partnershipName: partnership, required: false)
            let action = try context.database.addAction(ActionItem(
                partnerID: target.partner?.id, sessionID: target.sessionID, questionID: target.questionID,
                text: text, owner: owner, due: day, partnershipID: target.partnershipID))
            let whose = (target.partnership?.name ?? target.partner?.name).map { " for \($0)" } ?? ""
            context.print("Added action \(action.id.short)\(whose)\(KnowledgeText.place(action.questionID)): \(text) (\(owner), \(day.map { "due \($0)" } ?? "no date")).")
            if let day, day < Day.string(from: Date()) { context.printWarning("\(day) has already passed; the action is listed as overdue.") }
        }
    }

    struct Done: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark an action done.")
        static let group = CommandGroup.knowledge
        static let example = "action done 3f2a9c1d"

        @Argument(help: "The action's id, or its first characters (see 'actions').") var id: String

        func run(in context: ShellContext) throws {
            let key = try context.database.resolveID(id, in: .action)
            if let action = try context.database.actions().first(where: { $0.id == key }), let doneAt = action.doneAt {
                context.print("Action \(key.short) was already done on \(Day.string(from: doneAt)): \(action.text).")
                return
            }
            let action = try context.database.completeAction(id: key)
            context.print("Done: \(action.text) (\(action.owner)).")
        }
    }
}

struct ActionsCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions", abstract: "List the action log: open ones first, by due day.",
        discussion: "Shows the first \(PageRequest.defaultLimit) actions in that order and how many more there are; "
            + "--limit N, --since YYYY-MM-DD (actions added that day or later) and --all show more.")
    static let group = CommandGroup.knowledge
    static let example = "actions --overdue"

    @Flag(help: "Only actions not done yet.") var open = false
    @Flag(help: "Only open actions whose due day has passed (UTC).") var overdue = false
    @Option(help: "Only this partner's actions.") var partner: String?
    @OptionGroup var page: DatedPageOptions

    func run(in context: ShellContext) throws {
        let request = try page.request()
        let target = try partner.map { try context.database.partner(named: $0) }
        let today = Day.string(from: Date())
        let actions = try context.database.actionPage(partnerID: target?.id, openOnly: open, overdueBefore: overdue ? today : nil, request)
        guard !actions.rows.isEmpty else {
            let whose = target.map { " for \($0.name)" } ?? ""
            if overdue {
                context.print("Nothing is overdue\(whose).")
            } else if open {
                context.print("No open actions\(whose).")
            } else {
                context.print("No actions\(whose) yet. Add one with: action add TEXT --owner NAME --due YYYY-MM-DD")
            }
            return
        }
        let names = try context.database.partnerNames(ids: actions.rows.compactMap(\.partnerID))
        let rows = actions.rows.map { action -> [String] in
            let status = action.doneAt.map { "done " + Day.string(from: $0) } ?? (action.isOverdue(today: today) ? "overdue" : "open")
            return [action.id.short, action.due ?? "", status, action.owner, action.text, action.partnerID.flatMap { names[$0] } ?? ""]
        }
        context.print(Table(headers: ["id", "due", "status", "owner", "action", "partner"], rows: rows).render(style: context.style))
        if let footer = Listing.footer(actions, noun: "actions", order: "first") { context.print(context.style.dim(footer)) }
    }
}
