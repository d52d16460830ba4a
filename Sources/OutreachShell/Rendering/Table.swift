import OutreachCore

/// An aligned table that fits the terminal width: while it is too wide, the widest column is
/// narrowed (down to `minimumColumnWidth`), and cells wrap at words, cutting words that are longer
/// than their column, so no text is ever cut off.
public struct Table {
    public static let minimumColumnWidth = 8

    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    public func render(style: Style) -> String {
        guard !headers.isEmpty else { return "" }
        let widths = columnWidths(fitting: style.width)
        var output = [line(headers, widths: widths).map { style.bold($0) }.joined(separator: "\n")]
        for row in rows { output.append(line(row, widths: widths).joined(separator: "\n")) }
        return output.joined(separator: "\n")
    }

    /// Each column's width: its longest line, narrowed widest-first until the table fits `limit`.
    /// Columns first keep room for their longest word (up to 20 characters), so words are cut
    /// only when the table cannot fit otherwise.
    func columnWidths(fitting limit: Int) -> [Int] {
        let cells = headers.indices.map { column in
            [headers[column]] + rows.map { $0.indices.contains(column) ? $0[column] : "" }
        }
        var widths = cells.map { $0.map { $0.split(separator: "\n").map(\.count).max() ?? 0 }.max() ?? 0 }
        let longestWords = cells.map { $0.flatMap { $0.split(whereSeparator: \.isWhitespace) }.map(\.count).max() ?? 0 }
        let gaps = 2 * (widths.count - 1)
        let wordFloors = widths.indices.map { min(widths[$0], max(Self.minimumColumnWidth, min(longestWords[$0], 20))) }
        let hardFloors = widths.map { min($0, Self.minimumColumnWidth) }
        for floors in [wordFloors, hardFloors] {
            while widths.reduce(0, +) + gaps > limit {
                let shrinkable = widths.indices.filter { widths[$0] > floors[$0] }
                guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
        }
        return widths
    }

    private func line(_ cells: [String], widths: [Int]) -> [String] {
        let wrapped = widths.indices.map { column -> [String] in
            let cell = cells.indices.contains(column) ? cells[column] : ""
            return TextLayout.wrap(cell, width: widths[column], breakingLongWords: true).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
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
