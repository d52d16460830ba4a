import ArgumentParser
import Foundation
import OutreachCore
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
            commandName: "add", abstract: "Record a value with who benefits, its lens and horizon.",
            discussion: "Inside a running playbook, '/value add' also records the session and the current question.")
        static let group = CommandGroup.knowledge
        static let example = ValueCommand.example

        @Argument(help: "The value, in a few words.") var words: [String] = []
        @Option(help: "Who benefits; repeat the option or separate with commas.") var benefits: [String] = []
        @Option(help: "economic, financial, operational or altruistic.") var lens: String
        @Option(help: "short or long.") var horizon: String
        @Option(help: "The partner (default: the current one).") var partner: String?
        @Option(help: "The id (or its first characters) of a note that supports it; repeat for more.") var evidence: [String] = []

        func run(in context: ShellContext) throws {
            let text = KnowledgeText.joined(words)
            guard !text.isEmpty else {
                throw ShellError.usage("say what the value is: value add \"fewer repeat emergency visits\" --benefits hospital --lens financial --horizon long.")
            }
            let beneficiaries = benefits.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !beneficiaries.isEmpty else {
                throw ShellError.usage("say who benefits with --benefits, such as --benefits hospital --benefits \"tenants\".")
            }
            let lens: ValueLens = try KnowledgeText.choice(self.lens, for: "--lens", noun: "lens")
            let horizon: ValueHorizon = try KnowledgeText.choice(self.horizon, for: "--horizon", noun: "horizon")
            var notes: [UUID] = []
            for reference in evidence {
                let id = try context.database.resolveID(reference, in: .note)
                if !notes.contains(id) { notes.append(id) }
            }
            let target = try context.captureTarget(partnerName: partner)
            let value = try context.database.addValue(ValueItem(
                partnerID: target.partner?.id, sessionID: target.sessionID, questionID: target.questionID, value: text,
                benefits: beneficiaries, lens: lens, horizon: horizon, evidence: notes))
            let evidenceText = notes.isEmpty ? "" : ", " + Plural.count(notes.count, "evidence note")
            context.print("Added value \(value.id.short) for \(target.partner?.name ?? "the team")\(KnowledgeText.place(value.questionID)): "
                + "\(text) (\(lens.rawValue), \(horizon.rawValue) term\(evidenceText)).")
        }
    }
}

struct ValuesCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "values", abstract: "List the recorded values: who benefits, lens, horizon and evidence.")
    static let group = CommandGroup.knowledge
    static let example = "values --partner \"Riverside Housing Authority\""

    @Option(help: "Only this partner's values.") var partner: String?

    func run(in context: ShellContext) throws {
        let target = try partner.map { try context.database.partner(named: $0) }
        let values = try context.database.values(partnerID: target?.id)
        guard !values.isEmpty else {
            let whose = target.map { " for \($0.name)" } ?? ""
            context.print("No values recorded\(whose) yet. Add one with: value add VALUE --benefits WHO --lens LENS --horizon short|long")
            return
        }
        let names = try context.partnerNamesByID()
        let rows = values.map { value in
            [value.value, value.benefits.joined(separator: ", "), value.lens.rawValue, value.horizon.rawValue,
             String(value.evidence.count), value.partnerID.flatMap { names[$0] } ?? ""]
        }
        context.print(Table(headers: ["value", "who benefits", "lens", "horizon", "evidence", "partner"], rows: rows).render(style: context.style))
    }
}
