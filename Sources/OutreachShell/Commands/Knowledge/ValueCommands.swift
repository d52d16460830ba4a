import ArgumentParser
import Foundation
import OutreachCore
import OutreachSessions
import OutreachStore

struct ValueCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "value", abstract: "Record a value the partnership could create, who gains and the evidence.",
        subcommands: [Add.self])
    static let group = CommandGroup.knowledge
    static let example = "value add \"fewer repeat emergency visits\" --benefits hospital --lens financial --horizon long --evidence 3f2a9c1d"

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? ["add"] : []
    }

    func run(in context: ShellContext) throws {
        context.print(HelpCommand.detail(of: Self.self, style: context.style))
    }

    struct Add: ShellCommand {
        /// Its text (a profile, a value, a task) can be about people: never kept in the history file.
        var keepsInHistory: Bool { false }

        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record a value: who gains, who pays, its lenses and horizon.",
            discussion: """
                A PARTY is a partner, your own organisation ('us') or an outside beneficiary; a new name becomes an \
                outside beneficiary (and says so), a near miss of an existing name is refused with 'did you mean'. \
                --pays names who invests money, staff time or data: a value whose payers gain none of it is flagged \
                'wrong pocket'. Lenses are not exclusive: repeat --lens. Inside a running playbook, '/value add' also \
                records the session, its partnership and the current question.
                """)
        static let group = CommandGroup.knowledge
        static let example = "value add \"fewer repeat emergency visits\" --partnership \"Tenant health data\" --benefits \"St. Brigid Hospital\" --pays \"Riverside Housing Authority\" --lens financial --horizon long --way fiscal --perspective organisation"

        @Argument(help: "The value, in a few words.") var words: [String] = []
        @Option(help: "A party that gains; repeat for more (or separate with commas).") var benefits: [String] = []
        @Option(help: "A party that invests money, staff time or data; repeat for more.") var pays: [String] = []
        @Option(help: "economic, financial, operational or altruistic; repeat for more.") var lens: [String] = []
        @Option(help: "short or long.") var horizon: String
        @Option(help: "fiscal, outcomes or recognition: how the value is realised.") var way: String?
        @Option(help: "clients, staff, organisation or community: from whose point of view.") var perspective: String?
        @Option(help: "The partnership it belongs to.") var partnership: String?
        @Option(help: "The partner (default: the current one).") var partner: String?
        @Option(help: "The id (or its first characters) of a note that supports it; repeat for more.") var evidence: [String] = []

        func run(in context: ShellContext) throws {
            let text = KnowledgeText.joined(words)
            guard !text.isEmpty else {
                throw ShellError.usage("say what the value is: \(Self.example)")
            }
            let gainers = KnowledgeText.items(benefits)
            guard !gainers.isEmpty else {
                throw ShellError.usage("say who benefits with --benefits, such as --benefits \"St. Brigid Hospital\" --benefits tenants.")
            }
            guard !lens.isEmpty else { throw ShellError.usage("name at least one lens with --lens: \(ValueLens.allCases.map(\.rawValue).joined(separator: ", ")).") }
            var lenses: [ValueLens] = []
            for typed in KnowledgeText.items(lens) {
                let lens: ValueLens = try KnowledgeText.choice(typed, for: "--lens", noun: "lens")
                if !lenses.contains(lens) { lenses.append(lens) }
            }
            let horizon: ValueHorizon = try KnowledgeText.choice(self.horizon, for: "--horizon", noun: "horizon")
            let way: ValueWay? = try self.way.map { try KnowledgeText.choice($0, for: "--way", noun: "way") }
            let perspective: ValuePerspective? = try self.perspective.map { try KnowledgeText.choice($0, for: "--perspective", noun: "perspective") }
            var notes: [UUID] = []
            for reference in evidence {
                let id = try context.database.resolveID(reference, in: .note)
                if !notes.contains(id) { notes.append(id) }
            }
            let target = try context.engine.captureTarget(partnerName: partner, partnershipName: partnership, required: partnership == nil)
            let resolver = PartyResolver(database: context.database, partner: target.partner)
            let (beneficiaries, createdGainers) = try resolver.resolve(all: gainers)
            let (payers, createdPayers) = try resolver.resolve(all: KnowledgeText.items(pays))
            let value = try context.database.addValue(ValueItem(
                partnerID: target.partner?.id, partnershipID: target.partnershipID, sessionID: target.sessionID,
                questionID: target.questionID, value: text, benefits: beneficiaries.map(\.name), lenses: lenses, horizon: horizon,
                way: way, perspective: perspective, beneficiaryIDs: beneficiaries.map(\.id), payerIDs: payers.map(\.id), evidence: notes))
            for name in createdGainers + createdPayers { context.print("Added \(name) as an outside beneficiary (see 'parties').") }
            let evidenceText = notes.isEmpty ? "" : ", " + Plural.count(notes.count, "evidence note")
            let whose = target.partnership?.name ?? target.partner?.name ?? "the team"
            context.print("Added value \(value.id.short) for \(whose)\(KnowledgeText.place(value.questionID)): "
                + "\(text) (\(lenses.map(\.rawValue).joined(separator: ", ")), \(horizon.rawValue) term\(evidenceText)).")
            if value.isWrongPocket {
                let payerNames = payers.map(\.name).joined(separator: ", ")
                context.printWarning("wrong pocket: \(payerNames) \(payers.count == 1 ? "pays" : "pay") but gain\(payers.count == 1 ? "s" : "") none of it. Record what is in it for \(payers.count == 1 ? "them" : "each of them"), or an action to address it.")
            }
        }
    }
}

struct ValuesCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "values", abstract: "List the newest recorded values: who gains, who pays (wrong pocket), lenses, horizon and evidence.",
        discussion: "Shows the \(PageRequest.defaultLimit) newest values, oldest of them first, and how many more there are; "
            + "--limit N, --since YYYY-MM-DD and --all show more.")
    static let group = CommandGroup.knowledge
    static let example = "values --partner \"Riverside Housing Authority\""

    @Option(help: "Only this partner's values.") var partner: String?
    @OptionGroup var page: DatedPageOptions

    func run(in context: ShellContext) throws {
        let request = try page.request()
        let target = try partner.map { try context.database.partner(named: $0) }
        let values = try context.database.valuePage(partnerID: target?.id, request)
        guard !values.rows.isEmpty else {
            let whose = (target.map { " for \($0.name)" } ?? "") + (page.since.map { " since \($0)" } ?? "")
            context.print("No values recorded\(whose) yet. Add one with: value add VALUE --benefits WHO --lens LENS --horizon short|long")
            return
        }
        let names = try context.database.partnerNames(ids: values.rows.compactMap(\.partnerID))
        let parties = try context.database.partyNames(ids: values.rows.flatMap { $0.beneficiaryIDs + $0.payerIDs })
        let rows = values.rows.map { value in
            let gains = value.beneficiaryIDs.isEmpty ? value.benefits : value.beneficiaryIDs.compactMap { parties[$0] }
            return [value.value + (value.isWrongPocket ? " [wrong pocket]" : ""), gains.joined(separator: ", "),
                    value.payerIDs.compactMap { parties[$0] }.joined(separator: ", "),
                    value.lenses.map(\.rawValue).joined(separator: ", "), value.horizon.rawValue,
                    String(value.evidence.count), value.partnerID.flatMap { names[$0] } ?? ""]
        }
        context.print(Table(headers: ["value", "who gains", "who pays", "lenses", "horizon", "evidence", "partner"], rows: rows).render(style: context.style))
        if let footer = Listing.footer(values, noun: "values") { context.print(context.style.dim(footer)) }
    }
}
