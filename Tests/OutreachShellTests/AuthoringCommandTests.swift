import Foundation
import OutreachCatalog
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachShell

/// Writing plugins and playbooks: `check` lists every problem, `lint` the content guidelines,
/// `reload` picks up new files, and `playbook import` checks the files on disk.
@Suite struct AuthoringCommandTests {
    let badPlugins = repositoryRoot.appendingPathComponent("Tests/Fixtures/plugins/bad")
    let goodPlugin = repositoryRoot.appendingPathComponent("Tests/Fixtures/plugins/good/libraries")
    let goodPlaybook = repositoryRoot.appendingPathComponent("Tests/Fixtures/playbooks/good/library-intro.yaml")

    /// A shell whose data folder (user plugins and playbooks) is `data`.
    func harness(data: URL) throws -> ShellHarness {
        try ShellHarness(catalog: Catalog(paths: SearchPaths(builtin: repositoryRoot, dataDirectory: data)))
    }

    func errorLines(_ harness: ShellHarness) -> [String] {
        harness.errors.split(separator: "\n").map(String.init)
    }

    @Test func pluginCheckListsEveryProblemInOrderWithACount() throws {
        let file = badPlugins.appendingPathComponent("several-problems.yaml")
        let display = Catalog.display(file)
        let harness = try ShellHarness()
        #expect(harness.run(["plugin check \(Tokenizer.quote(file.path))"]) == 1)
        let lines = errorLines(harness)
        #expect(lines.count == 10)
        #expect(lines.first == "\(display):8:1: unknown key 'sumary'; did you mean 'summary'? The keys allowed here are: format, id, name, version, kind, stakeholder, summary, drivers, glossary, values, steps, lenses, tips, questions.")
        #expect(lines.dropLast().map { $0.split(separator: ":")[1] } == ["8", "9", "11", "12", "12", "15", "16", "21", "23"])
        #expect(lines.last == "9 problems in \(display).")
    }

