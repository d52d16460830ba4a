import Foundation
import Testing
@testable import OutreachCatalog
import OutreachCore

// The plugins in Plugins/ and the playbooks in playbooks/ that ship with outreach.

@Suite("Built-in plugins")
struct BuiltinPluginTests {
    @Test func thereAreBuiltinPlugins() {
        #expect(Fixtures.builtinPluginIDs.contains("dash"))
        #expect(Fixtures.builtinPluginIDs.contains("housing"))
    }

    @Test("Each built-in plugin loads, and sector plugins carry enough content", arguments: Fixtures.builtinPluginIDs)
    func loads(_ folder: String) throws {
        let plugin = try PluginLoader.load(from: Fixtures.builtinPluginFile(folder), displayName: "Plugins/\(folder)/plugin.yaml")
        #expect(plugin.id == folder, "a plugin's id equals its folder name")
        guard plugin.kind == .sector else { return }

        #expect(plugin.stakeholder != nil)
        let perStep = DashStep.allCases.map { plugin.questions(for: $0.rawValue)?.count ?? 0 }
        #expect(perStep.allSatisfy { $0 >= 1 }, "a question in each of homework, listen, value: \(perStep)")
        #expect(perStep.reduce(0, +) >= 12, "at least 12 questions over the three steps: \(perStep)")
        #expect(plugin.drivers.count >= 6)
        #expect(plugin.glossary.count >= 8)
        #expect(plugin.values.count >= 4)
    }

    @Test func questionIDsAreUniqueAcrossPluginsAndStartWithThePluginID() throws {
        var owner: [String: String] = [:]
        for folder in Fixtures.builtinPluginIDs {
            let plugin = try PluginLoader.load(from: Fixtures.builtinPluginFile(folder))
            for question in plugin.allQuestions {
                #expect(question.id.hasPrefix("\(plugin.id)."), "\(question.id) does not start with '\(plugin.id).'")
                if let first = owner[question.id] {
                    Issue.record("\(question.id) is used by both \(first) and \(plugin.id)")
                }
                owner[question.id] = plugin.id
            }
        }
        #expect(!owner.isEmpty)
    }

    @Test func theBuiltinCatalogHasNoProblems() {
        let catalog = Fixtures.builtinCatalog
        #expect(catalog.problems.map { $0.errorDescription ?? "" } == [])
        #expect(catalog.plugins.map(\.plugin.id) == Fixtures.builtinPluginIDs)
        #expect(catalog.plugins.allSatisfy { $0.overridden.isEmpty })
    }
}

@Suite("Built-in playbooks")
struct BuiltinPlaybookTests {
    @Test func thereAreBuiltinPlaybooks() {
        #expect(Fixtures.builtinPlaybookNames.contains("dash.yaml"))
        #expect(Fixtures.builtinCatalog.playbooks.count == Fixtures.builtinPlaybookNames.count)
    }

    @Test("Each built-in playbook loads and resolves for every sector", arguments: Fixtures.builtinPlaybookNames)
    func loadsAndResolves(_ name: String) throws {
        let catalog = Fixtures.builtinCatalog
        let plugins = catalog.pluginsByID
        let file = Fixtures.builtinPlaybooks.appendingPathComponent(name)
        let playbook = try PlaybookLoader.load(from: file, plugins: plugins, displayName: "playbooks/\(name)")
        #expect("\(playbook.id).yaml" == name, "a playbook's id equals its file name")

        let withoutSector = try PlaybookResolver.resolve(playbook, sector: nil, plugins: plugins)
        #expect(!withoutSector.flattened.isEmpty)
        #expect(!catalog.sectors.isEmpty)
        for sector in catalog.sectors {
            let resolved = try PlaybookResolver.resolve(playbook, sector: sector.id, plugins: plugins)
            let ids = resolved.flattened.map(\.question.id)
            #expect(Set(ids).count == ids.count, "question ids repeat when resolved for \(sector.id)")
            if playbook.isSectorAware {
                #expect(ids.count > withoutSector.flattened.count, "the \(sector.id) questions are added")
            }
        }
    }
}
