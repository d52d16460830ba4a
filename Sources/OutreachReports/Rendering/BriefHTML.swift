import Foundation
import OutreachCore

/// The brief as one self-contained HTML file (inline CSS and SVG, nothing fetched): a summary
/// that prints on one A4 or US Letter page, then the conversations as an appendix from page two.
public enum BriefHTML {
    public static func render(_ brief: Brief) -> String {
        var body: [String] = []
        body.append("<section class=\"summary\">")
        body.append("<header><p class=\"kicker\">Value brief · \(brief.scope.kind)</p><h1>\(HTMLText.escape(brief.scope.name))</h1></header>")
        body.append(ask(brief))
        body.append(flow(brief))
        body.append(gains(brief))
        body.append("<div class=\"grid\">")
        body.append("<div>" + risks(brief) + "</div>")
        body.append("<div>" + actions(brief) + "</div>")
        body.append("</div>")
        body.append("<div class=\"next\"><h2>Next conversation</h2><p>\(HTMLText.escape(brief.nextConversation))</p>"
            + "<p class=\"foot\">" + (brief.redacted ? "Private notes are left out of this brief." : "Includes private notes: share on a need-to-know basis.") + "</p></div>")
        body.append("</section>")
        body.append(appendix(brief))
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Brief: \(HTMLText.escape(brief.scope.name))</title>
            <style>
            \(style)
            </style>
            </head>
            <body\(isDense(brief) ? " class=\"dense\"" : "")>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// A full partnership (many values, parties, risks, actions) is set smaller so the summary stays on one page.
    static func isDense(_ brief: Brief) -> Bool {
        min(brief.values.count, ValueFlowSVG.maximumValues) + brief.gainsByParty.count + min(brief.risks.count, 6) + min(brief.actions.count, 6) > 18
    }

    static let style = """
        @page { margin: 10mm 12mm; }
        * { box-sizing: border-box; }
        body { font: 9pt/1.32 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1d1d1f; margin: 0 auto; max-width: 186mm; padding: 8mm 0; }
        h1 { font-size: 17pt; margin: 0 0 2mm; }
        h2 { font-size: 10.5pt; margin: 3.5mm 0 1.5mm; color: #2b4a6f; border-bottom: 1px solid #d7dde5; padding-bottom: 0.6mm; }
        h3 { font-size: 10pt; margin: 4mm 0 1mm; }
        p { margin: 0 0 1.5mm; }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 7.5pt; color: #5b6b7f; margin: 0; }
        .ask { background: #f1f5fa; border-left: 3px solid #2b4a6f; padding: 2mm 3mm; margin: 1mm 0 2mm; }
        .ask strong { display: block; font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: #5b6b7f; }
        .parties { font-size: 8.5pt; color: #3b4a5c; }
        .grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 5mm; }
        table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
        th, td { text-align: left; vertical-align: top; padding: 0.8mm 1.5mm; border-bottom: 1px solid #e4e8ee; }
        th { font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.04em; color: #5b6b7f; }
        ul, ol { margin: 0; padding-left: 4.5mm; }
        li { margin-bottom: 0.8mm; }
        .wrong { color: #b3261e; font-weight: 600; }
        .matrix td.empty { color: #b8c2cc; text-align: center; }
        td.due { white-space: nowrap; }
        .values li { margin-bottom: 0.5mm; }
        .muted { color: #6b7785; }
        .next { background: #fff7e6; border-left: 3px solid #c77700; padding: 1mm 3mm 2mm; margin-top: 3mm; }
        .next h2 { border: 0; margin-top: 1.5mm; color: #8a5300; }
        .foot { font-size: 7.5pt; color: #6b7785; margin: 1mm 0 0; }
        svg { display: block; max-height: 56mm; margin: 0 auto; }
        svg text { font: 8pt "DejaVu Sans", Arial, sans-serif; fill: #1d1d1f; }
        svg .head { font-size: 7pt; fill: #5b6b7f; text-transform: uppercase; letter-spacing: 0.05em; }
        svg rect { fill: #f1f5fa; stroke: #2b4a6f; stroke-width: 1.2; }
        svg .outside rect { fill: #ffffff; stroke-dasharray: 4 3; }
        svg .value rect { fill: #eef6ee; stroke: #2f6b3a; }
        svg .value.wrong rect { fill: #fdecea; stroke: #b3261e; stroke-width: 2; }
        svg .edge { fill: none; stroke: #8a99ab; stroke-width: 1.4; }
        svg .edge.wrong { stroke: #b3261e; stroke-width: 2; }
        svg .none { fill: #6b7785; font-style: italic; }
        .appendix { break-before: page; page-break-before: always; }
        .appendix .q { margin: 2mm 0 0.5mm; font-weight: 600; }
        .appendix .id { font: 7.5pt monospace; color: #6b7785; }
        .appendix blockquote { margin: 0.5mm 0 1mm 2mm; padding-left: 2.5mm; border-left: 2px solid #c9d3de; }
        body.dense { font-size: 7.8pt; line-height: 1.22; }
        body.dense h1 { font-size: 14pt; }
        body.dense h2 { font-size: 9.5pt; margin: 2.2mm 0 1mm; }
        body.dense table { font-size: 7.5pt; }
        body.dense th, body.dense td { padding: 0.4mm 1.2mm; }
        body.dense svg { max-height: 36mm; }
        body.dense .ask { padding: 1.2mm 3mm; }
        body.dense .next { margin-top: 2mm; }
        body.dense .values, body.dense .risks { list-style-position: inside; padding-left: 0; }
        body.dense .values li, body.dense .risks li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        @media print { body { padding: 0; } }
        """

    private static func ask(_ brief: Brief) -> String {
        let ask = brief.ask.map { "<p>\(HTMLText.block($0))</p>" } ?? "<p class=\"muted\">Not set yet: partnership edit NAME --ask TEXT, or a question tagged <code>ask</code>.</p>"
        var html = "<div class=\"ask\"><strong>The ask</strong>\(ask)</div>"
        let members = brief.parties.filter(\.isMember).map { HTMLText.escape($0.name) + ($0.kind == .own ? " (us)" : "") }
        html += "<p class=\"parties\"><strong>Parties:</strong> " + (members.isEmpty ? "none named" : members.joined(separator: " · "))
        let downstream = brief.downstream.map { HTMLText.escape($0.name) }
        if !downstream.isEmpty { html += " &nbsp; <strong>Downstream:</strong> " + downstream.joined(separator: " · ") }
        return html + "</p>"
    }

    /// Party × lens, each cell the horizons on which that party gains through that lens, with
    /// the values behind it in a tooltip; the last column counts the evidence notes.
    private static func gains(_ brief: Brief) -> String {
        var html = "<h2>What is in it for each party</h2>"
        guard !brief.gains.isEmpty else { return html + "<p class=\"muted\">No value is recorded yet.</p>" }
        html += "<table class=\"matrix\"><tr><th>Party</th>" + ValueLens.allCases.map { "<th>\($0.rawValue)</th>" }.joined() + "<th>Values</th><th>Evidence</th></tr>"
        for (party, gains) in brief.gainsByParty {
            html += "<tr><td>\(HTMLText.escape(party.name))\(party.kind == .own ? " <span class=\"muted\">(us)</span>" : party.isMember ? "" : " <span class=\"muted\">(downstream)</span>")</td>"
            for lens in ValueLens.allCases {
                let cells = gains.filter { $0.lens == lens }
                let horizons = cells.map { $0.horizon == .short ? "short term" : "long term" }
                let values = cells.flatMap(\.valueIDs).compactMap { id in brief.values.first { $0.id == id }?.text }
                html += horizons.isEmpty ? "<td class=\"empty\">·</td>"
                    : "<td title=\"\(HTMLText.escape(values.joined(separator: "; ")))\">\(horizons.joined(separator: ", "))</td>"
            }
            let count = Set(gains.flatMap(\.valueIDs)).count
            let evidence = brief.values.filter { $0.beneficiaryIDs.contains(party.id) }.reduce(0) { $0 + $1.evidence.count }
            html += "<td>\(count)</td><td>\(evidence)</td></tr>"
        }
        return html + "</table>"
    }

