import ArgumentParser
import Foundation
import OutreachCatalog
import OutreachCore

struct PlaybooksCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "playbooks", abstract: "List playbooks with their version and source file.")
    static let group = CommandGroup.playbooks
    static let example = "playbooks"

    func run(in context: ShellContext) throws {
        let display = { (url: URL) in Self.source(url, paths: context.catalog.paths) }
        let rows = context.catalog.playbooks.map { loaded in
            [loaded.playbook.id, loaded.playbook.version, loaded.playbook.title,
             display(loaded.source) + (loaded.overridden.isEmpty ? "" : " (overrides \(loaded.overridden.map(display).joined(separator: ", ")))")]
        }
        context.print(Table(headers: ["id", "version", "title", "source"], rows: rows).render(style: context.style))
        for problem in context.catalog.problems where !problem.file.hasSuffix("plugin.yaml") {
            context.printWarning("skipped \(problem.localizedDescription)")
        }
    }
}

extension PlaybooksCommand {
    /// Where a playbook comes from, as a lead reads it: a published one says "team database".
    static func source(_ url: URL, paths: SearchPaths) -> String {
        if let team = paths.teamPlaybookFolder, url.deletingLastPathComponent().standardizedFileURL.path == team.standardizedFileURL.path {
            return "team database"
        }
        return Catalog.display(url)
    }
}

