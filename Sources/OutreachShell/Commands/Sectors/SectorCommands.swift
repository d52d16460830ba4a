import ArgumentParser
import Foundation
import OutreachCatalog
import OutreachCore

struct SectorsCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "sectors", abstract: "List the sectors that plugins describe.")
    static let group = CommandGroup.sectors
    static let example = "sectors"

    func run(in context: ShellContext) throws {
        let rows = context.catalog.sectors.map { plugin in
            [plugin.id, plugin.name, plugin.stakeholder ?? "", DashStep.allCases.map { String(plugin.questions(for: $0.rawValue)?.count ?? 0) }.joined(separator: "/")]
        }
        context.print(Table(headers: ["id", "sector", "stakeholder", "questions (homework/listen/value)"], rows: rows).render(style: context.style))
    }
}

struct SectorCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "sector", abstract: "Background, drivers, glossary and typical value of one sector.")
    static let group = CommandGroup.sectors
    static let example = "sector housing"

    @Argument(help: "The sector id (see 'sectors').") var id: String

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? context.catalog.sectors.map(\.id) : []
    }

    func run(in context: ShellContext) throws {
        let plugin = try context.sector(id)
        let style = context.style
        let width = context.style.width
        var lines = [style.bold("\(plugin.name) (\(plugin.id) \(plugin.version))")]
        if let stakeholder = plugin.stakeholder { lines.append("Focus: \(stakeholder)") }
        lines += ["", TextLayout.wrap(plugin.summary, width: width), "", style.bold("What drives them")]
        for topic in Driver.Topic.allCases {
            for driver in plugin.drivers where driver.topic == topic {
                lines.append("  " + style.accent("[\(topic.rawValue)]") + " " + style.bold(driver.title))
                lines.append(TextLayout.wrap(driver.detail, width: width, indent: "    "))
            }
        }
        lines += ["", style.bold("Their words")]
        for entry in plugin.glossary {
            lines.append("  " + style.bold(entry.term) + ": " + entry.meaning)
            for other in entry.elsewhere { lines.append(style.dim("    in \(other.sector): \(other.meaning)")) }
        }
        lines += ["", style.bold("Typical value")]
        lines.append(Table(
            headers: ["value", "who benefits", "lens", "horizon"],
            rows: plugin.values.map { [$0.value, $0.benefits.joined(separator: ", "), $0.lens.rawValue, $0.horizon.rawValue] }
        ).render(style: Style(colour: false, width: width - 2)).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        let counts = DashStep.allCases.map { "\($0.rawValue) \(plugin.questions(for: $0.rawValue)?.count ?? 0)" }
        lines += ["", "Questions: " + counts.joined(separator: ", ") + ". See them in a playbook with 'playbook show dash --sector \(plugin.id)'."]
        context.print(lines.joined(separator: "\n"))
    }
}

struct PluginsCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "plugins", abstract: "List plugins with the file each was loaded from.")
    static let group = CommandGroup.sectors
    static let example = "plugins"

    func run(in context: ShellContext) throws {
        let rows = context.catalog.plugins.map { loaded in
            [loaded.plugin.id, loaded.plugin.version, loaded.plugin.kind.rawValue,
             Catalog.display(loaded.source) + (loaded.overridden.isEmpty ? "" : " (overrides \(loaded.overridden.map(Catalog.display).joined(separator: ", ")))")]
        }
        context.print(Table(headers: ["id", "version", "kind", "source"], rows: rows).render(style: context.style))
        for problem in context.catalog.problems where problem.file.hasSuffix("plugin.yaml") {
            context.printWarning("skipped \(problem.localizedDescription)")
        }
    }
}