    private static func flow(_ brief: Brief) -> String {
        var html = "<h2>Who pays, who gains</h2>"
        guard !brief.values.isEmpty else { return html + "<p class=\"muted\">No value is recorded yet.</p>" }
        html += ValueFlowSVG.render(brief)
        html += "<ol class=\"values\">" + brief.values.prefix(ValueFlowSVG.maximumValues).map { value in
            var details = value.lenses.map(\.rawValue).joined(separator: ", ") + "; " + (value.horizon == .short ? "short term" : "long term")
            if let way = value.way { details += "; " + way.rawValue }
            if let perspective = value.perspective { details += "; seen by " + perspective.rawValue }
            if !value.evidence.isEmpty { details += "; \(value.evidence.count) evidence" }
            let pays = brief.names(value.payerIDs).joined(separator: ", ")
            let gains = brief.names(value.beneficiaryIDs).joined(separator: ", ")
            let who = (pays.isEmpty ? "no payer named" : "paid by " + pays) + "; gained by " + gains
            let flag = value.isWrongPocket ? "<span class=\"wrong\">⚠ Wrong pocket:</span> " : ""
            return "<li>\(flag)\(HTMLText.escape(value.text)) — \(HTMLText.escape(who)) <span class=\"muted\">(\(HTMLText.escape(details)))</span></li>"
        }.joined() + "</ol>"
        if brief.wrongPocket.isEmpty {
            html += "<p class=\"muted\">No wrong-pocket case: every payer gains something, or no payer is named.</p>"
        }
        return html
    }

