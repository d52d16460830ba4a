import Foundation
import Testing
@testable import OutreachCore

@Suite struct TokenizerTests {
    @Test func quotesKeepSpacesTogether() throws {
        #expect(try Tokenizer.split(#"partner add "Riverside Housing Authority" --sector housing"#)
            == ["partner", "add", "Riverside Housing Authority", "--sector", "housing"])
        #expect(try Tokenizer.split(#"note 'it\'s fine' x\ y"#) == ["note", "it's fine", "x y"])
    }

    @Test func anUnclosedQuoteIsAnError() {
        #expect(throws: Tokenizer.Failure.unclosedQuote("\"")) { try Tokenizer.split(#"partner show "River"#) }
    }

    @Test func scanReportsAnOpenQuoteForCompletion() {
        let scan = Tokenizer.scan(#"start dash --partner "River"#)
        #expect(scan.words.last == "River")
        #expect(scan.openQuote == "\"")
        #expect(Tokenizer.scan("sectors ").endsBetweenWords)
    }

    @Test func quoteOnlyWhenNeeded() {
        #expect(Tokenizer.quote("housing") == "housing")
        #expect(Tokenizer.quote("Riverside HA") == #""Riverside HA""#)
    }

    @Test func suggestionsFindTheNearestCommand() {
        let names = ["start", "resume", "sessions", "partner", "partners", "quit"]
        #expect(Suggestions.phrase(for: "strat", in: names) == "did you mean 'start'?")
        #expect(Suggestions.phrase(for: "xyzzy", in: names) == nil)
        #expect(Suggestions.distance("kitten", "sitting") == 3)
    }
}

@Suite struct TrimmingTests {
    @Test(arguments: [
        ("  partner add Riverside \t", "partner add Riverside"),
        ("\t\"\"\"\r\n", "\"\"\""),
        ("\u{00A0}\u{3000}kept inside  spaces\u{2028}", "kept inside  spaces"),
        ("   ", ""),
        ("", ""),
        ("é", "é"),
    ])
    func trimsWhitespaceAtBothEndsOnly(text: String, trimmed: String) {
        #expect(text.trimmingWhitespace() == trimmed)
    }

    @Test func agreesWithFoundationOnWhitespaceAndNewlines() {
        let samples = [" a ", "\n\nb\n", "\u{0085}c\u{2029}", "\u{000B}d\u{000C}", "\u{1680}e\u{205F}"]
        for sample in samples {
            #expect(sample.trimmingWhitespace() == sample.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
