import Foundation
import GRDB
import GRDBSQLite
import OutreachCatalog
import OutreachCore
import OutreachShell
import OutreachStore

/// The figures of `make bench`. Each is measured next to its reference in the same run.
struct Benchmarks {
    let workFolder: URL
    let outreachPath: String
    let repository: URL

    // MARK: Start-up

    /// `outreach -c quit` against two references, interleaved run by run so that both ratios come
    /// from the same moments: the sqlite3 shell (`sqlite3 :memory: .quit`) and `outreach-bare-open`,
    /// built with the same flags, which opens the same file with GRDB and checks its migrations.
    func startup(runs: Int = 100) throws -> [Figure] {
        let database = workFolder.appendingPathComponent("startup.sqlite").path
        let environment = ["OUTREACH_HOME": repository.path, "XDG_DATA_HOME": workFolder.path, "HOME": workFolder.path]
        let bare = URL(fileURLWithPath: outreachPath).deletingLastPathComponent().appendingPathComponent("outreach-bare-open").path
        _ = try Measure.runProcess(outreachPath, ["--db", database, "-c", "quit"], environment: environment)
        _ = try Measure.runProcess(bare, [database])
        var ours: [Double] = [], sqlite: [Double] = [], grdb: [Double] = []
        for _ in 0..<runs {
            ours.append(try Measure.runProcess(outreachPath, ["--db", database, "-c", "quit"], environment: environment))
            sqlite.append(try Measure.runProcess("/usr/bin/sqlite3", [":memory:", ".quit"]))
            grdb.append(try Measure.runProcess(bare, [database]))
        }
        let median = Measure.median(ours)
        let name = "start-up to exit (median of \(runs), range \(Self.range(ours)))"
        let shellRatio = median / Measure.median(sqlite), bareRatio = median / Measure.median(grdb)
        return [
            Figure(name: name, value: Measure.milliseconds(median),
                   reference: "sqlite3 :memory: .quit " + Measure.milliseconds(Measure.median(sqlite)),
                   ratio: String(format: "%.1f×", shellRatio), goal: "≤ 4×", met: shellRatio <= 4),
            Figure(name: name, value: Measure.milliseconds(median),
                   reference: "bare GRDB open + migration check " + Measure.milliseconds(Measure.median(grdb)),
                   ratio: String(format: "%.2f×", bareRatio), goal: "≤ 1.2×", met: bareRatio <= 1.2),
        ]
    }

    // MARK: Answer saved

    final class NullOutput: TextOutput {
        func write(_ text: String) {}
        func writeError(_ text: String) {}
    }

    func answers(count: Int = 10_000) throws -> [Figure] {
        let path = workFolder.appendingPathComponent("answers.sqlite").path
        let database = try AppDatabase.open(path: path)
        let catalog = Catalog(paths: SearchPaths(builtin: repository, dataDirectory: workFolder))
        let context = ShellContext(database: database, catalog: catalog, output: NullOutput(), style: .plain, isInteractive: false)
        let shell = Shell(context: context)
        guard shell.execute("partner add Bench --sector housing") else { throw BenchError.failed("partner add") }
        var ours: [Double] = []
        while ours.count < count {
            if context.activeRun?.run.current == nil {
                if context.activeRun != nil { _ = shell.execute("/finish") }
                guard shell.execute("start dash --partner Bench") else { throw BenchError.failed("start") }
            }
            guard let question = context.activeRun?.run.current else { continue }
            let answer: String
            switch (question.kind, question.captures) {
            case (_, .terms?): answer = "PHA\(ours.count) = public housing authority, as the partner says it"
            case (_, .actions?): answer = "Send the data summary \(ours.count); Maria; 2999-01-01"
            case (_, .values?): answer = "Shorter waitlists \(ours.count); the partner; operational; short; us"
            case (.choice, _), (.multi, _): answer = "1"
            case (.scale, _): answer = String(question.effectiveScale.max)
            case (.text, _), (.list, _): answer = "Answer \(ours.count) about shared clients and the waitlist"
            }
            var ok = false
            ours.append(Measure.time { ok = shell.execute(answer) })
            guard ok else { throw BenchError.failed("answer refused: \(question.id)") }
        }

        // The reference: the same row inserted and committed with the SQLite C API, on the same schema and settings.
        let referencePath = workFolder.appendingPathComponent("answers-reference.sqlite").path
        _ = try AppDatabase.open(path: referencePath)
        let session = try AppDatabase.open(path: path).sessionSummaries().first!.session
        let reference = try BareSQLite(path: referencePath).insertAnswers(count: count, copying: session)
        let p50 = Measure.median(ours), p99 = Measure.percentile(ours, 99)
        let r50 = Measure.median(reference), r99 = Measure.percentile(reference, 99)
        return [
            Figure(name: "answer saved p50 (\(count) answers, WAL)", value: Measure.milliseconds(p50),
                   reference: "bare insert+commit " + Measure.milliseconds(r50), ratio: String(format: "%.1f×", p50 / r50),
                   goal: "—", met: true),
            Figure(name: "answer saved p99", value: Measure.milliseconds(p99),
                   reference: "bare insert+commit " + Measure.milliseconds(r99), ratio: String(format: "%.1f×", p99 / r99),
                   goal: "≤ 2 ms and ≤ 3×", met: p99 <= 0.002 && p99 / r99 <= 3),
        ]
    }

