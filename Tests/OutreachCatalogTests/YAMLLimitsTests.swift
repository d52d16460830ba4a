import Foundation
import Testing
@testable import OutreachCatalog

/// Every YAML file the program reads is refused, with the limit it went over, before it can
/// take long to read: too large, too many aliases, too many values once aliases are expanded,
/// or nested too deep. A file that was not refused in time would hang these tests.
@Suite struct YAMLLimitsTests {
    static let expansionMessage = "refused: with its aliases ('*name') expanded, the file holds more than 100000 values, the limit for a YAML file; write the values out instead of repeating anchors ('&name'), or split the file."

    @Test func anAnswersFileWithAnAliasBombIsRefused() throws {
        let file = Fixtures.fixtures.appendingPathComponent("answers/alias-bomb.yaml")
        let error = try #require(throws: CatalogError.self) {
            try AnswersFileLoader.load(from: file, displayName: "alias-bomb.yaml")
        }
        #expect(error.errorDescription == "alias-bomb.yaml:8:8: \(Self.expansionMessage)")
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        try Fixtures.withTemporaryFolder { folder in
            let padding = String(repeating: "# padding\n", count: 104_858)
            let text = "format: 1\n" + padding
            #expect(text.utf8.count == 1_048_590)
            let file = folder.appendingPathComponent("too-large/plugin.yaml")
            try Fixtures.write(text, to: file)
            let expected = "too-large.yaml:1:1: refused: the file is 1048590 bytes, over the limit of 1048576 bytes for a YAML file; split it into smaller files."

            let fromFile = try #require(throws: CatalogError.self) { try PluginLoader.load(from: file, displayName: "too-large.yaml") }
            #expect(fromFile.errorDescription == expected)
            let fromText = try #require(throws: CatalogError.self) { try PlaybookLoader.load(yaml: text, file: "too-large.yaml", plugins: [:]) }
            #expect(fromText.errorDescription == expected)
        }
    }

    @Test func aFileOfExactlyTheSizeLimitIsRead() throws {
        let text = "format: 1\n" + String(repeating: "#", count: YAMLLimits.standard.bytes - 10)
        #expect(text.utf8.count == YAMLLimits.standard.bytes)
        let error = try #require(throws: CatalogError.self) { try PluginLoader.load(yaml: text, file: "full.yaml") }
        #expect(error.errorDescription == "full.yaml:1:1: the plugin has no 'id'; add it.")
    }

    @Test func moreAliasesThanTheLimitAreRefusedAtTheFirstOneTooMany() throws {
        let aliases = Array(repeating: "*a", count: 1_001).joined(separator: ", ")
        let text = "a: &a x\nb: [\(aliases)]\n"
        let error = try #require(throws: CatalogError.self) { try PluginLoader.load(yaml: text, file: "aliases.yaml") }
        // "b: [" then "*a, " per alias: the 1001st starts at column 5 + 4 * 1000.
        #expect(error.errorDescription == "aliases.yaml:2:4005: refused: the file uses more than 1000 YAML aliases ('*name'), the limit for a YAML file; write the repeated values out instead.")
    }

    @Test func eachAliasCountsAsTheValuesItStandsFor() throws {
        let limits = YAMLLimits(bytes: 1_000, aliases: 10, expandedNodes: 20, depth: 5)
        // 6 values for the mapping, 'a' and its list of 3; 'b' and its list make 8; each '*a' adds 4.
        let text = "a: &a [x, x, x]\nb: [*a, *a, *a, *a]\n"
        let error = try #require(throws: CatalogError.self) { try YAMLBudget.check(text, file: "count.yaml", limits: limits) }
        #expect(error.errorDescription == "count.yaml:2:17: refused: with its aliases ('*name') expanded, the file holds more than 20 values, the limit for a YAML file; write the values out instead of repeating anchors ('&name'), or split the file.")
        try YAMLBudget.check("a: &a [x, x, x]\nb: [*a, *a, *a]\n", file: "count.yaml", limits: limits)
    }

    @Test func aFewAliasesWithinTheLimitsStillWork() throws {
        let root = try YAMLNode.parse("first: &shared [budget, staffing]\nsecond: *shared\n", file: "shared.yaml")
        let map = try root.mapping("the file", allowed: ["first", "second"])
        #expect(try map.stringList("second") == ["budget", "staffing"])
        #expect(try map.stringList("first") == map.stringList("second"))
    }

    @Test func malformedYAMLIsStillReportedInTheComposersWords() throws {
        let error = try #require(throws: CatalogError.self) { try YAMLNode.parse("a: [x, *undefined]\n", file: "alias.yaml") }
        #expect(error.errorDescription == "alias.yaml:1:8: the YAML is malformed: found undefined alias. Check indentation and quoting on this line.")
    }

    /// The limits are far above real content: every built-in file passes limits eight times smaller.
    @Test func theBuiltInContentFitsLimitsEightTimesSmaller() throws {
        let standard = YAMLLimits.standard
        let smaller = YAMLLimits(bytes: standard.bytes / 8, aliases: standard.aliases / 8,
                                 expandedNodes: standard.expandedNodes / 8, depth: standard.depth / 8)
        let folders = ["Plugins", "playbooks", "playbooks/training"].map { Fixtures.repoRoot.appendingPathComponent($0) }
        var files = Catalog.pluginFiles(in: folders[0]) + Catalog.playbookFiles(in: folders[1]) + Catalog.playbookFiles(in: folders[2])
        files.sort { $0.path < $1.path }
        #expect(files.count >= 17, "8 plugins, 4 playbooks and 5 training answers files at least")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(throws: Never.self, "\(file.lastPathComponent)") { try YAMLBudget.check(text, file: file.path, limits: smaller) }
        }
    }
}
