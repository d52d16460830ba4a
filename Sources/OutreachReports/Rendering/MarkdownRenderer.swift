import Foundation
import OutreachCore

/// The value case as Markdown: reads well printed as it is and pasted into a document.
public enum MarkdownRenderer {
    public static func render(_ report: ValueCaseReport) -> String {
        var blocks: [String] = []
        blocks.append("# Value case: " + inline(report.partner.name))
        blocks.append(profile(report))
        blocks.append(background(report.sector))
        blocks.append(heard(report))
        blocks.append(words(report.terms))
        blocks.append(value(report))
        blocks.append(actions(report.actions))
        blocks.append(footer(report))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: Sections

    private static func profile(_ report: ValueCaseReport) -> String {
        let partner = report.partner
        let sectorName = report.sector.name.map { inline($0) + " (`\(partner.sector)`)" } ?? "`\(partner.sector)` (plugin not installed)"
        var lines = ["- **Sector:** " + sectorName]
        if let stakeholder = partner.stakeholder { lines.append("- **Stakeholder:** " + inline(stakeholder)) }
        if let profile = partner.profile { lines.append("- **Profile:** " + inline(flat(profile))) }
        if partner.doNotContact { lines.append("- **Do not contact:** yes") }
        if let session = report.session {
            lines.append("- **Session:** \(session.number), \(inline(session.playbookTitle)) (`\(session.playbookID)` \(session.playbookVersion)), \(session.status)")
            lines.append("- **Dates:** started \(ReportDate.day(session.startedAt)), last activity \(ReportDate.day(session.updatedAt))")
        } else {
            lines.append("- **Session:** none yet")
        }
        return lines.joined(separator: "\n")
    }

    private static func background(_ sector: ValueCaseReport.SectorBackground) -> String {
        var lines = ["## Sector background", ""]
        guard let name = sector.name else {
            lines.append("The `\(sector.id)` sector plugin is not installed, so there is no background to show.")
            return lines.joined(separator: "\n")
        }
        lines.append("**\(inline(name))**" + (sector.stakeholder.map { " (\(inline($0)))" } ?? ""))
        if let summary = sector.summary, !summary.isEmpty { lines += ["", inline(summary)] }
        return lines.joined(separator: "\n")
    }

    private static func heard(_ report: ValueCaseReport) -> String {
        var lines = ["## What we heard"]
        let steps = report.steps.filter { !$0.answers.isEmpty }
        if report.session == nil {
            lines += ["", "No session with this partner yet."]
        } else if steps.isEmpty {
            lines += ["", "No question has been answered in this session yet."]
        }
        for step in steps {
            lines += ["", "### " + inline(step.title)]
            for entry in step.answers {
                lines += ["", "**\(inline(flat(entry.question)))**" + (entry.required ? " (required)" : "") + "  ", "`\(entry.questionID)`", ""]
                if let answer = entry.answer {
                    // Two trailing spaces keep the answer's own line breaks (a Markdown hard break).
                    let answerLines = answer.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + inline(String($0)) }
                    lines += answerLines.enumerated().map { $0.offset < answerLines.count - 1 ? $0.element + "  " : $0.element }
                } else {
                    lines.append(entry.revision == nil ? "_Not answered._" : "_Skipped._")
                }
                if !entry.notes.isEmpty {
                    lines.append("")
                    lines += entry.notes.map { "- " + noteLabel($0) + ": " + inline(flat($0.text)) }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func words(_ terms: [ValueCaseReport.TermEntry]) -> String {
        var lines = ["## In their words", ""]
        guard !terms.isEmpty else {
            lines.append("No terms of theirs captured yet.")
            return lines.joined(separator: "\n")
        }
        lines += ["| Term | What they mean |", "| --- | --- |"]
        lines += terms.map { "| \(cell($0.term)) | \(cell($0.meaning)) |" }
        return lines.joined(separator: "\n")
    }

    private static func value(_ report: ValueCaseReport) -> String {
        var lines = ["## Shared value", ""]
        guard !report.values.isEmpty else {
            lines.append("No value recorded yet.")
            return lines.joined(separator: "\n")
        }
        let groups = report.matrixByBeneficiary
        lines += ["| For | Short term | Long term |", "| --- | --- | --- |"]
        for group in groups {
            let columns = ValueHorizon.allCases.map { horizon in
                group.cells.filter { $0.horizon == horizon }
                    .flatMap { matrixCell in matrixCell.valueIDs.compactMap { report.value(id: $0) }.map { "\($0.value) (\(matrixCell.lens.rawValue))" } }
                    .map(cell).joined(separator: "<br>")
            }
            lines.append("| \(cell(group.beneficiary)) | \(columns[0]) | \(columns[1]) |")
        }
        for group in groups {
            let heading = group.beneficiary == ValueCaseReport.unnamedBeneficiary ? "No beneficiary named" : "For " + inline(group.beneficiary)
            lines += ["", "### " + heading, ""]
            for matrixCell in group.cells {
                for entry in matrixCell.valueIDs.compactMap({ report.value(id: $0) }) {
                    lines.append("- **\(inline(flat(entry.value)))** (\(entry.lens.rawValue), \(horizonLabel(entry.horizon)))")
                    for note in entry.evidence {
                        lines.append("  - Evidence, " + noteLabel(note) + ": " + inline(flat(note.text)))
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func actions(_ actions: [ValueCaseReport.ActionEntry]) -> String {
        var lines = ["## Open actions", ""]
        guard !actions.isEmpty else {
            lines.append("No open actions.")
            return lines.joined(separator: "\n")
        }
        lines += ["| Due | Owner | Action |", "| --- | --- | --- |"]
        lines += actions.map { "| \($0.due ?? "no date") | \(cell($0.owner)) | \(cell($0.text)) |" }
        return lines.joined(separator: "\n")
    }

    private static func footer(_ report: ValueCaseReport) -> String {
        var parts: [String] = []
        if let session = report.session {
            parts.append("Playbook `\(session.playbookID)` version \(session.playbookVersion), digest `\(session.playbookDigest.prefix(12))`.")
        }
        parts.append(report.redacted ? "Private notes are left out of this report." : "This report includes private notes; share it on a need-to-know basis.")
        return "---\n\n" + parts.joined(separator: " ")
    }

    // MARK: Text

    private static func horizonLabel(_ horizon: ValueHorizon) -> String {
        horizon == .short ? "short term" : "long term"
    }

    private static func noteLabel(_ note: ValueCaseReport.NoteEntry) -> String {
        (note.isPrivate ? "private note " : "note ") + ReportDate.day(note.createdAt)
    }

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
