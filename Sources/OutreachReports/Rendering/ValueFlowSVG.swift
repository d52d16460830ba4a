import Foundation

/// The value flow as inline SVG: who pays on the left, the values in the middle, who gains on
/// the right. A wrong-pocket value is drawn in red; an outside beneficiary with a dashed edge.
/// Labels longer than a box are shortened, with the whole text in a tooltip.
enum ValueFlowSVG {
    static let width = 700
    static let rowHeight = 40
    static let boxHeight = 30
    /// The summary draws at most this many values; the rest are listed in the brief.
    static let maximumValues = 8

    static func render(_ brief: Brief) -> String {
        let values = Array(brief.values.prefix(maximumValues))
        guard !values.isEmpty else { return "" }
        let payerIDs = ordered(values.flatMap(\.payerIDs), in: brief)
        let gainerIDs = ordered(values.flatMap(\.beneficiaryIDs), in: brief)
        let rows = max(values.count, payerIDs.count, gainerIDs.count, 1)
        let height = rows * rowHeight + 34
        let columns = (left: 8, middle: 250, right: 492)
        let boxWidth = (side: 200, middle: 200)
        func y(_ index: Int, of count: Int) -> Int {
            let offset = (rows - count) * rowHeight / 2
            return 28 + offset + index * rowHeight
        }
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" aria-label=\"Who pays and who gains\">"]
        parts.append("<text x=\"\(columns.left)\" y=\"14\" class=\"head\">Who pays</text><text x=\"\(columns.middle)\" y=\"14\" class=\"head\">Value</text><text x=\"\(columns.right)\" y=\"14\" class=\"head\">Who gains</text>")
        var edges: [String] = []
        var boxes: [String] = []
        for (index, value) in values.enumerated() {
            let top = y(index, of: values.count)
            let mid = top + boxHeight / 2
            for payer in value.payerIDs {
                guard let row = payerIDs.firstIndex(of: payer) else { continue }
                let from = y(row, of: payerIDs.count) + boxHeight / 2
                edges.append(curve(from: (columns.left + boxWidth.side, from), to: (columns.middle, mid), wrong: value.isWrongPocket))
            }
            for gainer in value.beneficiaryIDs {
                guard let row = gainerIDs.firstIndex(of: gainer) else { continue }
                let to = y(row, of: gainerIDs.count) + boxHeight / 2
                edges.append(curve(from: (columns.middle + boxWidth.middle, mid), to: (columns.right, to), wrong: false))
            }
            let label = "\(index + 1). " + (value.isWrongPocket ? "⚠ " : "") + value.text
            boxes.append(box(x: columns.middle, y: top, width: boxWidth.middle, text: label, full: value.text,
                             style: value.isWrongPocket ? "value wrong" : "value"))
        }
        for (row, id) in payerIDs.enumerated() {
            guard let party = brief.party(id) else { continue }
            boxes.append(box(x: columns.left, y: y(row, of: payerIDs.count), width: boxWidth.side, text: party.name, full: party.name,
                             style: party.isMember ? "party" : "party outside"))
        }
        for (row, id) in gainerIDs.enumerated() {
            guard let party = brief.party(id) else { continue }
            boxes.append(box(x: columns.right, y: y(row, of: gainerIDs.count), width: boxWidth.side, text: party.name, full: party.name,
                             style: party.isMember ? "party" : "party outside"))
        }
        if payerIDs.isEmpty {
            parts.append("<text x=\"\(columns.left)\" y=\"\(28 + boxHeight / 2 + 4)\" class=\"none\">no payer named</text>")
        }
        parts += edges + boxes + ["</svg>"]
        return parts.joined(separator: "\n")
    }

    /// The ids once each, in the brief's party order.
    static func ordered(_ ids: [UUID], in brief: Brief) -> [UUID] {
        let wanted = Set(ids)
        return brief.parties.map(\.id).filter { wanted.contains($0) }
    }

    static func curve(from start: (Int, Int), to end: (Int, Int), wrong: Bool) -> String {
        let middle = (start.0 + end.0) / 2
        return "<path d=\"M\(start.0),\(start.1) C\(middle),\(start.1) \(middle),\(end.1) \(end.0),\(end.1)\" class=\"\(wrong ? "edge wrong" : "edge")\"/>"
    }

    static func box(x: Int, y: Int, width: Int, text: String, full: String, style: String) -> String {
        let limit = width / 7
        let shown = text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
        return "<g class=\"\(style)\"><title>\(HTMLText.escape(full))</title><rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(boxHeight)\" rx=\"6\"/>"
            + "<text x=\"\(x + 8)\" y=\"\(y + boxHeight / 2 + 4)\">\(HTMLText.escape(shown))</text></g>"
    }
}

/// Text inside HTML and SVG: the five characters that could change the markup are escaped, and
/// control characters other than line breaks are dropped.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || (0x7F...0x9F).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escaped, with line breaks kept as `<br>`.
    static func block(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "\n", with: "<br>")
    }
}
