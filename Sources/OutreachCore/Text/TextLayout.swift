import Foundation

/// Plain-text layout: wrapping at words, for the terminal, transcripts and reports.
public enum TextLayout {
    /// Wraps text at word boundaries to the given width, keeping paragraph breaks. With
    /// `breakingLongWords`, a word longer than the width is cut into pieces that fit.
    public static func wrap(_ text: String, width: Int, indent: String = "", breakingLongWords: Bool = false) -> String {
        let limit = max(breakingLongWords ? 1 : 8, width - indent.count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph -> String in
            var lines: [String] = []
            var line = ""
            for whole in paragraph.split(separator: " ") {
                var word = Substring(whole)
                while breakingLongWords, word.count > limit {
                    if !line.isEmpty { lines.append(line) }
                    lines.append(String(word.prefix(limit)))
                    line = ""
                    word = word.dropFirst(limit)
                }
                if !line.isEmpty, line.count + 1 + word.count > limit {
                    lines.append(line)
                    line = ""
                }
                if word.isEmpty { continue }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(line)
            return lines.map { indent + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
