import Foundation
import Testing
@testable import OutreachCatalog
import OutreachCore

// `plugin check` and `playbook check` report every problem of a draft in one run, in file order.

/// A fixture with several problems and every message `check` must report for it, in order.
struct SeveralProblemsFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let messages: [String]
    var testDescription: String { name }
}

@Suite("Checking reports every problem")
struct CheckAllProblemsTests {
    static let allowedPluginKeys = "format, id, name, version, kind, stakeholder, summary, drivers, glossary, values, steps, lenses, tips, questions"

    static let pluginCases: [SeveralProblemsFixture] = [
        SeveralProblemsFixture(name: "several-problems", messages: [
            "8:1: unknown key 'sumary'; did you mean 'summary'? The keys allowed here are: \(allowedPluginKeys).",
            "9:1: unknown key 'background'; a sector plugin's background goes in 'summary'. The keys allowed here are: \(allowedPluginKeys).",
            "11:5: this must be a mapping of keys to values ('key: value' lines): a driver needs topic, title, detail.",
            "12:5: a driver has no 'detail'; add it.",
            "12:12: 'funding' is not a valid 'topic'; use one of: financing, incentives, accountability, regulation, competitors, culture, capacity.",
            "15:5: a glossary term has no 'meaning'; add it.",
            "16:1: unknown key 'question'; questions go under 'questions', in a list for each step, such as 'questions: {listen: [...]}'. The keys allowed here are: \(allowedPluginKeys).",
            "21:16: the question 'libraries.homework.board' is of kind 'text', which takes no 'choices'; set 'kind: choice' (or 'kind: multi' for several answers), or remove the choices.",
            "23:7: unknown key 'txt'; did you mean 'text' or 'tip'? The keys allowed here are: id, text, tip, kind, choices, scale, required, tags, captures.",
        ]),
    ]

    static let playbookCases: [SeveralProblemsFixture] = [
        SeveralProblemsFixture(name: "several-problems", messages: [
            "6:16: 'libraries' is not a valid 'sectors'; use one of: any, food-banks, hospitals, housing, police, public-health.",
            "7:1: unknown key 'description'; a playbook's description goes in 'summary'. The keys allowed here are: format, id, title, summary, version, sectors, steps.",
            "10:5: unknown key 'question'; did you mean 'questions'? The keys allowed here are: id, title, intro, questions.",
            "14:18: cannot include 'dash.lissen': the plugin 'dash' has no question set 'lissen' (its sets: homework, listen, value).",
            "19:15: the condition refers to 'several-problems.later', which comes later; a condition can only look at earlier answers.",
            "22:16: 'Next steps' is not a valid tag; 'tags' takes a list of lowercase words made of letters, digits and '-', such as [ask, risk, next-steps].",
        ]),
    ]

    @Test("A plugin draft's problems are all reported, by line then column", arguments: pluginCases)
    func everyPluginProblem(_ fixture: SeveralProblemsFixture) {
        let result = PluginLoader.check(from: Fixtures.badPlugin(fixture.name), displayName: "\(fixture.name).yaml")
        #expect(result.value == nil)
        #expect(!result.stoppedEarly)
        #expect(result.problems.map { $0.errorDescription ?? "" } == fixture.messages.map { "\(fixture.name).yaml:\($0)" })
    }

    @Test("A playbook draft's problems are all reported, by line then column", arguments: playbookCases)
    func everyPlaybookProblem(_ fixture: SeveralProblemsFixture) {
        let result = PlaybookLoader.check(from: Fixtures.badPlaybook(fixture.name), plugins: Fixtures.builtinCatalog.pluginLookup,
                                          displayName: "\(fixture.name).yaml")
        #expect(result.value == nil)
        #expect(result.problems.map { $0.errorDescription ?? "" } == fixture.messages.map { "\(fixture.name).yaml:\($0)" })
    }

    @Test("Checking a one-problem plugin fixture reports just the problem loading reports", arguments: BadPluginFixtureTests.cases)
    func singlePluginProblem(_ fixture: BadFixture) {
        let result = PluginLoader.check(from: Fixtures.badPlugin(fixture.name), displayName: fixture.displayName)
        #expect(result.problems.map { $0.errorDescription ?? "" } == [fixture.expected])
    }

