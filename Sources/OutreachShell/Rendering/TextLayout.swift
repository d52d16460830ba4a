import Foundation

/// Plain-text layout helpers for the terminal.
public enum TextLayout {
    /// Wraps text at word boundaries to the given width, keeping paragraph breaks.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        let limit = max(8, width - indent.count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph -> String in
            var lines: [String] = []
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, line.count + 1 + word.count > limit {
                    lines.append(line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(line)
            return lines.map { indent + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// An aligned table that fits the terminal width: the widest column is wrapped when needed.
public struct Table {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    public func render(style: Style) -> String {
        guard !headers.isEmpty else { return "" }
        var widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0.indices.contains(column) ? $0[column] : "" })
                .map { $0.split(separator: "\n").map(\.count).max() ?? 0 }.max() ?? 0
        }
        let total = widths.reduce(0, +) + 2 * (widths.count - 1)
        if total > style.width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            widths[widest] = max(12, widths[widest] - (total - style.width))
        }
        var output = [line(headers, widths: widths).map { style.bold($0) }.joined(separator: "\n")]
        for row in rows { output.append(line(row, widths: widths).joined(separator: "\n")) }
        return output.joined(separator: "\n")
    }

    private func line(_ cells: [String], widths: [Int]) -> [String] {
        let wrapped = widths.indices.map { column -> [String] in
            let cell = cells.indices.contains(column) ? cells[column] : ""
            return TextLayout.wrap(cell, width: widths[column]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { row in
            widths.indices.map { column in
                let text = wrapped[column].indices.contains(row) ? wrapped[column][row] : ""
                return column == widths.count - 1 ? text : text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
