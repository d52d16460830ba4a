import Foundation
import Testing
@testable import OutreachCatalog
import OutreachCore

// The fixture files under Tests/Fixtures and the exact problem the loaders report for each bad one.
// Each file is loaded with its bare file name as display name, so the expected strings do not
// depend on where the repository is checked out.

/// A bad fixture file and the problem the loader must report for it.
struct BadFixture: Sendable, CustomTestStringConvertible {
    /// The file name without `.yaml`.
    let name: String
    /// `line:column` of the problem, 1-based.
    let position: String
    /// A distinctive part of the message, to make the intent of each case plain.
    let fragment: String
    /// The whole message after the location.
    let message: String

    var displayName: String { "\(name).yaml" }
    var expected: String { "\(displayName):\(position): \(message)" }
    var testDescription: String { name }
}

@Suite("Bad plugin fixtures")
struct BadPluginFixtureTests {
    static let cases: [BadFixture] = [
        BadFixture(
            name: "malformed-yaml", position: "4:7", fragment: "while scanning a quoted scalar",
            message: "the YAML is malformed: while scanning a quoted scalar, found unexpected end of stream. Check indentation and quoting on this line."),
        BadFixture(
            name: "missing-field", position: "2:1", fragment: "has no 'name'",
            message: "the plugin has no 'name'; add it."),
        BadFixture(
            name: "wrong-type", position: "11:10", fragment: "'drivers' must be a list",
            message: "'drivers' must be a list: lines starting with '- ', or [a, b] on one line."),
        BadFixture(
            name: "unknown-key", position: "7:1", fragment: "unknown key 'stakholder'",
            message: "unknown key 'stakholder'; did you mean 'stakeholder'? The keys allowed here are: format, id, name, version, kind, stakeholder, summary, drivers, glossary, values, steps, lenses, tips, questions."),
        BadFixture(
            name: "duplicate-question-id", position: "16:11", fragment: "already used on line 13",
            message: "the id 'libraries.homework.budget' is already used on line 13; ids must be unique, so give this one another id."),
        BadFixture(
            name: "unknown-step", position: "12:3", fragment: "there is no step 'lsten'",
            message: "there is no step 'lsten'; question sets may be keyed by: homework, listen, value (declare other steps under 'steps')."),
        BadFixture(
            name: "newer-format", position: "2:9", fragment: "uses format 2",
            message: "this file uses format 2, but this version of outreach reads format 1 at most; update outreach to use it."),
        BadFixture(
            name: "bad-lens", position: "14:11", fragment: "'moral' is not a valid 'lens'",
            message: "'moral' is not a valid 'lens'; use one of: economic, financial, operational, altruistic."),
        BadFixture(
            name: "bad-way", position: "15:10", fragment: "'money' is not a valid 'way'",
            message: "'money' is not a valid 'way'; use one of: fiscal, outcomes, recognition."),
        BadFixture(
            name: "bad-perspective", position: "16:18", fragment: "'patrons' is not a valid 'perspective'",
            message: "'patrons' is not a valid 'perspective'; use one of: clients, staff, organisation, community."),
        BadFixture(
            name: "bad-tag", position: "16:19", fragment: "'next steps' is not a valid tag",
            message: "'next steps' is not a valid tag; 'tags' takes a list of lowercase words made of letters, digits and '-', such as [ask, risk, next-steps]."),
        BadFixture(
            name: "bad-captures", position: "16:17", fragment: "'notes' is not a valid 'captures'",
            message: "'notes' is not a valid 'captures'; use one of: terms, actions, values."),
        BadFixture(
            name: "choices-on-text", position: "16:16", fragment: "which takes no 'choices'",
            message: "the question 'libraries.homework.governance' is of kind 'text', which takes no 'choices'; set 'kind: choice' (or 'kind: multi' for several answers), or remove the choices."),
        BadFixture(
            name: "alias-bomb", position: "9:8", fragment: "aliases ('*name') expanded",
            message: "refused: with its aliases ('*name') expanded, the file holds more than 100000 values, the limit for a YAML file; write the values out instead of repeating anchors ('&name'), or split the file."),
        BadFixture(
            name: "too-deep", position: "4:73", fragment: "nested more than 64 levels",
            message: "refused: lists and mappings are nested more than 64 levels deep here, the limit for a YAML file; flatten them."),
    ]

    @Test("Every kind of bad plugin file is reported at its line and column", arguments: cases)
    func reportsTheProblem(_ fixture: BadFixture) throws {
        let error = try #require(throws: CatalogError.self) {
            try PluginLoader.load(from: Fixtures.badPlugin(fixture.name), displayName: fixture.displayName)
        }
        checkProblem(error, against: fixture)
    }

    @Test func everyBadPluginFileHasACase() throws {
        #expect(try Fixtures.yamlNames(in: Fixtures.badPluginFolder) == (Self.cases.map(\.name) + CheckAllProblemsTests.pluginCases.map(\.name)).sorted())
    }
}