    // MARK: Loading plugins and playbooks

    func loading(plugins: Int = 100, playbooks: Int = 1000, runs: Int = 5) throws -> [Figure] {
        let pluginFolder = workFolder.appendingPathComponent("many-plugins")
        let playbookFolder = workFolder.appendingPathComponent("many-playbooks")
        let housing = try String(contentsOf: repository.appendingPathComponent("Plugins/housing/plugin.yaml"), encoding: .utf8)
        for index in 1...plugins {
            let id = String(format: "sector%03d", index)
            let folder = pluginFolder.appendingPathComponent(id)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try housing.replacingOccurrences(of: "housing", with: id)
                .write(to: folder.appendingPathComponent("plugin.yaml"), atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: playbookFolder, withIntermediateDirectories: true)
        let dash = try String(contentsOf: repository.appendingPathComponent("playbooks/dash.yaml"), encoding: .utf8)
        for index in 1...playbooks {
            let id = String(format: "team%04d", index)
            try dash.replacingOccurrences(of: "id: dash\n", with: "id: \(id)\n")
                .write(to: playbookFolder.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
        }
        let dataFolder = workFolder.appendingPathComponent("loading-data")
        try FileManager.default.createDirectory(at: dataFolder, withIntermediateDirectories: true)
        let paths = SearchPaths(builtin: repository, dataDirectory: dataFolder,
                                extraPluginFolders: [pluginFolder], extraPlaybookFolders: [playbookFolder])
        var found = (0, 0, 0)
        // The first start after the files appear parses and checks all of them; later starts
        // read the catalog index and parse nothing until a command needs it.
        let cold = Measure.time {
            let catalog = Catalog(paths: paths)
            found = (catalog.pluginIDs.count, catalog.playbookIDs.count, catalog.problems.count)
        }
        guard found.0 >= plugins, found.1 >= playbooks, found.2 == 0 else {
            throw BenchError.failed("loaded \(found.0) plugins, \(found.1) playbooks, \(found.2) problems")
        }
        var warm: [Double] = []
        for _ in 0..<runs {
            warm.append(Measure.time {
                let catalog = Catalog(paths: paths)
                found = (catalog.pluginIDs.count, catalog.playbookIDs.count, catalog.problems.count)
            })
        }
        guard found.0 >= plugins, found.1 >= playbooks, found.2 == 0 else { throw BenchError.failed("warm load lost files") }
        let median = Measure.median(warm)
        return [
            Figure(name: "load \(plugins) plugins + \(playbooks) playbooks, first start (parse and check all)",
                   value: Measure.milliseconds(cold), reference: "—", ratio: "—", goal: "—", met: true),
            Figure(name: "load \(plugins) plugins + \(playbooks) playbooks, later starts (median of \(runs))",
                   value: Measure.milliseconds(median), reference: "—", ratio: "—", goal: "≤ 150 ms", met: median <= 0.150),
        ]
    }

    // MARK: Memory

    func memory() throws -> Figure {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: outreachPath)
        process.arguments = ["--db", workFolder.appendingPathComponent("memory.sqlite").path]
        process.environment = ["OUTREACH_HOME": repository.path, "XDG_DATA_HOME": workFolder.path, "HOME": workFolder.path]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(700_000)
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") ?? .nan
        let megabytes = kilobytes / 1024
        return Figure(name: "resident memory at the prompt", value: String(format: "%.1f MB", megabytes),
                      reference: "—", ratio: "—", goal: "≤ 30 MB", met: megabytes <= 30)
    }
}

extension Benchmarks {
    // MARK: Search

