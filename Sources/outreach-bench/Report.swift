import Foundation

/// The results, as a terminal table and as docs/benchmarks.md.
enum Report {
    static let headers = ["figure", "measured", "reference (same run)", "ratio", "goal", "met"]

    static func rows(_ figures: [Figure]) -> [[String]] {
        figures.map { [$0.name, $0.value, $0.reference, $0.ratio, $0.goal, $0.met ? "yes" : "NO"] }
    }

    static func table(_ figures: [Figure]) -> String {
        let all = [headers] + rows(figures)
        let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func markdown(_ figures: [Figure], quick: Bool) -> String {
        var lines = [
            "# Benchmarks",
            "",
            "Written by `make bench` (a release build; `swift run -c release outreach-bench --markdown docs/benchmarks.md`).",
            "Each figure is a median or percentile over repeated runs, measured next to its reference in the same run.",
            quick ? "This was a `--quick` run with smaller data; the full run uses the sizes in the issue." : "",
            "",
            "## Machine",
            "",
        ]
        lines += machine().map { "- \($0)" }
        lines += ["", "## Results", "", "| " + headers.joined(separator: " | ") + " |",
                  "|" + String(repeating: "---|", count: headers.count)]
        lines += rows(figures).map { "| " + $0.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n") + "\n"
    }

    static func machine() -> [String] {
        var facts: [String] = []
        if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let model = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
            facts.append("CPU: " + (model.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces)
                         + ", \(ProcessInfo.processInfo.activeProcessorCount) cores")
        }
        facts.append(String(format: "memory: %.1f GiB", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824))
        facts.append("system: " + ProcessInfo.processInfo.operatingSystemVersionString)
        if let release = try? String(contentsOfFile: "/etc/debian_version", encoding: .utf8) {
            facts.append("Debian " + release.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        facts.append("date: " + ISO8601DateFormatter().string(from: Date()))
        return facts
    }

    static let postgresHeading = "## PostgreSQL (team database, loopback)"

    /// The team database's rows with the server they ran against; `make bench` starts a throwaway
    /// server with `.ci/postgres-server` (fsync off, as for the tests) on 127.0.0.1.
    static func postgresSection(_ figures: [Figure], server: String, quick: Bool) -> String {
        var lines = [
            postgresHeading,
            "",
            "Through `TeamDatabase` on a throwaway server from `.ci/postgres-server` (127.0.0.1, fsync off), each row beside the",
            "same statements sent by a bare postgres-nio connection, one of ours then one of theirs, in the same run.",
        ]
        if quick { lines.append("This was a `--quick` run with smaller data.") }
        lines += ["", "- server: \(server)"]
        lines += machine().map { "- \($0)" }
        lines += ["", "| " + headers.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: headers.count)]
        lines += rows(figures).map { "| " + $0.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` with its PostgreSQL section (from its heading to the next `## ` heading or the end)
    /// replaced by `section`, or with `section` added at the end.
    static func replacingPostgresSection(in text: String, with section: String) -> String {
        guard let start = text.range(of: postgresHeading) else {
            return text + (text.isEmpty || text.hasSuffix("\n\n") ? "" : "\n") + section
        }
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ").map { text.index(after: $0.lowerBound) } ?? text.endIndex
        return String(text[..<start.lowerBound]) + section + (end < text.endIndex ? "\n" + text[end...] : "")
    }

    /// The `## ` sections of `text` that the bench does not write itself (notes added by hand), in
    /// their order, so that a full run keeps them after the tables it writes anew.
    static func handWrittenSections(of text: String) -> String {
        let generated: Set<String> = ["## Machine", "## Results", postgresHeading]
        var kept: [Substring] = [], keeping = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { keeping = !generated.contains(String(line)) }
            if keeping { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }
}