struct PluginCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin", abstract: "Show an installed plugin, or check a plugin folder before installing it.",
        subcommands: [Show.self, Check.self])
    static let group = CommandGroup.sectors
    static let example = "plugin check ./my-plugins/libraries"

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        switch typed.count {
        case 0: ["show", "check"]
        case 1 where typed[0] == "show": context.catalog.pluginIDs
        default: []
        }
    }

    func run(in context: ShellContext) throws {
        context.print(HelpCommand.detail(of: Self.self, style: context.style))
    }

    struct Show: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "A plugin's summary, steps, lenses, tips and question sets.")
        static let group = CommandGroup.sectors
        static let example = "plugin show value-creation"

        @Argument(help: "The plugin id (see 'plugins').") var id: String

        func run(in context: ShellContext) throws {
            let plugin = try context.plugin(id)
            let style = context.style, width = style.width
            var lines = [style.bold("\(plugin.name) (\(plugin.id) \(plugin.version), \(plugin.kind.rawValue) plugin)"), "",
                         TextLayout.wrap(plugin.summary, width: width)]
            if plugin.kind == .sector { lines += ["", "Background, drivers, glossary and typical value: sector \(plugin.id)"] }
            if !plugin.steps.isEmpty {
                lines += ["", style.bold("Steps")]
                for step in plugin.steps {
                    lines.append("  " + style.bold(step.title) + style.dim(" [\(step.id)]"))
                    if let intro = step.intro { lines.append(TextLayout.wrap(intro, width: width, indent: "    ")) }
                }
            }
            if !plugin.lenses.isEmpty {
                lines += ["", style.bold("Value lenses")]
                for lens in plugin.lenses { lines.append(TextLayout.wrap(style.bold(lens.title) + ": " + lens.detail, width: width, indent: "  ")) }
            }
            if !plugin.tips.isEmpty {
                lines += ["", style.bold("Tips")]
                for tip in plugin.tips { lines.append(TextLayout.wrap("- " + tip.text, width: width, indent: "  ")) }
            }
            lines += ["", style.bold("Question sets") + style.dim(" (include them in a playbook as '\(plugin.id).STEP')")]
            for set in plugin.questionSets {
                lines.append("  \(plugin.id).\(set.step): " + Plural.count(set.questions.count, "question"))
                for question in set.questions { lines.append(TextLayout.wrap(style.dim(question.id) + "  " + question.text, width: width, indent: "    ")) }
            }
            context.print(lines.joined(separator: "\n"))
        }
    }

    struct Check: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate a plugin folder or plugin.yaml file.")
        static let group = CommandGroup.sectors
        static let example = PluginCommand.example

        @Argument(help: "A plugin folder or its plugin.yaml.") var path: String

        func run(in context: ShellContext) throws {
            let url = URL(fileURLWithPath: path)
            let file = PluginLoader.resolveFile(url)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw CatalogError.unreadable(file: path, reason: "no such file or folder (a plugin folder holds plugin.yaml)")
            }
            let plugin = try PluginLoader.load(from: url, displayName: Catalog.display(file))
            let counts = plugin.questionSets.map { "\($0.step) \($0.questions.count)" }.joined(separator: ", ")
            let summary = [
                Plural.count(plugin.allQuestions.count, "question") + (counts.isEmpty ? "" : " (\(counts))"),
                Plural.count(plugin.glossary.count, "glossary term"), Plural.count(plugin.values.count, "value"),
            ]
            context.print("ok: \(plugin.id) \(plugin.version) (\(plugin.kind.rawValue)): " + summary.joined(separator: ", ") + ".")
        }
    }
}

struct GlossaryCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary", abstract: "Look up jargon: what a word means to each sector, and the terms the team captured.")
    static let group = CommandGroup.sectors
    static let example = "glossary \"case management\""

    @Argument(parsing: .remaining, help: "The term (default: list every term).") var words: [String] = []

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        let captured = ((try? TeamGlossary.entries(in: context)) ?? []).map { Tokenizer.quote($0.term.term) }
        return typed.isEmpty ? Array(Set(context.catalog.sectors.flatMap { $0.glossary.map { Tokenizer.quote($0.term) } } + captured)).sorted() : []
    }

    func run(in context: ShellContext) throws {
        let entries = context.catalog.sectors.flatMap { plugin in plugin.glossary.map { (sector: plugin.id, entry: $0) } }
        let captured = try TeamGlossary.entries(in: context)
        let term = words.joined(separator: " ")
        guard !term.isEmpty else {
            context.print(TeamGlossary.listing(plugin: entries.map { ($0.entry.term, $0.sector) }, captured: captured, style: context.style))
            return
        }
        let matches = entries.filter { $0.entry.term.caseInsensitiveCompare(term) == .orderedSame }
        let mentioned = entries.filter { $0.entry.elsewhere.isEmpty == false && $0.entry.term.localizedCaseInsensitiveContains(term) && !matches.map(\.entry).contains($0.entry) }
        let team = TeamGlossary.lookup(term, in: captured, style: context.style)
        guard !matches.isEmpty || !mentioned.isEmpty || !team.isEmpty else {
            let suggestion = Suggestions.phrase(for: term, in: entries.map(\.entry.term) + captured.map(\.term.term))
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