    private static func risks(_ brief: Brief) -> String {
        let html = "<h2>Risks and concerns raised</h2>"
        guard !brief.risks.isEmpty else { return html + "<p class=\"muted\">None recorded yet.</p>" }
        let shown = isDense(brief) ? 4 : 6
        return html + "<ul class=\"risks\">" + brief.risks.prefix(shown).map { risk in
            let source = (risk.source == .answer ? "answer" : (risk.isPrivate ? "private note" : "note")) + (risk.partner.map { ", " + $0 } ?? "")
            return "<li>\(HTMLText.escape(risk.text)) <span class=\"muted\">(\(HTMLText.escape(source)))</span></li>"
        }.joined() + "</ul>" + (brief.risks.count > shown ? "<p class=\"muted\">\(brief.risks.count - shown) more in the Markdown and JSON briefs.</p>" : "")
    }

    private static func actions(_ brief: Brief) -> String {
        var html = "<h2>Open actions</h2>"
        guard !brief.actions.isEmpty else { return html + "<p class=\"muted\">No open actions.</p>" }
        html += "<table><tr><th>Due</th><th>Owner</th><th>Action</th></tr>"
        let shown = isDense(brief) ? 4 : 6
        html += brief.actions.prefix(shown).map { "<tr><td class=\"due\">\($0.due ?? "no date")</td><td>\(HTMLText.escape($0.owner))</td><td>\(HTMLText.escape($0.text))</td></tr>" }.joined()
        html += "</table>"
        return brief.actions.count > shown ? html + "<p class=\"muted\">\(brief.actions.count - shown) more: run 'actions'.</p>" : html
    }

    private static func appendix(_ brief: Brief) -> String {
        var html = "<section class=\"appendix\"><h2>Appendix: the conversations</h2>"
        guard !brief.sessions.isEmpty else { return html + "<p class=\"muted\">No session yet.</p></section>" }
        for session in brief.sessions {
            html += "<h3>Session \(session.number): \(HTMLText.escape(session.playbookTitle)) with \(HTMLText.escape(session.partner))</h3>"
            html += "<p class=\"muted\">\(HTMLText.escape(session.playbookID)) \(HTMLText.escape(session.playbookVersion)) · \(session.status) · \(session.progress) answered · started \(ReportDate.day(session.startedAt)) · last activity \(ReportDate.day(session.updatedAt))</p>"
            for step in session.steps where !step.answers.isEmpty {
                html += "<h3>\(HTMLText.escape(step.title))</h3>"
                for entry in step.answers {
                    html += "<p class=\"q\">\(HTMLText.escape(entry.question))\(entry.required ? " <span class=\"muted\">(required)</span>" : "") <span class=\"id\">\(HTMLText.escape(entry.questionID))</span></p>"
                    html += entry.answer.map { "<blockquote>\(HTMLText.block($0))</blockquote>" } ?? "<p class=\"muted\">\(entry.status == "skipped" ? "Skipped." : "Not answered.")</p>"
                    if !entry.notes.isEmpty {
                        html += "<ul>" + entry.notes.map { "<li>\($0.isPrivate ? "Private note" : "Note") \(ReportDate.day($0.createdAt)): \(HTMLText.escape($0.text))</li>" }.joined() + "</ul>"
                    }
                }
            }
        }
        return html + "</section>"
    }
}