struct PlaybookCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "playbook", abstract: "Show, check, create, import, export or publish playbook files.",
        subcommands: [Show.self, Check.self, Lint.self, New.self, Import.self, Export.self, Publish.self])
    static let group = CommandGroup.playbooks
    static let example = "playbook show dash --sector housing"

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        switch typed.count {
        case 0: configuration.subcommands.compactMap { $0.configuration.commandName }
        case 1 where ["show", "export", "publish"].contains(typed[0]): context.catalog.playbooks.map(\.playbook.id)
        default: []
        }
    }

    func run(in context: ShellContext) throws {
        context.print(HelpCommand.detail(of: Self.self, style: context.style))
    }

    struct Show: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a playbook's steps and questions, includes resolved.")
        static let group = CommandGroup.playbooks
        static let example = "playbook show dash --sector hospitals"

        @Argument(help: "The playbook id.") var id: String
        @Option(help: "Resolve '{sector}' includes for this sector (default: the current partner's).") var sector: String?

        func run(in context: ShellContext) throws {
            let loaded = try context.playbook(id)
            let sectorID = try sector.map { try context.sector($0).id } ?? context.currentPartner?.sector
            let resolved = try context.catalog.resolve(loaded.playbook, sector: sectorID)
            let style = context.style
            context.print(style.bold("\(loaded.playbook.title)") + " (\(loaded.playbook.id) \(loaded.playbook.version))")
            if !loaded.playbook.summary.isEmpty { context.print(TextLayout.wrap(loaded.playbook.summary, width: style.width)) }
            if loaded.playbook.isSectorAware, sectorID == nil {
                context.print(style.dim("Sector questions are left out; add --sector ID to see them."))
            }
            for (index, step) in resolved.steps.enumerated() {
                context.print()
                context.print(style.bold("\(index + 1). \(step.title)") + style.dim(" [\(step.id)]"))
                for question in step.questions {
                    var flags = [question.kind.rawValue]
                    if question.required { flags.append("required") }
                    if let condition = question.condition { flags.append("when \(condition.summary)") }
                    context.print("  \(question.id)  " + style.dim("(\(flags.joined(separator: ", ")))"))
                    context.print(TextLayout.wrap(question.text, width: style.width, indent: "    "))
                }
            }
        }
    }

    struct Check: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate a playbook file without installing it.")
        static let group = CommandGroup.playbooks
        static let example = "playbook check ./shared/playbooks/food-first.yaml"

        @Argument(help: "The playbook file.") var path: String

        func run(in context: ShellContext) throws {
            let playbook = try Self.checked(path, in: context)
            let resolved = try context.catalog.resolve(playbook, sector: nil)
            let count = resolved.steps.map(\.questions.count).reduce(0, +)
            let sectorNote = playbook.isSectorAware ? " plus the partner's sector questions" : ""
            context.print("ok: \(playbook.id) \(playbook.version): \(Plural.count(playbook.steps.count, "step")), \(Plural.count(count, "question"))\(sectorNote).")
        }

        /// The playbook at `path`, or a failure listing every problem with it.
        static func checked(_ path: String, in context: ShellContext, command: String = "playbook check") throws -> Playbook {
            guard FileManager.default.fileExists(atPath: path) else {
                throw CatalogError.unreadable(file: path, reason: "no such file")
            }
            let result = PlaybookLoader.check(from: URL(fileURLWithPath: path), plugins: context.catalog.pluginLookup, displayName: path)
            return try AuthoringReport.require(result, file: path, command: "\(command) \(path)")
        }
    }

    struct Lint: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint", abstract: "Check a playbook against the content guidelines of docs/playbooks.md.")
        static let group = CommandGroup.playbooks
        static let example = "playbook lint ./shared/playbooks/food-first.yaml --strict"

        @Argument(help: "The playbook file.") var path: String
        @Flag(help: "Fail when there is any warning.") var strict = false

        func run(in context: ShellContext) throws {
            _ = try Check.checked(path, in: context, command: "playbook lint")
            let document = try LintDocument.read(.playbook, from: URL(fileURLWithPath: path), displayName: path, plugins: context.catalog.pluginLookup)
            try AuthoringReport.lint(OutreachCatalog.Lint.warnings(in: document), file: path, strict: strict, in: context)
        }
    }

    struct New: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "new", abstract: "Write a commented playbook skeleton to edit.")
        static let group = CommandGroup.playbooks
        static let example = "playbook new food-first"

        @Argument(help: "The new playbook's id.") var id: String
        @Option(help: "Where to write it (default: ./ID.yaml).") var out: String?

        func run(in context: ShellContext) throws {
            let path = out ?? "\(id).yaml"
            guard !FileManager.default.fileExists(atPath: path) else { throw ShellError.fileExists(path) }
            let text = PlaybookSkeleton.text(id: id)
            _ = try PlaybookLoader.load(yaml: text, file: path, plugins: context.catalog.pluginLookup)
            do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw ShellError.cannotWrite(path, reason: error.localizedDescription)
            }
            context.print("Wrote \(path). Edit it, then 'playbook check \(path)' and 'playbook import \(path)'.")
        }
    }

    struct Import: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Check a playbook file and copy it into your playbook folder.")
        static let group = CommandGroup.playbooks
        static let example = "playbook import ./shared/playbooks/food-first.yaml"

        @Argument(help: "The playbook file.") var path: String
        @Flag(help: "Replace a different playbook with the same id and version.") var force = false

        func run(in context: ShellContext) throws {
            let source = URL(fileURLWithPath: path)
            let playbook = try Check.checked(path, in: context, command: "playbook import")
            let incoming = try Data(contentsOf: source)
            if !force, let clash = Self.clash(with: playbook, incoming: incoming, in: context) {
                throw ShellError.usage("a different playbook '\(playbook.id)' version \(playbook.version) is already installed (\(Catalog.display(clash))). Raise the version in the file, or add --force to replace it.")
            }
            let folder = context.catalog.paths.userPlaybookFolder
            let target = folder.appendingPathComponent("\(playbook.id).yaml")
            do {
                // Private like the rest of the data folder; a folder made by an older version was 0755.
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
                try incoming.write(to: target, options: .atomic)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
            } catch {
                throw ShellError.cannotWrite(target.path, reason: error.localizedDescription)
            }
            context.print("Imported \(playbook.id) \(playbook.version) to \(Catalog.display(target)). Type 'reload' to use it now.")
        }

        /// A file with the playbook's id and version but other contents: the one in the user's
        /// playbook folder as it is on disk now (it may have been imported since start-up), else
        /// the one the catalog uses from elsewhere on the search path.
        static func clash(with playbook: Playbook, incoming: Data, in context: ShellContext) -> URL? {
            let target = context.catalog.paths.userPlaybookFolder.appendingPathComponent("\(playbook.id).yaml")
            if let onDisk = try? Data(contentsOf: target) {
                guard onDisk != incoming else { return nil }
                // A file that no longer loads has no version to compare; treat it as a clash too.
                let version = try? PlaybookLoader.load(from: target, plugins: context.catalog.pluginLookup, displayName: target.path).version
                return version == nil || version == playbook.version ? target : nil
            }
            if let existing = context.catalog.playbook(playbook.id), existing.playbook.version == playbook.version,
               existing.source.standardizedFileURL.deletingLastPathComponent() != target.deletingLastPathComponent().standardizedFileURL,
               (try? Data(contentsOf: existing.source)) != incoming {
                return existing.source
            }
            return nil
        }
    }

    struct Export: ShellCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Copy a playbook's file out, to share it.")
        static let group = CommandGroup.playbooks
        static let example = "playbook export dash ./shared/dash.yaml"

        @Argument(help: "The playbook id.") var id: String
        @Argument(help: "Where to write it (default: ./ID.yaml).") var path: String?
        @Flag(help: "Overwrite an existing file.") var force = false

        func run(in context: ShellContext) throws {
            let loaded = try context.playbook(id)
            let target = path ?? "\(id).yaml"
            if FileManager.default.fileExists(atPath: target), !force { throw ShellError.fileExists(target) }
            do {
                try Data(contentsOf: loaded.source).write(to: URL(fileURLWithPath: target), options: .atomic)
            } catch {
                throw ShellError.cannotWrite(target, reason: error.localizedDescription)
            }
            context.print("Exported \(id) \(loaded.playbook.version) to \(target).")
        }
    }
}
