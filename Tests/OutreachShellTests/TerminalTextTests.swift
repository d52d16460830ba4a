import Foundation
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachShell

/// Stored text never drives the terminal: control characters are shown, not sent.
@Suite struct TerminalTextTests {
    static let hostile = "Evil\u{1B}]0;PWNED\u{07}\u{1B}[2J"

    @Test func controlCharactersAreShownInCaretNotation() {
        #expect(TerminalText.render(Self.hostile, toTerminal: true) == "Evil^[]0;PWNED^G^[[2J")
        #expect(TerminalText.render("a\u{7F}b\u{85}c\td\ne", toTerminal: true) == "a^?b<U+0085>c\td\ne")
        #expect(TerminalText.render(Self.hostile, toTerminal: false) == Self.hostile, "a file keeps the text as stored")
    }

    @Test func onlyTheProgramsOwnColoursBecomeEscapes() {
        let style = Style(colour: true, width: 80)
        #expect(TerminalText.render(style.bold("Hi"), toTerminal: true) == "\u{1B}[1mHi\u{1B}[0m")
        #expect(TerminalText.render(style.bold("Hi"), toTerminal: false) == "Hi")
        #expect(TerminalText.render("x\u{E000}2Jy", toTerminal: true) == "x\u{E000}2Jy", "a forged marker stays inert")
    }

    @Test(arguments: ["partners", "notes", "search Evil", "answers 1", "report --partner Evil", "partner show Evil"])
    func noCommandSendsAStoredEscapeToTheTerminal(command: String) throws {
        let harness = try ShellHarness()
        harness.run([
            "partner add \"\(Self.hostile)\" --sector housing", "start dash", "Evil \u{1B}[31mred\u{1B}[0m answer",
            "/note Evil\u{1B}]2;title\u{07} note", "/pause", command,
        ])
        #expect(!harness.text.contains("\u{1B}"), "\(command) printed a raw escape")
        #expect(!harness.errors.contains("\u{1B}"))
        #expect(harness.text.contains("Evil^[]0;PWNED^G^[[2J") || command.hasPrefix("search") || command.hasPrefix("notes") || command.hasPrefix("answers"),
                "\(command): \(harness.text)")
        let stored = try harness.context.database.partners().map(\.name)
        #expect(stored == [Self.hostile], "the name is stored as typed")
    }

    @Test func aLineWithANulIsRefusedWhole() throws {
        let harness = try ShellHarness()
        harness.run(["partner add Metro --sector police", "note \"before\u{0}after\" --partner Metro"])
        #expect(harness.errors.contains("holds a NUL character"))
        #expect(try harness.context.database.notes().isEmpty)
    }

    @Test func theCompletionNeverOffersANameWithControlCharacters() {
        #expect(TerminalText.hasControlCharacters(Self.hostile))
        #expect(!TerminalText.hasControlCharacters("Tāngata Whenua Trust"))
    }
}
