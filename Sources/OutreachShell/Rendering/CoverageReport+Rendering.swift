import OutreachCore
import OutreachReports

extension CoverageReport {
    // MARK: Rendering

    /// The terminal form: the sector × step table, the sectors still to reach, the stalled sessions.
    public func render(style: Style) -> String {
        let reached = sectors.filter { $0.installed && !$0.partners.isEmpty }.count
        let installed = sectors.filter(\.installed).count
        var blocks = [style.bold("Sectors with a partner: \(reached) of \(installed).")]

        let headers = ["sector", "not started"] + DashStep.allCases.enumerated().map { "\($0.offset + 1) \($0.element.rawValue)" }
        let rows = sectors.map { row -> [String] in
            [row.id + (row.installed ? "" : " (not installed)"), row.partners(at: nil).joined(separator: "\n")]
                + DashStep.allCases.map { row.partners(at: $0).joined(separator: "\n") }
        }
        blocks.append(Table(headers: headers, rows: rows).render(style: style))

        if unreached.isEmpty {
            blocks.append("Every sector has at least one partner.")
        } else {
            var lines = [style.bold("Who else should we talk to?") + " No partner yet in:"]
            for row in unreached {
                lines.append("  - " + row.id + (row.stakeholder.map { " (\($0))" } ?? ""))
            }
            lines.append("Add one with: partner add \"NAME\" --sector \(unreached[0].id)")
            blocks.append(lines.joined(separator: "\n"))
        }

        if stalled.isEmpty {
            blocks.append("No stalled sessions: every unfinished one had activity in the last \(Self.stalledAfterDays) days.")
        } else {
            let table = Table(
                headers: ["partner", "session", "stopped in", "last activity", "idle"],
                rows: stalled.map { [$0.partner, "\($0.number) (\($0.playbookID))", $0.step ?? "the end", Day.string(from: $0.lastActivity), Plural.count($0.idleDays, "day")] })
            blocks.append(style.warn("Stalled") + " (no activity for \(Self.stalledAfterDays) days or more):\n" + table.render(style: style)
                + "\nType 'resume N' to pick one up, or '/finish' inside it if it is done.")
        }
        if !ownOrganisations.isEmpty {
            blocks.append(style.dim("Not counted, as your own organisation: " + ownOrganisations.joined(separator: ", ") + "."))
        }
        return blocks.joined(separator: "\n\n")
    }
}