    @Test("Checking a one-problem playbook fixture reports just the problem loading reports", arguments: BadPlaybookFixtureTests.cases)
    func singlePlaybookProblem(_ fixture: BadFixture) {
        let result = PlaybookLoader.check(from: Fixtures.badPlaybook(fixture.name), plugins: Fixtures.builtinCatalog.pluginLookup,
                                          displayName: fixture.displayName)
        #expect(result.problems.map { $0.errorDescription ?? "" } == [fixture.expected])
    }

    @Test func malformedYAMLStopsTheCheckAtTheSyntaxError() {
        let result = PluginLoader.check(from: Fixtures.badPlugin("malformed-yaml"), displayName: "malformed-yaml.yaml")
        #expect(result.stoppedEarly)
        #expect(result.problems.count == 1)
    }

    @Test func loadingStillThrowsTheFirstProblemOfADraft() throws {
        let error = try #require(throws: CatalogError.self) {
            try PluginLoader.load(from: Fixtures.badPlugin("several-problems"), displayName: "several-problems.yaml")
        }
        #expect(error.errorDescription == "several-problems.yaml:\(Self.pluginCases[0].messages[0])")
    }

    @Test func aGoodPluginChecksClean() {
        let result = PluginLoader.check(from: Fixtures.goodPluginFolder, displayName: "libraries/plugin.yaml")
        #expect(result.problems.isEmpty)
        #expect(result.value?.id == "libraries")
    }

    @Test func aPluginWhoseIDIsNotItsFolderIsReportedAmongItsOtherProblems() throws {
        try Fixtures.withTemporaryFolder { folder in
            let text = try String(contentsOf: Fixtures.goodPluginFolder.appendingPathComponent("plugin.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "\nname: ", with: "\nnme: ")
            let file = folder.appendingPathComponent("library/plugin.yaml")
            try Fixtures.write(text, to: file)
            let messages = PluginLoader.check(from: file, displayName: "plugin.yaml").problems.map(\.message)
            // The misspelt key is reported once, not again as a missing 'name'.
            #expect(messages.count == 2)
            #expect(messages.contains { $0.hasPrefix("unknown key 'nme'; did you mean 'name'?") })
            #expect(messages.contains("the id 'libraries' is not valid: a plugin's id must match its folder name 'library'; rename one of them."))
        }
    }
}

@Suite("Advice for unknown keys")
struct KeyAdviceTests {
    @Test func aMisspeltKeyGetsTheNearestAllowedOne() {
        #expect(KeyAdvice.advice(for: "sumary", in: "the plugin", allowed: PluginLoader.topKeys) == "did you mean 'summary'?")
    }

    @Test func aKnownMisplacementSaysWhereTheKeyBelongs() {
        #expect(KeyAdvice.advice(for: "background", in: "the plugin", allowed: PluginLoader.topKeys) == "a sector plugin's background goes in 'summary'")
        #expect(KeyAdvice.advice(for: "when", in: "a question", allowed: QuestionDecoding.pluginKeys)?.contains("only playbook questions") == true)
    }

    @Test func aKeyNothingLikeAnyOtherGetsNoAdvice() {
        #expect(KeyAdvice.advice(for: "zebra", in: "the plugin", allowed: PluginLoader.topKeys) == nil)
    }

    @Test func everyMisplacementNamesAKeyThatIsUnknownWhereItIsFound() {
        let allowed: [String: [String]] = [
            "the plugin": PluginLoader.topKeys, "the playbook": PlaybookLoader.topKeys,
            "a question": QuestionDecoding.pluginKeys, "a glossary term": ["term", "meaning", "elsewhere"], "a step": ["id", "title", "intro"],
        ]
        for entry in KeyAdvice.misplacements {
            let keys = allowed[entry.context ?? ""]
            #expect(keys != nil, "\(entry.key): unknown context \(entry.context ?? "nil")")
            #expect(!(keys ?? []).contains(entry.key), "'\(entry.key)' is allowed in \(entry.context ?? "")")
        }
    }
}
