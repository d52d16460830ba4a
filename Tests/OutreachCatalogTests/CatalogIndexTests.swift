import Foundation
import Testing
@testable import OutreachCatalog

/// Start-up reads an index of the plugin and playbook files instead of parsing them all; these
/// tests show that what a user sees stays right as files change.
@Suite struct CatalogIndexTests {
    func paths(data: URL, plugins: URL, playbooks: URL) -> SearchPaths {
        SearchPaths(builtin: Fixtures.repoRoot, dataDirectory: data, extraPluginFolders: [plugins], extraPlaybookFolders: [playbooks])
    }

    @Test func aBrokenPluginIsReportedAtEveryStartUntilItIsFixed() throws {
        try Fixtures.withTemporaryFolder { folder in
            let data = folder.appendingPathComponent("data"), plugins = folder.appendingPathComponent("plugins")
            let playbooks = folder.appendingPathComponent("playbooks")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            let file = plugins.appendingPathComponent("libraries/plugin.yaml")
            let good = try String(contentsOf: Fixtures.goodPluginFolder.appendingPathComponent("plugin.yaml"), encoding: .utf8)
            try Fixtures.write(good.replacingOccurrences(of: "kind: sector", with: "kind: sectr"), to: file)

            let first = Catalog(paths: paths(data: data, plugins: plugins, playbooks: playbooks))
            #expect(first.problems.count == 1)
            #expect(first.plugin("libraries") == nil)
            let index = data.appendingPathComponent("catalog-index").path
            #expect(try FileManager.default.attributesOfItem(atPath: index)[.posixPermissions] as? Int == 0o600)

            let second = Catalog(paths: paths(data: data, plugins: plugins, playbooks: playbooks))
            #expect(second.problems.map(\.errorDescription) == first.problems.map(\.errorDescription))
            #expect(second.problems.first?.errorDescription?.contains("'sectr' is not a valid 'kind'") == true)

            try Fixtures.write(good, to: file)
            let fixed = Catalog(paths: paths(data: data, plugins: plugins, playbooks: playbooks))
            #expect(fixed.problems.isEmpty)
            #expect(fixed.sectorIDs.contains("libraries"))
            #expect(fixed.plugin("libraries")?.name != nil)
        }
    }

    /// A refused file is remembered by its size and modification time: the next start reports it
    /// from the index without reading it. Shown by swapping in a valid file of the same size and
    /// time, which only a parse would notice.
    @Test func aRefusedPluginIsReportedFromTheIndexWithoutBeingParsedAgain() throws {
        try Fixtures.withTemporaryFolder { folder in
            let data = folder.appendingPathComponent("data"), plugins = folder.appendingPathComponent("plugins")
            let playbooks = folder.appendingPathComponent("playbooks")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            let file = plugins.appendingPathComponent("libraries/plugin.yaml")
            let good = try String(contentsOf: Fixtures.goodPluginFolder.appendingPathComponent("plugin.yaml"), encoding: .utf8)
            let bomb = try String(contentsOf: Fixtures.badPlugin("alias-bomb"), encoding: .utf8)
            let padding = good.utf8.count - bomb.utf8.count - 2
            try #require(padding >= 0)
            let sameTime = Date(timeIntervalSince1970: 1_700_000_000)
            func write(_ text: String) throws {
                try Fixtures.write(text, to: file)
                try FileManager.default.setAttributes([.modificationDate: sameTime], ofItemAtPath: file.path)
            }
            try write(bomb + "#" + String(repeating: "x", count: padding) + "\n")
            let refusal = "\(file.path):9:8: \(YAMLLimitsTests.expansionMessage)"

            let first = Catalog(paths: paths(data: data, plugins: plugins, playbooks: playbooks))
            #expect(first.problems.map(\.errorDescription) == [refusal])

            try write(good)
            let second = Catalog(paths: paths(data: data, plugins: plugins, playbooks: playbooks))
            #expect(second.problems.map(\.errorDescription) == [refusal])
            #expect(second.plugin("libraries") == nil)

            // A new modification time is a change: the file is parsed again and now loads.
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file.path)
            let changed = Catalog(paths: paths(data: data, plugins: plugins, playbooks: playbooks))
            #expect(changed.problems.isEmpty)
            #expect(changed.plugin("libraries")?.id == "libraries")
        }
    }

    @Test func changingAPluginChecksThePlaybooksThatIncludeItAgain() throws {
        try Fixtures.withTemporaryFolder { folder in
            let data = folder.appendingPathComponent("data"), plugins = folder.appendingPathComponent("plugins")
            let playbooks = folder.appendingPathComponent("playbooks")
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            let pluginFile = plugins.appendingPathComponent("libraries/plugin.yaml")
            let good = try String(contentsOf: Fixtures.goodPluginFolder.appendingPathComponent("plugin.yaml"), encoding: .utf8)
            try Fixtures.write(good, to: pluginFile)
            try Fixtures.write("""
                format: 1
                id: library-check
                title: Library check
                version: 1.0.0
                steps:
                  - id: listen
                    questions:
                      - include: libraries.listen
                """, to: playbooks.appendingPathComponent("library-check.yaml"))
            #expect(Catalog(paths: paths(data: data, plugins: plugins, playbooks: playbooks)).playbook("library-check") != nil)

            // The plugin loses its listen questions: the unchanged playbook is now reported.
            let start = try #require(good.range(of: "  listen:"))
            let end = try #require(good.range(of: "  value:"))
            try Fixtures.write(good.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: ""), to: pluginFile)
            let catalog = Catalog(paths: paths(data: data, plugins: plugins, playbooks: playbooks))
            #expect(catalog.playbook("library-check") == nil)
            #expect(catalog.problems.first?.errorDescription?.contains("cannot include 'libraries.listen'") == true)
        }
    }

    @Test func aPlaybookNamedDifferentlyFromItsIdIsReported() throws {
        try Fixtures.withTemporaryFolder { folder in
            let playbooks = folder.appendingPathComponent("playbooks")
            try Fixtures.copy(Fixtures.goodPlaybook, to: playbooks.appendingPathComponent("intro.yaml"))
            let catalog = Catalog(paths: paths(data: folder.appendingPathComponent("none"), plugins: folder, playbooks: playbooks))
            #expect(catalog.playbook("library-intro") == nil)
            #expect(catalog.problems.first?.errorDescription?.hasSuffix("the playbook's id 'library-intro' does not match its file name; rename the file to 'library-intro.yaml'.") == true)
        }
    }
}