@Suite("Bad playbook fixtures")
struct BadPlaybookFixtureTests {
    static let cases: [BadFixture] = [
        BadFixture(
            name: "malformed-yaml", position: "10:16", fragment: "mapping values are not allowed",
            message: "the YAML is malformed: mapping values are not allowed in this context. Check indentation and quoting on this line."),
        BadFixture(
            name: "unknown-key", position: "10:5", fragment: "unknown key 'question'",
            message: "unknown key 'question'; did you mean 'questions'? The keys allowed here are: id, title, intro, questions."),
        BadFixture(
            name: "unknown-include", position: "10:18", fragment: "cannot include 'dash.lissen'",
            message: "cannot include 'dash.lissen': the plugin 'dash' has no question set 'lissen' (its sets: homework, listen, value)."),
        BadFixture(
            name: "when-unknown-question", position: "12:15", fragment: "is not a question of this playbook",
            message: "the condition refers to 'when-unknown-question.social-worker', which is not a question of this playbook."),
        BadFixture(
            name: "when-later-question", position: "12:15", fragment: "which comes later",
            message: "the condition refers to 'when-later-question.social-worker', which comes later; a condition can only look at earlier answers."),
        BadFixture(
            name: "duplicate-id", position: "11:13", fragment: "already used on line 10",
            message: "the id 'dash.homework.shared-population' is already used on line 10; ids must be unique, so give this one another id."),
        BadFixture(
            name: "unknown-choice", position: "16:15", fragment: "'maybe' is not a choice",
            message: "'maybe' is not a choice of 'unknown-choice.social-worker'; its choices are: yes, no, planned."),
        BadFixture(
            name: "newer-format", position: "2:9", fragment: "uses format 2",
            message: "this file uses format 2, but this version of outreach reads format 1 at most; update outreach to use it."),
        BadFixture(
            name: "alias-bomb", position: "9:8", fragment: "aliases ('*name') expanded",
            message: "refused: with its aliases ('*name') expanded, the file holds more than 100000 values, the limit for a YAML file; write the values out instead of repeating anchors ('&name'), or split the file."),
        BadFixture(
            name: "bad-tag", position: "13:13", fragment: "'Risk' is not a valid tag",
            message: "'Risk' is not a valid tag; 'tags' takes a list of lowercase words made of letters, digits and '-', such as [ask, risk, next-steps]."),
    ]

    @Test("Every kind of bad playbook file is reported at its line and column", arguments: cases)
    func reportsTheProblem(_ fixture: BadFixture) throws {
        let plugins = Fixtures.builtinCatalog.pluginsByID
        let error = try #require(throws: CatalogError.self) {
            try PlaybookLoader.load(from: Fixtures.badPlaybook(fixture.name), plugins: plugins, displayName: fixture.displayName)
        }
        checkProblem(error, against: fixture)
    }

    @Test func everyBadPlaybookFileHasACase() throws {
        #expect(try Fixtures.yamlNames(in: Fixtures.badPlaybookFolder) == (Self.cases.map(\.name) + CheckAllProblemsTests.playbookCases.map(\.name)).sorted())
    }
}

@Suite("Good fixtures")
struct GoodFixtureTests {
    @Test func librariesPluginLoads() throws {
        let plugin = try PluginLoader.load(from: Fixtures.goodPluginFolder, displayName: "libraries/plugin.yaml")
        #expect(plugin.id == "libraries")
        #expect(plugin.kind == .sector)
        #expect(plugin.stakeholder == "public library system")
        #expect(plugin.drivers.map(\.topic) == [.financing, .regulation])
        #expect(plugin.glossary.map(\.term) == ["circulation", "ILS"])
        #expect(plugin.glossary.first?.elsewhere.map(\.sector) == ["hospitals"])
        #expect(plugin.values.count == 1)
        #expect(plugin.values.first?.way == .outcomes)
        #expect(plugin.values.first?.perspective == .staff)
        let measure = try #require(plugin.questions(for: "value")?.first)
        #expect(measure.tags == ["success", "next-steps"], "tags keep their order and a repeated tag counts once")
        #expect(measure.captures == .values)
        let governance = try #require(plugin.questions(for: "homework")?.first)
        #expect(governance.tags.isEmpty)
        #expect(governance.captures == nil)
        for step in DashStep.allCases {
            #expect(plugin.questions(for: step.rawValue)?.count == 1, "one question in '\(step.rawValue)'")
        }
    }

