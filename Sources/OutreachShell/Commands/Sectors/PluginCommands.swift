import ArgumentParser
import Foundation
import OutreachCatalog
import OutreachCore

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
        subcommands: [Show.self, Check.self, Lint.self])
    static let group = CommandGroup.sectors
    static let example = "plugin check ./my-plugins/libraries"

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        switch typed.count {
        case 0: ["show", "check", "lint"]
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
            let plugin = try Self.checked(path)
            let counts = plugin.questionSets.map { "\($0.step) \($0.questions.count)" }.joined(separator: ", ")
            let summary = [
                Plural.count(plugin.allQuestions.count, "question") + (counts.isEmpty ? "" : " (\(counts))"),
                Plural.count(plugin.glossary.count, "glossary term"), Plural.count(plugin.values.count, "value"),
            ]
            context.print("ok: \(plugin.id) \(plugin.version) (\(plugin.kind.rawValue)): " + summary.joined(separator: ", ") + ".")
        }

        /// The plugin at `path`, or a failure listing every problem with it.
        static func checked(_ path: String, command: String = "plugin check") throws -> Plugin {
            let url = URL(fileURLWithPath: path)
            let file = PluginLoader.resolveFile(url)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw CatalogError.unreadable(file: path, reason: "no such file or folder (a plugin folder holds plugin.yaml)")
            }
            let display = Catalog.display(file)
            return try AuthoringReport.require(PluginLoader.check(from: url, displayName: display), file: display, command: "\(command) \(path)")
        }
    }

    struct Lint: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint", abstract: "Check a plugin against the content guidelines of docs/plugins.md.")
        static let group = CommandGroup.sectors
        static let example = "plugin lint ./my-plugins/libraries --strict"

        @Argument(help: "A plugin folder or its plugin.yaml.") var path: String
        @Flag(help: "Fail when there is any warning.") var strict = false

        func run(in context: ShellContext) throws {
            _ = try Check.checked(path, command: "plugin lint")
            let file = PluginLoader.resolveFile(URL(fileURLWithPath: path))
            let display = Catalog.display(file)
            let document = try LintDocument.read(.plugin, from: file, displayName: display)
            try AuthoringReport.lint(OutreachCatalog.Lint.warnings(in: document), file: display, strict: strict, in: context)
        }
    }
}
