import ArgumentParser
import Foundation
import OutreachCore
import OutreachStore

struct PartnerCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner", abstract: "Add, show, edit, list or choose partner organisations.",
        subcommands: [Add.self, Show.self, Edit.self, List.self, Use.self])
    static let group = CommandGroup.partners
    static let example = "partner add \"Riverside Housing Authority\" --sector housing --stakeholder \"public housing authority\""

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        switch typed.count {
        case 0: configuration.subcommands.compactMap { $0.configuration.commandName }
        case 1 where ["show", "edit", "use"].contains(typed[0]): context.partnerNameCandidates()
        default: []
        }
    }

    func run(in context: ShellContext) throws {
        context.print(HelpCommand.detail(of: Self.self, style: context.style))
    }

    struct Add: ShellCommand {
        /// A profile can be about people: a line with one is never kept in the history file.
        var keepsInHistory: Bool { profile == nil }

        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a partner organisation, or your own organisation with --own.",
            discussion: "Your own organisation (--own) needs no sector: coaching, coverage and reports treat it as 'us', and it is a member of every partnership.")
        static let group = CommandGroup.partners
        static let example = PartnerCommand.example

        @Argument(help: "The organisation's name.") var name: String
        @Option(help: "Its sector (see 'sectors'); optional with --own.") var sector: String?
        @Flag(help: "This is your own organisation.") var own = false
        @Option(help: "The kind of stakeholder, such as 'public housing authority'.") var stakeholder: String?
        @Option(help: "A short profile.") var profile: String?
        @Flag(name: .customLong("do-not-contact"), help: "Ask for confirmation before any playbook with them.") var doNotContact = false

        func run(in context: ShellContext) throws {
            guard sector != nil || own else {
                throw ValidationError("say which sector the partner is in with --sector (see 'sectors'), or add --own for your own organisation.")
            }
            let sectorPlugin = try sector.map { try context.sector($0) }
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw ValidationError("the partner's name is empty.") }
            if own, let existing = try context.database.ownParty(), existing.partnerID != nil {
                throw ShellError.usage("your own organisation is already '\(existing.name)'. Run 'parties' to see it, or 'party alias \(Tokenizer.quote(existing.name)) \(Tokenizer.quote(trimmed))' if this is another name for it.")
            }
            let partner = try context.database.addPartner(Partner(
                name: trimmed, sector: sectorPlugin?.id ?? "", stakeholder: stakeholder ?? sectorPlugin?.stakeholder,
                profile: profile, doNotContact: doNotContact, isOwn: own))
            if own {
                context.print("Added \(partner.name) as your own organisation ('us' in values, coaching and reports).")
            } else {
                context.engine.use(partner)
                context.print("Added \(partner.name) (\(partner.sector)); it is now the current partner.")
            }
        }
    }

    struct Show: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a partner's profile, sessions and notes.")
        static let group = CommandGroup.partners
        static let example = "partner show \"Riverside Housing Authority\""

        @Argument(help: "The partner (default: the current one).") var name: String?

        /// The newest notes the profile shows; 'notes --partner' lists the rest.
        static let notesShown = 10

        func run(in context: ShellContext) throws {
            let partner = try context.partner(named: name)
            let style = context.style
            context.print(style.bold(partner.name) + (partner.doNotContact ? " " + style.warn("[do not contact]") : "")
                + (partner.isOwn ? " " + style.accent("[your organisation]") : ""))
            if !partner.sector.isEmpty { context.print("  sector:      \(partner.sector)") }
            if let party = try context.database.party(forPartner: partner.id) {
                let partnerships = try context.database.partnerships(ofParty: party.id).map(\.name)
                if !partnerships.isEmpty { context.print("  partnerships: " + partnerships.joined(separator: ", ")) }
            }
            if let stakeholder = partner.stakeholder { context.print("  stakeholder: \(stakeholder)") }
            if let profile = partner.profile { context.print("  profile:     \(profile)") }
            let sessions = try context.database.sessionSummaryPage(partnerID: partner.id, PageRequest())
            context.print("  sessions:    " + (sessions.rows.isEmpty ? "none yet" : sessions.rows.map { "\($0.session.number ?? 0) (\($0.session.playbookID), \($0.session.status.rawValue))" }.joined(separator: ", ")))
            if sessions.isPartial {
                context.print(style.dim("  (the newest \(sessions.rows.count) of \(Listing.grouped(sessions.total)); type 'sessions --partner \(Tokenizer.quote(partner.name)) --all' for every one)"))
            }
            let notes = try context.database.notePage(partnerID: partner.id, sector: nil, tag: nil, PageRequest(limit: Self.notesShown))
            if !notes.rows.isEmpty {
                context.print("  notes:")
                for note in notes.rows { context.print("    - " + (note.isPrivate ? "[private] " : "") + note.text) }
                if notes.isPartial {
                    context.print(style.dim("  (the newest \(notes.rows.count) of \(Listing.grouped(notes.total)); type 'notes --partner \(Tokenizer.quote(partner.name))' for more)"))
                }
            }
        }
    }

    struct Edit: ShellCommand {
        /// A profile can be about people: a line with one is never kept in the history file.
        var keepsInHistory: Bool { profile == nil }

        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a partner's details.")
        static let group = CommandGroup.partners
        static let example = "partner edit \"Riverside Housing Authority\" --profile \"Runs 1,200 units; new director since spring\""

        @Argument(help: "The partner to change.") var name: String
        @Option(name: .customLong("name"), help: "A new name.") var newName: String?
        @Option(help: "A new sector.") var sector: String?
        @Option(help: "A new stakeholder kind.") var stakeholder: String?
        @Option(help: "A new profile.") var profile: String?
        @Flag(name: .customLong("do-not-contact"), help: "Mark as do-not-contact.") var doNotContact = false
        @Flag(name: .customLong("contact-ok"), help: "Clear the do-not-contact mark.") var contactOK = false

        func run(in context: ShellContext) throws {
            var partner = try context.database.partner(named: name)
            if let newName { partner.name = newName }
            if let sector { partner.sector = try context.sector(sector).id }
            if let stakeholder { partner.stakeholder = stakeholder }
            if let profile { partner.profile = profile }
            if doNotContact { partner.doNotContact = true }
            if contactOK { partner.doNotContact = false }
            try context.database.updatePartner(partner)
            try context.engine.refreshPartners()
            context.print("Updated \(partner.name).")
        }
    }

    struct List: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List partners.")
        static let group = CommandGroup.partners
        static let example = "partner list"

        @Option(help: "Only partners of this sector.") var sector: String?
        @OptionGroup var page: PageOptions

        func run(in context: ShellContext) throws {
            try PartnersCommand.list(sector: sector, request: try page.request(), in: context)
        }
    }

    struct Use: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "use", abstract: "Make a partner the current one (shown in the prompt).")
        static let group = CommandGroup.partners
        static let example = "partner use \"Riverside Housing Authority\""

        @Argument(help: "The partner.") var name: String

        func run(in context: ShellContext) throws {
            let partner = try context.database.partner(named: name)
            context.engine.use(partner)
            context.print("\(partner.name) is now the current partner; commands without --partner mean them.")
        }
    }
}

