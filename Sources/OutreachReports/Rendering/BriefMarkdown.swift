import Foundation
import OutreachCore

/// The brief as Markdown: the one-page summary, a Mermaid flowchart of who pays and who gains
/// (code-hosting sites and note tools draw it), then the conversations as an appendix.
public enum BriefMarkdown {
    public static func render(_ brief: Brief) -> String {
        var blocks = ["# Brief: " + MarkdownText.inline(brief.scope.name)]
        blocks.append(intro(brief))
        blocks.append(gains(brief))
        blocks.append(flow(brief))
        blocks.append(risks(brief))
        blocks.append(actions(brief))
        blocks.append("## Next conversation\n\n" + MarkdownText.inline(brief.nextConversation))
        blocks.append(appendix(brief))
        blocks.append("---\n\n" + (brief.redacted ? "Private notes are left out of this brief."
            : "This brief includes private notes; share it on a need-to-know basis."))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func intro(_ brief: Brief) -> String {
        var lines = ["**The ask:** " + (brief.ask.map(MarkdownText.inline) ?? "_not set yet_ (partnership edit NAME --ask TEXT, or a question tagged `ask`)")]
        let members = brief.parties.filter(\.isMember).map { MarkdownText.inline($0.name) + ($0.kind == .own ? " (us)" : "") }
        lines.append("**Parties:** " + (members.isEmpty ? "none named" : members.joined(separator: ", ")))
        let downstream = brief.downstream.map { MarkdownText.inline($0.name) }
        if !downstream.isEmpty { lines.append("**Also gains, downstream:** " + downstream.joined(separator: ", ")) }
        lines.append("**Values:** \(brief.values.count) recorded, \(brief.wrongPocket.count) in the wrong pocket")
        return lines.map { $0 + "  " }.joined(separator: "\n").trimmingCharacters(in: .whitespaces)
    }

    private static func gains(_ brief: Brief) -> String {
        var lines = ["## What is in it for each party", ""]
        guard !brief.gains.isEmpty else {
            lines.append("No value is recorded yet. Record one with `value add TEXT --benefits PARTY --pays PARTY --lens LENS --horizon short|long`.")
            return lines.joined(separator: "\n")
        }
        lines += ["| Party | Lens | Short term | Long term | Evidence |", "| --- | --- | --- | --- | --- |"]
        for (party, gains) in brief.gainsByParty {
            for lens in ValueLens.allCases {
                let cells = gains.filter { $0.lens == lens }
                guard !cells.isEmpty else { continue }
                let columns = ValueHorizon.allCases.map { horizon in
                    cells.filter { $0.horizon == horizon }.flatMap(\.valueIDs).compactMap { id in brief.values.first { $0.id == id }?.text }
                        .map(MarkdownText.cell).joined(separator: "<br>")
                }
                let evidence = cells.reduce(0) { $0 + $1.evidenceCount }
                lines.append("| \(MarkdownText.cell(party.name)) | \(lens.rawValue) | \(columns[0]) | \(columns[1]) | \(evidence) |")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func flow(_ brief: Brief) -> String {
        var lines = ["## Who pays, who gains", ""]
        guard !brief.values.isEmpty else {
            lines.append("No value is recorded yet.")
            return lines.joined(separator: "\n")
        }
        for value in brief.values {
            let gains = brief.names(value.beneficiaryIDs).map(MarkdownText.inline).joined(separator: ", ")
            let pays = brief.names(value.payerIDs).map(MarkdownText.inline).joined(separator: ", ")
            var line = "- **\(MarkdownText.inline(value.text))**: gains \(gains.isEmpty ? "nobody named" : gains)"
            line += pays.isEmpty ? "; no payer named" : "; paid by \(pays)"
            line += " (\(value.lenses.map(\.rawValue).joined(separator: ", ")); \(value.horizon.rawValue) term"
            if let way = value.way { line += "; \(way.rawValue)" }
            if let perspective = value.perspective { line += "; seen by \(perspective.rawValue)" }
            line += ")"
            if value.isWrongPocket { line += " — **wrong pocket**" }
            lines.append(line)
        }
        lines += ["", "```mermaid", MermaidFlow.chart(brief), "```"]
        return lines.joined(separator: "\n")
    }

    private static func risks(_ brief: Brief) -> String {
        var lines = ["## Risks and concerns raised", ""]
        guard !brief.risks.isEmpty else {
            lines.append("None recorded. Ask what would worry them, and tag notes with #risk.")
            return lines.joined(separator: "\n")
        }
        for risk in brief.risks {
            var source = risk.source == .answer ? "answer" : (risk.isPrivate ? "private note" : "note")
            if let partner = risk.partner { source += ", " + MarkdownText.inline(partner) }
            lines.append("- " + MarkdownText.inline(risk.text) + " (\(source))")
        }
        return lines.joined(separator: "\n")
    }

    private static func actions(_ brief: Brief) -> String {
        var lines = ["## Open actions", ""]
        guard !brief.actions.isEmpty else {
            lines.append("No open actions.")
            return lines.joined(separator: "\n")
        }
        lines += ["| Due | Owner | Action |", "| --- | --- | --- |"]
        lines += brief.actions.map { "| \($0.due ?? "no date") | \(MarkdownText.cell($0.owner)) | \(MarkdownText.cell($0.text)) |" }
        return lines.joined(separator: "\n")
    }

    private static func appendix(_ brief: Brief) -> String {
        var lines = ["## Appendix: the conversations"]
        guard !brief.sessions.isEmpty else {
            lines += ["", "No session yet."]
            return lines.joined(separator: "\n")
        }
        for session in brief.sessions {
            lines += ["", "### Session \(session.number): \(MarkdownText.inline(session.playbookTitle)) with \(MarkdownText.inline(session.partner))", ""]
            lines.append("`\(session.playbookID)` \(session.playbookVersion), \(session.status), \(session.progress) answered, started \(ReportDate.day(session.startedAt)), last activity \(ReportDate.day(session.updatedAt)), digest `\(session.playbookDigest.prefix(12))`")
            for step in session.steps where !step.answers.isEmpty {
                lines += ["", "#### " + MarkdownText.inline(step.title)]
                for entry in step.answers {
                    lines += ["", "**\(MarkdownText.inline(entry.question))**" + (entry.required ? " (required)" : "") + "  ", "`\(entry.questionID)`", ""]
                    if let answer = entry.answer {
                        let answerLines = answer.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + MarkdownText.inline(String($0)) }
                        lines += answerLines.enumerated().map { $0.offset < answerLines.count - 1 ? $0.element + "  " : $0.element }
                    } else {
                        lines.append(entry.status == "skipped" ? "_Skipped._" : "_Not answered._")
                    }
                    if !entry.notes.isEmpty {
                        lines.append("")
                        lines += entry.notes.map { "- " + ($0.isPrivate ? "private note " : "note ") + ReportDate.day($0.createdAt) + ": " + MarkdownText.inline($0.text) }
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// A Mermaid `flowchart` of value flowing from payers to beneficiaries.
enum MermaidFlow {
    static func chart(_ brief: Brief) -> String {
        var lines = ["flowchart LR"]
        let partyIndex = Dictionary(brief.parties.enumerated().map { ($0.element.id, $0.offset + 1) }, uniquingKeysWith: { first, _ in first })
        let used = Set(brief.values.flatMap { $0.beneficiaryIDs + $0.payerIDs })
        for party in brief.parties where used.contains(party.id) {
            let shape = party.isMember ? "[\"\(label(party.name))\"]" : "([\"\(label(party.name))\"])"
            lines.append("  p\(partyIndex[party.id] ?? 0)\(shape)")
        }
        for (index, value) in brief.values.enumerated() {
            let node = "v\(index + 1)"
            lines.append("  \(node){{\"\(label(value.text))\"}}")
            for payer in value.payerIDs { lines.append("  p\(partyIndex[payer] ?? 0) -->|pays| \(node)") }
            for gainer in value.beneficiaryIDs { lines.append("  \(node) -->|gains| p\(partyIndex[gainer] ?? 0)") }
            if value.isWrongPocket { lines.append("  class \(node) wrongPocket") }
        }
        if !brief.wrongPocket.isEmpty { lines.append("  classDef wrongPocket stroke:#b3261e,stroke-width:3px") }
        return lines.joined(separator: "\n")
    }

    /// Text inside a quoted Mermaid label: one line, quotes and angle brackets as entities.
    static func label(_ text: String) -> String {
        MarkdownText.flat(text).replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "<", with: "#lt;")
            .replacingOccurrences(of: ">", with: "#gt;")
    }
}
