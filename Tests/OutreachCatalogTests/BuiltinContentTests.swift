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
        for value in plugin.values {
            #expect(value.way != nil, "\(plugin.id): '\(value.value)' has no way")
            #expect(value.perspective != nil, "\(plugin.id): '\(value.value)' has no perspective")
        }
        #expect(plugin.allQuestions.contains { $0.tags.contains("risk") }, "\(plugin.id) tags a question 'risk'")
    }

    @Test func everyTagIsAPlainLowercaseWord() throws {
        for folder in Fixtures.builtinPluginIDs {
            let plugin = try PluginLoader.load(from: Fixtures.builtinPluginFile(folder))
            for question in plugin.allQuestions {
                for tag in question.tags {
                    #expect(tag.allSatisfy { ($0.isLetter && $0.isLowercase) || $0 == "-" }, "\(question.id): '\(tag)'")
                }
            }
        }
    }

    @Test func theDashTipsAndValueStepAskWhoPaysToKeepItGoing() throws {
        let dash = try PluginLoader.load(from: Fixtures.builtinPluginFile("dash"))
        let value = try #require(dash.questions(for: "value"))
        #expect(value.contains { $0.id == "dash.value.sustain" && $0.tags == ["sustainability"] })
        #expect(dash.tips.contains { $0.id == "who-pays" })
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
        #expect(Fixtures.builtinPlaybookNames.contains("first-meeting.yaml"))
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

@Suite("The first meeting and the tags the program reads")
struct FirstMeetingTests {
    static let sectors = Fixtures.builtinCatalog.sectors.map(\.id)

    static func resolved(_ playbookID: String, sector: String?) throws -> ResolvedPlaybook {
        let plugins = Fixtures.builtinCatalog.pluginsByID
        let file = Fixtures.builtinPlaybooks.appendingPathComponent("\(playbookID).yaml")
        let playbook = try PlaybookLoader.load(from: file, plugins: plugins, displayName: "playbooks/\(playbookID).yaml")
        return try PlaybookResolver.resolve(playbook, sector: sector, plugins: plugins)
    }

    @Test func theSectorsAreTheFiveBuiltinOnes() {
        #expect(Set(Self.sectors) == ["food-banks", "hospitals", "housing", "police", "public-health"])
    }

    @Test("first-meeting has 15 to 20 questions and covers the three DASH steps", arguments: sectors)
    func firstMeetingIsShort(_ sector: String) throws {
        let playbook = try Self.resolved("first-meeting", sector: sector)
        let count = playbook.flattened.count
        #expect((15...20).contains(count), "\(count) questions for \(sector)")
        let stepIDs = playbook.steps.filter { !$0.questions.isEmpty }.map(\.id)
        for step in ["homework", "listen", "value"] {
            #expect(stepIDs.contains(step), "no questions in \(step)")
        }
        #expect(playbook.flattened.contains { $0.question.tags.contains("sustainability") })
    }

    @Test("dash and first-meeting ask, weigh risk and failure, and close with next steps", arguments: sectors)
    func conversationPlaybooksCarryTheTagsTheProgramReads(_ sector: String) throws {
        for id in ["dash", "first-meeting"] {
            let tags = Set(try Self.resolved(id, sector: sector).flattened.flatMap(\.question.tags))
            for wanted in ["ask", "risk", "success", "failure", "terms", "next-steps"] {
                #expect(tags.contains(wanted), "\(id) for \(sector) has no question tagged '\(wanted)'")
            }
        }
    }

    @Test func theTermsAndNextStepsQuestionsDeclareWhatTheyCapture() throws {
        for id in ["dash", "first-meeting"] {
            let questions = try Self.resolved(id, sector: "housing").flattened.map(\.question)
            #expect(questions.contains { $0.tags.contains("terms") && $0.captures == .terms }, "\(id)")
            #expect(questions.contains { $0.tags.contains("next-steps") && $0.captures == .actions }, "\(id)")
        }
    }

    @Test("Every built-in playbook records next steps", arguments: Fixtures.builtinPlaybookNames)
    func everyPlaybookHasANextStepsQuestion(_ name: String) throws {
        let playbook = try Self.resolved(String(name.dropLast(".yaml".count)), sector: "housing")
        #expect(playbook.flattened.contains { $0.question.tags.contains("next-steps") })
    }

    @Test("The dash conversation asks each thing once", arguments: sectors)
    func dashHasNoOverlaps(_ sector: String) throws {
        let ids = try Self.resolved("dash", sector: sector).flattened.map(\.question.id)
        #expect(!ids.contains("dash.pb.shared-lessons"), "earlier sharing is asked by dash.listen.past-sharing")
        #expect(ids.filter { $0.contains("first-project") }.count == 1, "one first-project question")
        #expect(ids.contains("dash.listen.past-sharing"))
    }
}
