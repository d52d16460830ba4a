import Foundation
import Testing
@testable import OutreachCatalog
import OutreachCore

// How the catalog finds plugins and playbooks: built-in folder, then the user's data folder, then
// the extra folders from OUTREACH_PLUGIN_PATH / OUTREACH_PLAYBOOK_PATH, the later file winning.

@Suite("Discovery and override")
struct DiscoveryTests {
    @Test func aPluginOnThePluginPathOverridesTheBuiltInOne() throws {
        try Fixtures.withTemporaryFolder { tmp in
            let builtinFile = Fixtures.builtinPluginFile("housing")
            let extra = tmp.appendingPathComponent("extra-plugins")
            let userFile = extra.appendingPathComponent("housing/plugin.yaml")
            try Fixtures.write(Self.housing(name: "Housing authorities (local edition)", version: "1.1.0"), to: userFile)

            let catalog = Catalog(paths: SearchPaths(
                builtin: Fixtures.repoRoot, dataDirectory: tmp.appendingPathComponent("data"), extraPluginFolders: [extra]))

            #expect(catalog.problems.isEmpty)
            let winners = catalog.plugins.filter { $0.plugin.id == "housing" }
            #expect(winners.count == 1)
            let housing = try #require(winners.first)
            #expect(housing.plugin.name == "Housing authorities (local edition)")
            #expect(housing.plugin.version == "1.1.0")
            #expect(Fixtures.samePath(housing.source, userFile))
            #expect(housing.overridden.count == 1)
            #expect(housing.overridden.first.map { Fixtures.samePath($0, builtinFile) } == true)
            #expect(catalog.pluginsByID["housing"]?.version == "1.1.0")
            #expect(catalog.sectors.filter { $0.id == "housing" }.count == 1)
        }
    }

    @Test func laterFoldersWinOverTheUserDataFolder() throws {
        try Fixtures.withTemporaryFolder { tmp in
            let data = tmp.appendingPathComponent("data")
            let userFile = data.appendingPathComponent("plugins/housing/plugin.yaml")
            let extra = tmp.appendingPathComponent("extra-plugins")
            let extraFile = extra.appendingPathComponent("housing/plugin.yaml")
            try Fixtures.write(Self.housing(name: "Housing (user)", version: "1.0.1"), to: userFile)
            try Fixtures.write(Self.housing(name: "Housing (path)", version: "1.0.2"), to: extraFile)

            let catalog = Catalog(paths: SearchPaths(builtin: Fixtures.repoRoot, dataDirectory: data, extraPluginFolders: [extra]))

            let housing = try #require(catalog.plugins.first { $0.plugin.id == "housing" })
            #expect(housing.plugin.version == "1.0.2")
            #expect(Fixtures.samePath(housing.source, extraFile))
            let overridden = [Fixtures.builtinPluginFile("housing"), userFile]
            #expect(housing.overridden.count == 2)
            #expect(zip(housing.overridden, overridden).allSatisfy { Fixtures.samePath($0.0, $0.1) })
        }
    }

    @Test func aNewPluginInTheUserDataFolderAddsASector() throws {
        try Fixtures.withTemporaryFolder { tmp in
            let data = tmp.appendingPathComponent("data")
            let file = data.appendingPathComponent("plugins/libraries/plugin.yaml")
            try Fixtures.copy(Fixtures.goodPluginFolder.appendingPathComponent("plugin.yaml"), to: file)

            let catalog = Catalog(paths: SearchPaths(builtin: Fixtures.repoRoot, dataDirectory: data))

            #expect(catalog.problems.isEmpty)
            #expect(catalog.sectors.map(\.id).contains("libraries"))
            let libraries = try #require(catalog.plugins.first { $0.plugin.id == "libraries" })
            #expect(Fixtures.samePath(libraries.source, file))
            #expect(libraries.overridden.isEmpty)
            #expect(catalog.plugins.count == Fixtures.builtinPluginIDs.count + 1)
        }
    }

    @Test func aBrokenPluginIsReportedOnceAndTheOthersStillLoad() throws {
        try Fixtures.withTemporaryFolder { tmp in
            let extra = tmp.appendingPathComponent("extra-plugins")
            try Fixtures.copy(Fixtures.badPlugin("bad-lens"), to: extra.appendingPathComponent("broken/plugin.yaml"))

            let catalog = Catalog(paths: SearchPaths(
                builtin: Fixtures.repoRoot, dataDirectory: tmp.appendingPathComponent("data"), extraPluginFolders: [extra]))

            #expect(catalog.problems.count == 1)
            let problem = try #require(catalog.problems.first)
            #expect(problem.file.hasSuffix("broken/plugin.yaml"))
            #expect(problem.message.contains("'moral' is not a valid 'lens'"))
            #expect(catalog.plugins.map(\.plugin.id) == Fixtures.builtinPluginIDs)
            #expect(catalog.playbooks.count == Fixtures.builtinPlaybookNames.count)
        }
    }

    @Test func playbooksInATrainingSubfolderAreNotLoaded() throws {
        try Fixtures.withTemporaryFolder { tmp in
            let data = tmp.appendingPathComponent("data")
            let playbooks = data.appendingPathComponent("playbooks")
            try Fixtures.copy(Fixtures.goodPlaybook, to: playbooks.appendingPathComponent("library-intro.yaml"))
            let practice = Fixtures.replacingTopLevel(
                "id", with: "library-practice", in: try String(contentsOf: Fixtures.goodPlaybook, encoding: .utf8))
            try Fixtures.write(practice, to: playbooks.appendingPathComponent("training/library-practice.yaml"))

            let catalog = Catalog(paths: SearchPaths(builtin: Fixtures.repoRoot, dataDirectory: data))

            #expect(catalog.problems.isEmpty)
            #expect(catalog.playbook("library-intro") != nil)
            #expect(catalog.playbook("library-practice") == nil)
            #expect(!catalog.playbooks.contains { $0.source.path.contains("/training/") })
            #expect(catalog.playbooks.count == Fixtures.builtinPlaybookNames.count + 1)
        }
    }

    /// The built-in housing plugin with another name and version.
    static func housing(name: String, version: String) throws -> String {
        let text = try String(contentsOf: Fixtures.builtinPluginFile("housing"), encoding: .utf8)
        return Fixtures.replacingTopLevel("version", with: version, in: Fixtures.replacingTopLevel("name", with: name, in: text))
    }
}
