import ArgumentParser
import Foundation
import OutreachCatalog
import OutreachCore

struct SectorsCommand: ShellCommand {
    static let configuration = CommandConfiguration(commandName: "sectors", abstract: "List the sectors that plugins describe.")
    static let group = CommandGroup.sectors
    static let example = "sectors"

    func run(in context: ShellContext) throws {
        let rows = context.catalog.sectors.map { plugin in
            [plugin.id, plugin.name, plugin.stakeholder ?? "", DashStep.allCases.map { String(plugin.questions(for: $0.rawValue)?.count ?? 0) }.joined(separator: "/")]
        }
        context.print(Table(headers: ["id", "sector", "stakeholder", "questions (homework/listen/value)"], rows: rows).render(style: context.style))
    }
}

struct SectorCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "sector", abstract: "Background, drivers, glossary and typical value of one sector.")
    static let group = CommandGroup.sectors
    static let example = "sector housing"

    @Argument(help: "The sector id (see 'sectors').") var id: String

    static func completions(for typed: [String], in context: ShellContext) -> [String] {
        typed.isEmpty ? context.catalog.sectors.map(\.id) : []
    }

    func run(in context: ShellContext) throws {
        let plugin = try context.sector(id)
        let style = context.style
        let width = context.style.width
        var lines = [style.bold("\(plugin.name) (\(plugin.id) \(plugin.version))")]
        if let stakeholder = plugin.stakeholder { lines.append("Focus: \(stakeholder)") }
        lines += ["", TextLayout.wrap(plugin.summary, width: width), "", style.bold("What drives them")]
        for topic in Driver.Topic.allCases {
            for driver in plugin.drivers where driver.topic == topic {
                lines.append("  " + style.accent("[\(topic.rawValue)]") + " " + style.bold(driver.title))
                lines.append(TextLayout.wrap(driver.detail, width: width, indent: "    "))
            }
        }
        lines += ["", style.bold("Their words")]
        for entry in plugin.glossary {
            lines.append("  " + style.bold(entry.term) + ": " + entry.meaning)
            for other in entry.elsewhere { lines.append(style.dim("    in \(other.sector): \(other.meaning)")) }
        }
        lines += ["", style.bold("Typical value")]
        lines.append(Table(
            headers: ["value", "who benefits", "lens", "horizon"],
            rows: plugin.values.map { [$0.value, $0.benefits.joined(separator: ", "), $0.lens.rawValue, $0.horizon.rawValue] }
        ).render(style: Style(colour: false, width: width - 2)).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        let counts = DashStep.allCases.map { "\($0.rawValue) \(plugin.questions(for: $0.rawValue)?.count ?? 0)" }
        lines += ["", "Questions: " + counts.joined(separator: ", ") + ". See them in a playbook with 'playbook show dash --sector \(plugin.id)'."]
        context.print(lines.joined(separator: "\n"))
    }
}
