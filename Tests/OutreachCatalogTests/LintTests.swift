import Foundation
import Testing
@testable import OutreachCatalog
import OutreachCore

// The content-guideline rules of `plugin lint` and `playbook lint`: each rule's own examples, and
// the built-in content, which passes `lint --strict`.

/// One example of one rule, for the parameterised test.
struct LintCase: Sendable, CustomTestStringConvertible {
    let rule: LintRule
    let example: LintRule.Example
    let triggers: Bool
    var testDescription: String { "\(rule.id) \(triggers ? "triggers on" : "passes") \(example.yaml.prefix(40))" }
}

@Suite("Lint rules")
struct LintRuleTests {
    static let cases: [LintCase] = Lint.rules.flatMap { rule in
        rule.triggering.map { LintCase(rule: rule, example: $0, triggers: true) }
            + rule.nonTriggering.map { LintCase(rule: rule, example: $0, triggers: false) }
    }

    @Test("Each rule warns on its triggering examples and not on the others", arguments: cases)
    func example(_ lintCase: LintCase) throws {
        let document = try LintDocument.parse(lintCase.example.kind, yaml: lintCase.example.yaml, file: "example.yaml",
                                              plugins: Fixtures.builtinCatalog.pluginLookup)
        let warnings = lintCase.rule.warnings(in: document)
        if lintCase.triggers {
            #expect(!warnings.isEmpty)
            #expect(warnings.allSatisfy { $0.ruleID == lintCase.rule.id && $0.description.hasPrefix("example.yaml:") })
        } else {
            #expect(warnings.map(\.description) == [])
        }
    }

    @Test func everyRuleHasAUniqueIDAndExamplesBothWays() {
        let ids = Lint.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in Lint.rules {
            #expect(!rule.triggering.isEmpty, "\(rule.id) has no triggering example")
            #expect(!rule.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
            #expect(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id)")
        }
    }

    @Test func aWarningNamesTheLineTheRuleAndWhatToDo() throws {
        let yaml = "format: 1\nkind: sector\nsummary: To be written.\n"
        let document = try LintDocument.parse(.plugin, yaml: yaml, file: "draft.yaml")
        let placeholder = try #require(Lint.rules.first { $0.id == "placeholder-text" })
        #expect(placeholder.warnings(in: document).map(\.description) == [
            "draft.yaml:3:10: warning: 'To be written' is placeholder text; write the real content here [placeholder-text]",
        ])
    }

    @Test func theSectorMinimumsAreThoseOfTheGuidelines() throws {
        let guidelines = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("docs/plugins.md"), encoding: .utf8)
        #expect(guidelines.contains("at least \(Lint.sectorMinimumQuestions) questions over `homework`, `listen` and `value`"))
        let counts = Dictionary(uniqueKeysWithValues: Lint.sectorMinimums.map { ($0.key, $0.minimum) })
        #expect(guidelines.contains("at least \(counts["drivers"]!) drivers, \(counts["glossary"]!) glossary terms and \(counts["values"]!) values"))
    }

    @Test func aQuestionIncludedFromAPluginCountsAsTheNextStepsQuestion() throws {
        let libraries = try PluginLoader.load(from: Fixtures.goodPluginFolder, displayName: "libraries/plugin.yaml")
        let lookup = PluginLookup(["libraries": libraries])
        let rule = try #require(Lint.rules.first { $0.id == "next-steps-question" })
        let including = "steps:\n  - id: plan\n    questions:\n      - include: libraries.value\n"
        #expect(rule.warnings(in: try LintDocument.parse(.playbook, yaml: including, file: "p.yaml", plugins: lookup)).isEmpty)
        let other = "steps:\n  - id: plan\n    questions:\n      - include: libraries.homework\n"
        #expect(rule.warnings(in: try LintDocument.parse(.playbook, yaml: other, file: "p.yaml", plugins: lookup)).count == 1)
    }
}

@Suite("Built-in content follows the content guidelines")
struct BuiltinLintTests {
    @Test("Each built-in plugin passes lint --strict", arguments: Fixtures.builtinPluginIDs)
    func plugin(_ id: String) throws {
        let document = try LintDocument.read(.plugin, from: Fixtures.builtinPluginFile(id), displayName: "Plugins/\(id)/plugin.yaml")
        #expect(Lint.warnings(in: document).map(\.description) == [])
    }

    @Test("Each built-in playbook passes lint --strict", arguments: Fixtures.builtinPlaybookNames)
    func playbook(_ name: String) throws {
        let document = try LintDocument.read(.playbook, from: Fixtures.builtinPlaybooks.appendingPathComponent(name),
                                             displayName: "playbooks/\(name)", plugins: Fixtures.builtinCatalog.pluginLookup)
        #expect(Lint.warnings(in: document).map(\.description) == [])
    }
}
