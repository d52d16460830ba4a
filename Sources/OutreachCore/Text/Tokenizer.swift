/// Splits a typed line into words the way a shell user expects: spaces separate words,
/// "double" or 'single' quotes keep spaces, and a backslash escapes the next character.
/// A quote opens only at the start of a word, so prose such as `the director's view` needs no escaping.
public enum Tokenizer {
    public enum Failure: Error, Equatable {
        case unclosedQuote(Character)
    }

    public static func split(_ line: String) throws -> [String] {
        let (words, openQuote, _) = scan(line)
        if let openQuote { throw Failure.unclosedQuote(openQuote) }
        return words
    }

    /// Words so far, whether the last one is inside an open quote, and whether the line ends
    /// between words (so the next TAB completes a new word). Used by completion on partial lines.
    public static func scan(_ line: String) -> (words: [String], openQuote: Character?, endsBetweenWords: Bool) {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\" {
                escaped = true
                inWord = true
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if (character == "\"" || character == "'") && !inWord {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord || quote != nil { words.append(current) }
        return (words, quote, !inWord && quote == nil)
    }

    /// Quotes a word for typing back at the prompt when it holds spaces or quotes.
    public static func quote(_ word: String) -> String {
        guard word.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "\\" }) || word.isEmpty else { return word }
        return "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