    @Test func libraryIntroPlaybookLoads() throws {
        let plugins = Fixtures.builtinCatalog.pluginsByID
        let playbook = try PlaybookLoader.load(from: Fixtures.goodPlaybook, plugins: plugins, displayName: "library-intro.yaml")
        #expect(playbook.id == "library-intro")
        #expect(playbook.sectors.isEmpty, "[any] means every sector")
        #expect(playbook.isSectorAware)
        #expect(playbook.steps.map(\.id) == ["listen", "wrap-up"])
        #expect(playbook.steps[0].items.contains(.include("dash.listen")))

        let resolved = try PlaybookResolver.resolve(playbook, sector: nil, plugins: plugins)
        let dashListen = try #require(plugins["dash"]?.questions(for: "listen")).map(\.id)
        #expect(resolved.steps[0].questions.prefix(dashListen.count).map(\.id) == dashListen)
        let choice = try #require(resolved.flattened.first { $0.question.id == "library-intro.social-worker" }?.question)
        #expect(choice.kind == .choice)
        #expect(choice.required)
        let followUp = try #require(resolved.flattened.first { $0.question.id == "library-intro.social-worker-role" }?.question)
        #expect(followUp.condition == Condition(question: "library-intro.social-worker", test: .equals("yes")))
    }

    @Test func libraryIntroTakesTheSectorQuestionsOfANewSectorPlugin() throws {
        var plugins = Fixtures.builtinCatalog.pluginsByID
        plugins["libraries"] = try PluginLoader.load(from: Fixtures.goodPluginFolder, displayName: "libraries/plugin.yaml")
        let playbook = try PlaybookLoader.load(from: Fixtures.goodPlaybook, plugins: plugins, displayName: "library-intro.yaml")
        let resolved = try PlaybookResolver.resolve(playbook, sector: "libraries", plugins: plugins)
        #expect(resolved.steps[0].questions.map(\.id).contains("libraries.listen.patron-needs"))
    }
}

// MARK: - Paths and helpers shared by the catalog tests

enum Fixtures {
    /// The repository: Tests/OutreachCatalogTests/FixtureTests.swift, three levels up.
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repoRoot.appendingPathComponent("Tests/Fixtures")
    static let badPluginFolder = fixtures.appendingPathComponent("plugins/bad")
    static let badPlaybookFolder = fixtures.appendingPathComponent("playbooks/bad")
    static let goodPluginFolder = fixtures.appendingPathComponent("plugins/good/libraries")
    static let goodPlaybook = fixtures.appendingPathComponent("playbooks/good/library-intro.yaml")
    static let builtinPlugins = repoRoot.appendingPathComponent("Plugins")
    static let builtinPlaybooks = repoRoot.appendingPathComponent("playbooks")

    static func badPlugin(_ name: String) -> URL { badPluginFolder.appendingPathComponent("\(name).yaml") }
    static func badPlaybook(_ name: String) -> URL { badPlaybookFolder.appendingPathComponent("\(name).yaml") }
    static func builtinPluginFile(_ id: String) -> URL { builtinPlugins.appendingPathComponent("\(id)/plugin.yaml") }

    /// The folder names in Plugins/ that hold a plugin.yaml, sorted.
    static let builtinPluginIDs: [String] = Catalog.pluginFiles(in: builtinPlugins)
        .map { $0.deletingLastPathComponent().lastPathComponent }

    /// The playbook file names in playbooks/, sorted.
    static let builtinPlaybookNames: [String] = Catalog.playbookFiles(in: builtinPlaybooks).map(\.lastPathComponent)

    /// The built-in plugins and playbooks only: the data folder does not exist.
    static let builtinCatalog = Catalog(paths: SearchPaths(
        builtin: repoRoot,
        dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("outreach-tests-empty-\(UUID().uuidString)")))

    /// The names (without `.yaml`) of the YAML files directly in a folder, sorted.
    static func yamlNames(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(".yaml".count)) }
            .sorted()
    }

    /// Runs `body` with a new empty folder that is removed afterwards.
    static func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Writes text to a file, creating the folders above it.
    static func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    /// Copies a file, creating the folders above the target.
    static func copy(_ source: URL, to target: URL) throws {
        try write(try String(contentsOf: source, encoding: .utf8), to: target)
    }

    /// The text with the value of a top-level `key:` line replaced.
    static func replacingTopLevel(_ key: String, with value: String, in text: String) -> String {
        text.components(separatedBy: "\n")
            .map { $0.hasPrefix("\(key): ") ? "\(key): \(value)" : $0 }
            .joined(separator: "\n")
    }

    /// Whether two file URLs name the same file, whatever their spelling.
    static func samePath(_ a: URL, _ b: URL) -> Bool {
        a.standardizedFileURL.resolvingSymlinksInPath().path == b.standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Checks a thrown error against a fixture's expected place, message fragment and whole text.
func checkProblem(_ error: CatalogError, against fixture: BadFixture, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(error.location.map { "\($0.line):\($0.column)" } == fixture.position, sourceLocation: sourceLocation)
    #expect(error.message.contains(fixture.fragment), sourceLocation: sourceLocation)
    #expect(error.errorDescription == fixture.expected, sourceLocation: sourceLocation)
}