    @Test func malformedYAMLSaysTheCheckStoppedThere() throws {
        let file = badPlugins.appendingPathComponent("malformed-yaml.yaml")
        let harness = try ShellHarness()
        #expect(harness.run(["plugin check \(Tokenizer.quote(file.path))"]) == 1)
        let lines = errorLines(harness)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("\(Catalog.display(file)):4:7: the YAML is malformed") == true)
        #expect(lines.last == "1 problem in \(Catalog.display(file)): checking stops at the first YAML syntax error; fix it and run 'plugin check \(file.path)' again to find any others.")
    }

    @Test func playbookCheckListsEveryProblem() throws {
        let file = repositoryRoot.appendingPathComponent("Tests/Fixtures/playbooks/bad/several-problems.yaml")
        let harness = try ShellHarness()
        #expect(harness.run(["playbook check \(Tokenizer.quote(file.path))"]) == 1)
        let lines = errorLines(harness)
        #expect(lines.count == 7)
        #expect(lines[1] == "\(file.path):7:1: unknown key 'description'; a playbook's description goes in 'summary'. The keys allowed here are: format, id, title, summary, version, sectors, steps.")
        #expect(lines.last == "6 problems in \(file.path).")
    }

    @Test func importListsEveryProblemOfABrokenPlaybookAndInstallsNothing() throws {
        try withTemporaryFolder { data in
            let file = repositoryRoot.appendingPathComponent("Tests/Fixtures/playbooks/bad/several-problems.yaml")
            let harness = try harness(data: data)
            #expect(harness.run(["playbook import \(Tokenizer.quote(file.path))"]) == 1)
            #expect(errorLines(harness).last == "6 problems in \(file.path).")
            #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("playbooks/several-problems.yaml").path))
        }
    }

    @Test func pluginLintWarnsButPassesUnlessStrict() throws {
        let display = Catalog.display(goodPlugin.appendingPathComponent("plugin.yaml"))
        let harness = try ShellHarness()
        #expect(harness.run(["plugin lint \(Tokenizer.quote(goodPlugin.path))"]) == 0)
        let lines = harness.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(display):19:1: warning: a sector plugin needs at least 6 drivers; this one has 2 [sector-minimums]")
        #expect(lines.contains("\(display):70:7: warning: the question 'libraries.value.shared-measure' has no tip; add a 'tip' with practical advice for asking it (shown by /tip) [question-tip]"))
        #expect(lines.last == "5 warnings in \(display).")

        let strict = try ShellHarness()
        #expect(strict.run(["plugin lint \(Tokenizer.quote(goodPlugin.path)) --strict"]) == 1)
        #expect(strict.errors.contains("5 warnings in \(display). (--strict fails on any warning.)"))
    }

    @Test func lintChecksTheStructureFirst() throws {
        let file = badPlugins.appendingPathComponent("unknown-key.yaml")
        let harness = try ShellHarness()
        #expect(harness.run(["plugin lint \(Tokenizer.quote(file.path))"]) == 1)
        #expect(errorLines(harness).last == "1 problem in \(Catalog.display(file)).")
        #expect(!harness.text.contains("warning"))
    }

    @Test func playbookLintWantsANextStepsQuestion() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["playbook lint \(Tokenizer.quote(goodPlaybook.path)) --strict"]) == 1)
        #expect(harness.text.contains("\(goodPlaybook.path):11:1: warning: no question is tagged 'next-steps'"))
        #expect(harness.text.hasSuffix("[next-steps-question]\n"))
    }

    @Test func theSkeletonOfANewPlaybookPassesLintStrict() throws {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("food-first.yaml").path
            let harness = try ShellHarness()
            #expect(harness.run(["playbook new food-first --out \(Tokenizer.quote(path))", "playbook lint \(Tokenizer.quote(path)) --strict"]) == 0)
            #expect(harness.text.hasSuffix("ok: \(path) follows the content guidelines.\n"))
        }
    }

    @Test func reloadPicksUpAPluginWrittenDuringTheSession() throws {
        try withTemporaryFolder { data in
            let harness = try harness(data: data)
            #expect(harness.run(["sectors"]) == 0)
            #expect(!harness.text.contains("libraries"))

            let target = data.appendingPathComponent("plugins/libraries/plugin.yaml")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: goodPlugin.appendingPathComponent("plugin.yaml"), to: target)
            #expect(harness.run(["reload", "sector libraries"]) == 0)
            #expect(harness.text.contains("Reloaded.\nAdded: plugin libraries 0.1.0."))
            #expect(harness.text.contains("Public libraries"))

            // Changed, then broken: the reload says so, and the broken file is skipped.
            let text = try String(contentsOf: target, encoding: .utf8)
            try text.replacingOccurrences(of: "version: 0.1.0", with: "version: 0.2.0").write(to: target, atomically: true, encoding: .utf8)
            #expect(harness.run(["reload"]) == 0)
            #expect(harness.text.contains("Changed: plugin libraries 0.2.0."))
            try text.replacingOccurrences(of: "\nname: ", with: "\nnme: ").write(to: target, atomically: true, encoding: .utf8)
            #expect(harness.run(["reload"]) == 0)
            #expect(harness.text.contains("Removed: plugin libraries."))
            #expect(harness.errors.contains("warning: skipped \(target.path):"))
            #expect(harness.errors.contains("unknown key 'nme'; did you mean 'name'?"))
            #expect(harness.run(["reload"]) == 0)
            #expect(harness.text.hasSuffix("Reloaded: no plugin or playbook changed.\n"))
        }
    }

    @Test func reloadIsRefusedWhileASessionRuns() throws {
        try withTemporaryFolder { data in
            let harness = try harness(data: data)
            #expect(harness.run(["partner add Metro --sector police", "start dash --partner Metro"]) == 0)
            #expect(harness.run(["/reload"]) == 1)
            #expect(harness.errors.contains("a playbook is running; type '/pause' before 'reload', or '/finish' to end it."))
            #expect(harness.run(["/pause", "reload"]) == 0)
        }
    }

    @Test func importingADifferentFileWithTheSameVersionTwiceIsRefused() throws {
        try withTemporaryFolder { data in
            let harness = try harness(data: data)
            let first = data.appendingPathComponent("first.yaml"), second = data.appendingPathComponent("second.yaml")
            let text = try String(contentsOf: goodPlaybook, encoding: .utf8)
            try text.write(to: first, atomically: true, encoding: .utf8)
            try text.replacingOccurrences(of: "title: First conversation", with: "title: Second conversation")
                .write(to: second, atomically: true, encoding: .utf8)

            #expect(harness.run(["playbook import \(Tokenizer.quote(first.path))"]) == 0)
            #expect(harness.text.contains("Type 'reload' to use it now."))
            #expect(harness.run(["playbook import \(Tokenizer.quote(first.path))"]) == 0, "the same file again is fine")
            #expect(harness.run(["playbook import \(Tokenizer.quote(second.path))"]) == 1)
            let installed = data.appendingPathComponent("playbooks/library-intro.yaml")
            #expect(harness.errors.contains("a different playbook 'library-intro' version 0.1.0 is already installed (\(Catalog.display(installed)))"))
            #expect(try String(contentsOf: installed, encoding: .utf8) == text, "the first import is kept")
            #expect(harness.run(["playbook import \(Tokenizer.quote(second.path)) --force"]) == 0)
            #expect(try String(contentsOf: installed, encoding: .utf8).contains("Second conversation"))
        }
    }

    @Test func playbooksShowsWhichBuiltinPlaybookAUserOneOverrides() throws {
        try withTemporaryFolder { data in
            let harness = try harness(data: data)
            let builtin = repositoryRoot.appendingPathComponent("playbooks/value-story.yaml")
            let copy = data.appendingPathComponent("value-story.yaml")
            let text = try String(contentsOf: builtin, encoding: .utf8)
            let version = try #require(text.split(separator: "\n").first { $0.hasPrefix("version: ") })
            try text.replacingOccurrences(of: String(version), with: "version: 9.0.0").write(to: copy, atomically: true, encoding: .utf8)

            #expect(harness.run(["playbook import \(Tokenizer.quote(copy.path))", "reload"]) == 0)
            #expect(harness.text.contains("Changed: playbook value-story 9.0.0."))

            // A terminal wide enough for the whole source column.
            let output = BufferOutput()
            let wide = ShellContext(database: try AppDatabase.inMemory(), catalog: harness.context.catalog, output: output,
                                    style: Style(colour: false, width: 400), isInteractive: false, confirm: { _ in false })
            #expect(Shell(context: wide).run(reader: ListLineReader(["playbooks"]), bail: false) == 0)
            let installed = data.appendingPathComponent("playbooks/value-story.yaml")
            let row = try #require(output.text.split(separator: "\n").first { $0.hasPrefix("value-story ") })
            #expect(row.hasSuffix("\(Catalog.display(installed)) (overrides \(Catalog.display(builtin)))"))
        }
    }
}
