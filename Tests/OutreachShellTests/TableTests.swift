import OutreachTestSupport
import Testing
@testable import OutreachShell

@Suite struct TableTests {
    let table = Table(headers: ["partner", "sector", "notes"], rows: [
        ["Riverside Housing Authority", "housing", "Met the deputy director twice; the board meets monthly and wants a short memo first"],
        ["Metro PD", "police", "https://example.org/a-very-long-link-that-has-no-spaces-at-all-in-it"],
    ])

    @Test(arguments: [30, 45, 60, 100])
    func everyLineFitsAndNoWordIsLost(width: Int) {
        let text = table.render(style: Style(colour: false, width: width))
        for line in text.split(separator: "\n") { #expect(line.count <= width, "\(line)") }
        let letters = text.filter { !$0.isWhitespace }
        let expected = (table.headers + table.rows.flatMap { $0 }).joined().filter { !$0.isWhitespace }
        #expect(letters.count == expected.count)
    }

    @Test func aTableThatFitsIsLeftAlone() {
        let small = Table(headers: ["a", "b"], rows: [["one", "two"]])
        #expect(small.render(style: .plain) == "a    b\none  two")
    }

    @Test func narrowingSharesTheSpaceWidestFirst() {
        let widths = table.columnWidths(fitting: 60)
        #expect(widths.reduce(0, +) + 4 <= 60)
        #expect(widths[1] == "housing".count, "a narrow column keeps its width")
    }

    @Test func colourOnlyWhenAsked() {
        #expect(TerminalText.render(table.render(style: Style(colour: true, width: 200)), toTerminal: true).contains("\u{1B}[1m"))
        #expect(!table.render(style: Style(colour: false, width: 200)).contains("\u{1B}["))
    }
}
