@preconcurrency import CLibEdit
import Foundation

/// Connects libedit's C completion callback to a `Completer`. The callback cannot capture
/// context, so the completer and the current matches live here as process-wide state.
enum CompletionBridge {
    nonisolated(unsafe) static var completer: Completer?
    nonisolated(unsafe) static var matches: [String] = []

    static func install(_ completer: Completer) {
        self.completer = completer
        rl_attempted_completion_function = { text, start, _ in
            rl_attempted_completion_over = 1
            guard let completer = CompletionBridge.completer, let buffer = rl_line_buffer else { return nil }
            let line = String(cString: buffer)
            let cursor = Int(rl_point)
            let before = String(decoding: Array(line.utf8).prefix(cursor), as: UTF8.self)
            let word = text.map { String(cString: $0) } ?? ""
            // libedit replaces only `text`; drop what precedes it within the word being completed.
            let head = String(before.dropLast(word.count))
            let tokenStart = CompletionBridge.tokenStart(in: head)
            let typedBeforeText = String(head[tokenStart...])
            CompletionBridge.matches = completer.candidates(for: before).compactMap { candidate in
                // A name holding control characters is never echoed raw; it cannot be typed either.
                guard candidate.hasPrefix(typedBeforeText), !TerminalText.hasControlCharacters(candidate) else { return nil }
                return String(candidate.dropFirst(typedBeforeText.count))
            }
            if CompletionBridge.matches.count > 1 || CompletionBridge.matches.first?.hasSuffix("\"") == true {
                rl_completion_append_character = 0
            } else {
                rl_completion_append_character = 32
            }
            return rl_completion_matches(text) { _, state in
                if state == 0 { CompletionBridge.index = 0 }
                guard CompletionBridge.index < CompletionBridge.matches.count else { return nil }
                defer { CompletionBridge.index += 1 }
                return strdup(CompletionBridge.matches[CompletionBridge.index])
            }
        }
    }

    nonisolated(unsafe) static var index = 0

    /// Where the word being typed begins: after the last unquoted space.
    static func tokenStart(in head: String) -> String.Index {
        var quote: Character?
        var start = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            let character = head[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == " " {
                start = head.index(after: index)
            }
            index = head.index(after: index)
        }
        return start
    }
}
