import ArgumentParser
import Foundation
import OutreachCore
import OutreachSessions
import OutreachStore

struct PartnershipCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnership", abstract: "Add, show or edit a partnership: an initiative between several parties.",
        discussion: "Your own organisation is always a member. 'partnership NAME' shows its members, ask, sessions, values and actions.",
        subcommands: [Add.self, Show.self, Edit.self], defaultSubcommand: Show.self)
    static let group = CommandGroup.partners
    static let example = "partnership add \"Tenant health data\" --partner \"Riverside Housing Authority\" --partner \"St. Brigid Hospital\""

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        switch typed.count {
        case 0: ["add", "show", "edit"] + context.partnershipNameCandidates()
        case 1 where ["show", "edit"].contains(typed[0]): context.partnershipNameCandidates()
        default: []
        }
    }

    func run(in context: ShellContext) throws {
        context.print(HelpCommand.detail(of: Self.self, style: context.style))
    }

    struct Add: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Name a partnership and its partner members.")
        static let group = CommandGroup.partners
        static let example = PartnershipCommand.example

        @Argument(help: "The partnership's name.") var name: String
        @Option(help: "A partner who is a member; repeat for more.") var partner: [String] = []
        @Option(help: "What you are asking the partners to do, in a sentence.") var ask: String?

        func run(in context: ShellContext) throws {
            let trimmed = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !trimmed.isEmpty else { throw ValidationError("the partnership's name is empty.") }
            var members: [Party] = []
            for name in partner {
                let partner = try context.database.partner(named: name)
                guard let party = try context.database.party(forPartner: partner.id) else { continue }
                if !members.contains(party) { members.append(party) }
            }
            let partnership = try context.database.addPartnership(Partnership(name: trimmed, ask: ask), memberIDs: members.map(\.id))
            let all = try context.database.members(of: partnership.id).map(\.name)
            context.print("Added the partnership '\(partnership.name)' with \(all.joined(separator: ", ")).")
            if try context.database.ownParty() == nil {
                context.printWarning("your own organisation is not named yet, so it is not a member. Add it with 'partner add \"NAME\" --own', then 'partnership edit \(Tokenizer.quote(partnership.name)) --partner \"NAME\"'.")
            }
        }
    }

    struct Show: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a partnership's members, ask, sessions, values and actions.")
        static let group = CommandGroup.partners
        static let example = "partnership \"Tenant health data\""

        @Argument(help: "The partnership.") var name: String?

        func run(in context: ShellContext) throws {
            guard let name else {
                context.print(HelpCommand.detail(of: PartnershipCommand.self, style: context.style))
                return
            }
            let partnership = try context.database.partnership(named: name)
            let style = context.style
            let members = try context.database.members(of: partnership.id)
            context.print(style.bold(partnership.name))
            context.print("  ask:      " + (partnership.ask ?? style.dim("not set (partnership edit NAME --ask TEXT)")))
            context.print("  members:  " + members.map { $0.name + ($0.kind == .own ? " (us)" : "") }.joined(separator: ", "))
            let sessions = try context.database.sessions(partnershipID: partnership.id)
            context.print("  sessions: " + (sessions.isEmpty ? "none yet" : sessions.map { "\($0.number ?? 0) (\($0.playbookID), \($0.status.rawValue))" }.joined(separator: ", ")))
            let values = try context.database.values(partnershipID: partnership.id)
            let names = Dictionary(try context.database.parties().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            if values.isEmpty {
                context.print("  values:   none yet (value add TEXT --partnership \(Tokenizer.quote(partnership.name)) --benefits PARTY --pays PARTY --lens LENS --horizon short|long)")
            } else {
                context.print("  values:")
                for value in values {
                    let gains = value.beneficiaryIDs.compactMap { names[$0] }.joined(separator: ", ")
                    let pays = value.payerIDs.compactMap { names[$0] }.joined(separator: ", ")
                    let flag = value.isWrongPocket ? " " + style.warn("[wrong pocket]") : ""
                    context.print("    - \(value.value): for \(gains)" + (pays.isEmpty ? "" : "; paid by \(pays)") + flag)
                }
            }
            let actions = try context.database.actions(partnershipID: partnership.id).filter(\.isOpen)
            context.print("  actions:" + (actions.isEmpty ? "  no open actions" : ""))
            for action in actions {
                context.print("    - \(action.text) (\(action.owner), \(action.due.map { "due \($0)" } ?? "no date"))")
            }
        }
    }

    struct Edit: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Set a partnership's ask, rename it, or add members.")
        static let group = CommandGroup.partners
        static let example = "partnership edit \"Tenant health data\" --ask \"Share monthly counts of tenants with an ER visit\""

        @Argument(help: "The partnership.") var name: String
        @Option(help: "What you are asking the partners to do, in a sentence.") var ask: String?
        @Option(name: .customLong("name"), help: "A new name.") var newName: String?
        @Option(help: "A partner to add as a member; repeat for more.") var partner: [String] = []

        func run(in context: ShellContext) throws {
            var partnership = try context.database.partnership(named: name)
            if let ask { partnership.ask = ask.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let newName { partnership.name = newName.trimmingCharacters(in: .whitespaces) }
            try context.database.updatePartnership(partnership)
            for name in partner {
                let partner = try context.database.partner(named: name)
                if let party = try context.database.party(forPartner: partner.id) { try context.database.addMember(partyID: party.id, to: partnership.id) }
            }
            context.print("Updated the partnership '\(partnership.name)'.")
        }
    }
}

struct PartnershipsCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnerships", abstract: "List partnerships with their members and what is recorded.",
        discussion: "Shows the first \(PageRequest.defaultLimit) partnerships by name and how many more there are; --limit N and --all show more.")
    static let group = CommandGroup.partners
    static let example = "partnerships"

    @OptionGroup var page: PageOptions

    func run(in context: ShellContext) throws {
        let partnerships = try context.database.partnershipPage(try page.request())
        guard !partnerships.rows.isEmpty else {
            context.print("No partnerships yet. Add one with: \(PartnershipCommand.example)")
            return
        }
        let rows = try partnerships.rows.map { partnership -> [String] in
            let values = try context.database.values(partnershipID: partnership.id)
            return [partnership.name, try context.database.members(of: partnership.id).map(\.name).joined(separator: ", "),
                    String(try context.database.sessionCount(partnershipID: partnership.id)), String(values.count),
                    String(values.filter(\.isWrongPocket).count)]
        }
        context.print(Table(headers: ["partnership", "members", "sessions", "values", "wrong pocket"], rows: rows).render(style: context.style))
        if let footer = Listing.footer(partnerships, noun: "partnerships", order: "first", dated: false) { context.print(context.style.dim(footer)) }
    }
}