struct PartnersCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners", abstract: "List partners with their sector and sessions.",
        discussion: "Shows the first \(PageRequest.defaultLimit) partners by name and how many more there are; --limit N and --all show more.")
    static let group = CommandGroup.partners
    static let example = "partners --sector housing"

    @Option(help: "Only partners of this sector.") var sector: String?
    @OptionGroup var page: PageOptions

    func run(in context: ShellContext) throws {
        try Self.list(sector: sector, request: try page.request(), in: context)
    }

    static func list(sector: String?, request: PageRequest, in context: ShellContext) throws {
        if let sector { _ = try context.sector(sector) }
        let partners = try context.database.partnerPage(sector: sector, request)
        guard !partners.rows.isEmpty else {
            context.print("No partners yet. Add one with: partner add \"NAME\" --sector SECTOR")
            return
        }
        let sessions = try context.database.sessionCounts(partnerIDs: partners.rows.map(\.id))
        let rows = partners.rows.map { partner -> [String] in
            [partner.name + (partner.doNotContact ? " (do not contact)" : ""), partner.isOwn ? "(your organisation)" : partner.sector, partner.stakeholder ?? "", String(sessions[partner.id] ?? 0)]
        }
        context.print(Table(headers: ["partner", "sector", "stakeholder", "sessions"], rows: rows).render(style: context.style))
        if let footer = Listing.footer(partners, noun: "partners", order: "first", dated: false) { context.print(context.style.dim(footer)) }
    }
}

struct NoteCommand: ShellCommand {
    /// Its text is about people: never kept in the history file.
    var keepsInHistory: Bool { false }

    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Write a note about a partner (inside a playbook: on the current question).",
        discussion: "Words starting with # become tags. Private notes are need-to-know and can be left out of exports.")
    static let group = CommandGroup.knowledge
    static let example = "note \"Director worried about #privacy of tenant records\" --private"

    @Argument(parsing: .remaining, help: "The note's text.") var words: [String] = []
    @Option(help: "The partner (default: the current one).") var partner: String?
    @Option(help: "The partnership it belongs to (default: the running session's).") var partnership: String?
    @Flag(help: "Mark the note as private (need-to-know).") var `private` = false

    func run(in context: ShellContext) throws {
        var text = words
        var isPrivate = self.private
        var partnerName = partner
        var partnershipName = partnership
        // Options typed after the text arrive in `words` (remaining parsing); pick them out.
        var index = 0
        while index < text.count {
            if text[index] == "--private" { isPrivate = true; text.remove(at: index); continue }
            if text[index] == "--partner", index + 1 < text.count { partnerName = text[index + 1]; text.removeSubrange(index...index + 1); continue }
            if text[index] == "--partnership", index + 1 < text.count { partnershipName = text[index + 1]; text.removeSubrange(index...index + 1); continue }
            index += 1
        }
        let body = text.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw ValidationError("the note is empty; type the note's text after 'note'.") }
        let note = try context.engine.note(body, isPrivate: isPrivate, partnerName: partnerName, partnershipName: partnershipName)
        let name = try note.partnerID.flatMap { try context.database.partner(id: $0)?.name }
            ?? note.partnershipID.flatMap { try context.database.partnership(id: $0)?.name } ?? "no partner"
        let place = note.questionID.map { " on \($0)" } ?? ""
        context.print("Noted for \(name)\(place)" + (isPrivate ? " (private)" : "") + ": note \(note.id.short).")
    }
}
