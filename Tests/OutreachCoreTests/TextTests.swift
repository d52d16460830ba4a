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
