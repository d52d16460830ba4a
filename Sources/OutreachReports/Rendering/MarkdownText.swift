import Foundation

/// User text inside Markdown: it may never add structure to the document.
enum MarkdownText {
    /// One line: newlines become spaces.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// A user's text as one line of Markdown that cannot change the document's structure: line
    /// breaks become spaces, the characters that change inline formatting are escaped, and a
    /// marker that would start a heading, quote, list, rule or setext underline is escaped too.
    static func inline(_ text: String) -> String {
        var result = ""
        for character in flat(text) {
            if "\\`*_<[]".contains(character) { result.append("\\") }
            result.append(character)
        }
        return escapingLineStart(result)
    }

    /// Escapes a block marker at the start of the text (`#`, `>`, `-`, `+`, `=`, `~`, `1.`, `1)`).
    static func escapingLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#>-+=~".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let marker = text.dropFirst(digits.count).first, marker == "." || marker == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }

    /// A table cell: each line escaped as `inline`, `|` escaped, line breaks as `<br>`.
    static func cell(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { inline(String($0)).replacingOccurrences(of: "|", with: "\\|") }
            .joined(separator: "<br>")
    }
}