    /// A deterministic vocabulary: domain words plus generated ones, so queries hit real postings.
    static let domainWords = ["waitlist", "voucher", "eviction", "readmission", "discharge", "pantry", "intake", "crisis",
                              "dispatch", "surveillance", "accreditation", "screening", "housing", "clinic", "referral",
                              "agreement", "privacy", "budget", "grant", "outcomes", "tenants", "patients", "families",
                              "overdose", "shelter", "nutrition", "caseworker", "coordinator", "dashboard", "consent"]

    func search(notes: Int = 1_000_000, queries: Int = 100) throws -> Figure {
        let path = workFolder.appendingPathComponent("search.sqlite").path
        _ = try AppDatabase.open(path: path)
        var generator = SplitMix(seed: 42)
        let vocabulary = Self.domainWords + (0..<5000).map { "w\(String($0, radix: 36))x" }
        let bare = try BareSQLite(path: path)
        let started = Measure.now()
        _ = try bare.insertNotes(count: notes) { _ in
            (0..<12).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
        }
        let generated = Double(Measure.now() - started) / 1e9
        try bare.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        let database = try AppDatabase.open(path: path)
        let words = (0..<queries).map { index -> String in
            let first = Self.domainWords[index % Self.domainWords.count]
            let second = vocabulary[Int(generator.next() % UInt64(vocabulary.count))]
            return index % 2 == 0 ? String(first.prefix(5)) : "\(first) \(second.prefix(3))"
        }
        _ = try database.search(words[0])
        var ours: [Double] = []
        for query in words {
            ours.append(try Measure.time { _ = try database.search(query) })
        }

        // The reference: the same FTS5 query in the sqlite3 shell, timed by its own .timer.
        // The pattern is bound as a shell parameter, the way the app binds it.
        var script = ".timer on\n"
        for query in words {
            let pattern = query.split(separator: " ").map { "\"\($0)\"*" }.joined(separator: " ")
            script += ".parameter set @pattern '\(pattern)'\n"
            script += "SELECT ref, snippet(searchIndex, 0, char(1), char(2), '…', 16) FROM searchIndex WHERE searchIndex MATCH @pattern ORDER BY rank LIMIT 20;\n"
        }
        let reference = try sqliteShellTimes(database: path, script: script)
        guard reference.count == queries else { throw BenchError.failed("sqlite3 timed \(reference.count) of \(queries) queries") }
        let p95 = Measure.percentile(ours, 95), r95 = Measure.percentile(reference, 95)
        let ratio = p95 / r95
        return Figure(name: "search p95 over \(queries) queries, \(notes) notes (built in \(Int(generated)) s)",
                      value: Measure.milliseconds(p95), reference: "sqlite3 shell " + Measure.milliseconds(r95),
                      ratio: String(format: "%.1f×", ratio), goal: "≤ 20 ms and ≤ 2×", met: p95 <= 0.020 && ratio <= 2)
    }

    /// Runs a script in the sqlite3 shell and returns each statement's "Run Time: real" in seconds.
    func sqliteShellTimes(database: String, script: String) throws -> [Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").compactMap { line -> Double? in
            guard line.hasPrefix("Run Time: real ") else { return nil }
            return Double(line.dropFirst("Run Time: real ".count).split(separator: " ").first ?? "")
        }
    }
}

/// A small seeded generator so every run builds the same data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
