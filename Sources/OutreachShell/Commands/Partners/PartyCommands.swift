import ArgumentParser
import Foundation
import OutreachCore
import OutreachSessions
import OutreachStore

struct PartyCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "party", abstract: "Add an outside beneficiary, or give a party another name.",
        discussion: "A party is anyone value lands on or comes from: a partner, your own organisation, or someone outside the partnership such as 'state Medicaid'. Each is one row everywhere; other spellings are aliases.",
        subcommands: [Add.self, Alias.self])
    static let group = CommandGroup.partners
    static let example = "party alias \"State Medicaid agency\" Medicaid"

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        switch typed.count {
        case 0: ["add", "alias"]
        case 1 where typed[0] == "alias": context.partyNameCandidates()
        default: []
        }
    }

    func run(in context: ShellContext) throws {
        context.print(HelpCommand.detail(of: Self.self, style: context.style))
    }

    struct Add: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an outside beneficiary by name.")
        static let group = CommandGroup.partners
        static let example = "party add \"regional employers\""

        @Argument(help: "The party's name.") var name: String

        func run(in context: ShellContext) throws {
            let trimmed = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !trimmed.isEmpty else { throw ValidationError("the party's name is empty.") }
            if let existing = try context.database.party(named: trimmed) { throw StoreError.duplicateParty(name: existing.name) }
            let party = try context.database.addParty(Party(name: trimmed, kind: .outside))
            context.print("Added \(party.name) as an outside beneficiary.")
        }
    }

    struct Alias: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "alias", abstract: "Give a party another name; either name then means it.")
        static let group = CommandGroup.partners
        static let example = PartyCommand.example

        @Argument(help: "The party's name (or an alias it has).") var name: String
        @Argument(help: "The other name.") var alias: String

        func run(in context: ShellContext) throws {
            guard let party = try context.database.party(named: name) else {
                throw ShellError.usage("there is no party '\(name)'. Run 'parties' to list them.")
            }
            let trimmed = alias.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !trimmed.isEmpty else { throw ValidationError("the other name is empty.") }
            try context.database.addAlias(trimmed, to: party.id)
            context.print("'\(trimmed)' now means \(party.name).")
        }
    }
}

struct PartiesCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "parties", abstract: "List the parties: partners, your organisation and outside beneficiaries, with their other names.",
        discussion: "Shows the first \(PageRequest.defaultLimit) parties by name and how many more there are; --limit N and --all show more.")
    static let group = CommandGroup.partners
    static let example = "parties"

    @OptionGroup var page: PageOptions

    func run(in context: ShellContext) throws {
        let parties = try context.database.partyPage(try page.request())
        guard !parties.rows.isEmpty else {
            context.print("No parties yet. Add your organisation with: partner add \"NAME\" --own")
            return
        }
        let rows = try parties.rows.map { party -> [String] in
            let partnerships = try context.database.partnerships(ofParty: party.id).map(\.name)
            return [party.name, PartyLabel.kind(party.kind), try context.database.aliases(of: party.id).joined(separator: ", "),
                    partnerships.joined(separator: ", ")]
        }
        context.print(Table(headers: ["party", "kind", "also called", "partnerships"], rows: rows).render(style: context.style))
        if let footer = Listing.footer(parties, noun: "parties", order: "first", dated: false) { context.print(context.style.dim(footer)) }
        if try context.database.ownParty() == nil {
            context.print(context.style.dim("Your own organisation is not named yet: partner add \"NAME\" --own"))
        }
    }
}

/// How a party's kind reads in listings and reports.
enum PartyLabel {
    static func kind(_ kind: Party.Kind) -> String {
        switch kind {
        case .partner: "partner"
        case .own: "your organisation"
        case .outside: "outside beneficiary"
        }
    }
}

extension ShellContext {
    func partyNameCandidates() -> [String] {
        ((try? database.partyNames()) ?? []).map(Tokenizer.quote)
    }

    func partnershipNameCandidates() -> [String] {
        ((try? database.partnershipNames()) ?? []).map(Tokenizer.quote)
    }
}
