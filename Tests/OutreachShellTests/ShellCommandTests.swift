import ArgumentParser
import OutreachTestSupport
import Testing
@testable import OutreachShell

@Suite struct ShellCommandTests {
    @Test func helpListsCommandsInGroups() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["help"]) == 0)
        for group in CommandGroup.allCases { #expect(harness.text.contains(group.rawValue)) }
        #expect(harness.text.contains("  partner "))
        #expect(harness.text.contains("  /skip! "))
    }

    @Test func helpForOneCommandGivesUsageAndExample() throws {
        let harness = try ShellHarness()
        harness.run(["help start"])
        #expect(harness.text.contains("usage: start <playbook> [--partner <partner>]"))
        #expect(harness.text.contains("example:\n  start first-meeting --partner \"Riverside Housing Authority\""))
    }

    /// `takesNoArguments` lets dispatch skip the parser; it must only be claimed by commands the
    /// parser would build from nothing and refuse anything more for.
    @Test func commandsMadeWithoutTheParserTakeNoArguments() throws {
        let simple = CommandRegistry.commands.filter { $0.takesNoArguments }
        let names = simple.map { $0.name }
        #expect(names == ["quit"])
        for type in simple {
            #expect(type.configuration.subcommands.isEmpty)
            let parsed = try type.parseAsRoot([])
            let isShellCommand = parsed is any ShellCommand
            #expect(isShellCommand)
            var refused = 0
            for extra in [["word"], ["--option"]] {
                do { _ = try type.parseAsRoot(extra) } catch { refused += 1 }
            }
            #expect(refused == 2)
        }
        let harness = try ShellHarness()
        #expect(harness.run(["quit", "partners"]) == 0)
        #expect(harness.context.wantsToQuit)
        #expect(harness.text.isEmpty)
        let extra = try ShellHarness()
        #expect(extra.run(["quit now"]) == 1)
        #expect(extra.errors.contains("error: quit: "))
        #expect(!extra.context.wantsToQuit)
    }

    @Test func aMistypedCommandGetsASuggestionAndTheShellGoesOn() throws {
        let harness = try ShellHarness()
        let status = harness.run(["partnres", "sectors"])
        #expect(status == 1)
        #expect(harness.errors.contains("error: unknown command 'partnres'; did you mean 'partners' or 'parties'?"))
        #expect(harness.text.contains("public-health"))
    }

    @Test func bailStopsAtTheFirstFailure() throws {
        let harness = try ShellHarness()
        let status = harness.run(["sectors", "sector nowhere", "partner add X --sector housing"], bail: true)
        #expect(status == 1)
        #expect(harness.errors.contains("there is no sector 'nowhere'"))
        #expect(try harness.context.database.partners().isEmpty)
    }

    @Test func badArgumentsShowTheUsage() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["partner add Metro"]) == 1)
        #expect(harness.errors.contains("error: say which sector the partner is in with --sector (see 'sectors'), or add --own for your own organisation."))
        #expect(harness.run(["partner add"]) == 1)
        #expect(harness.errors.contains("error: partner: Missing expected argument '<name>'"))
        #expect(harness.errors.contains("usage: partner add|show|edit|list|use ..."))
    }

    @Test func anUnknownSectorSuggestsTheNearestOne() throws {
        let harness = try ShellHarness()
        harness.run(["partner add Metro --sector polce"])
        #expect(harness.errors.contains("there is no sector 'polce'; did you mean 'police'?"))
    }

    @Test func partnersAreListedAndNamesAreUniqueAnyCase() throws {
        let harness = try ShellHarness()
        harness.run([#"partner add "Riverside Housing Authority" --sector housing"#, "partners", #"partner add "riverside housing authority" --sector housing"#])
        #expect(harness.text.contains("Riverside Housing Authority  housing  public housing authority  0"))
        #expect(harness.errors.contains("a partner named 'riverside housing authority' already exists"))
    }

    @Test func slashIsOptionalOutsideAPlaybook() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["/sectors"]) == 0)
        #expect(harness.text.contains("food-banks"))
    }

    @Test func runningCommandsOutsideAPlaybookExplainWhatToDo() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["/skip"]) == 1)
        #expect(harness.errors.contains("'/skip' works inside a running playbook"))
    }

    @Test func glossaryShowsEverySectorsMeaning() throws {
        let harness = try ShellHarness()
        harness.run([#"glossary "case management""#])
        for sector in ["housing", "hospitals", "food-banks", "police", "public-health"] {
            #expect(harness.text.contains("(\(sector))"), "no \(sector) meaning")
        }
    }
}

@Suite struct InShellHelpTests {
    @Test func helpFlagShowsTheSubcommandsOptions() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["partner add --help"]) == 0)
        #expect(harness.text.contains("--sector <sector>"))
        #expect(harness.text.contains("--stakeholder <stakeholder>"))
    }

    @Test func aCommandGroupAloneExplainsItself() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["partner"]) == 0)
        #expect(harness.text.contains("usage: partner add|show|edit|list|use ..."))
    }

    @Test func validationErrorsReadAsSentences() throws {
        let harness = try ShellHarness()
        harness.run(["partner add Metro --sector police", "note"])
        #expect(harness.errors.contains("error: the note is empty; type the note's text after 'note'."))
    }
}

@Suite struct PluginShowTests {
    @Test func aMethodPluginShowsItsStepsLensesTipsAndSets() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["plugin show dash"]) == 0)
        #expect(harness.text.contains("(dash 1.1.0, method plugin)"))
        #expect(harness.text.contains("Value lenses"))
        #expect(harness.text.contains("dash.listen: "))
        let steps = try ShellHarness()
        steps.run(["plugin show value-creation"])
        #expect(steps.text.contains("[transformative]"))
    }

    @Test func pluginIdsComplete() throws {
        let completer = Completer(context: try ShellHarness().context)
        #expect(completer.candidates(for: "plugin show value-") == ["value-creation", "value-loop"])
        #expect(completer.candidates(for: "plugin ") == ["check", "lint", "show"])
    }

    @Test func anUnknownPluginSuggestsOne() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["plugin show dahs"]) == 1)
        #expect(harness.errors.contains("there is no plugin 'dahs'; did you mean 'dash'?"))
    }
}
