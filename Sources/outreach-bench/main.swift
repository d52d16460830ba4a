import Foundation

/// `make bench`: measures the speed goals against references measured in the same run,
/// prints one table, and with `--markdown FILE` writes it with the machine's description.
let arguments = CommandLine.arguments
/// `--only-scale`: just the figures of issue 17 (listing, script, Zipf search, start-up against bare GRDB).
let onlyScale = arguments.contains("--only-scale")
let quick = arguments.contains("--quick")
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
let markdownPath = option("--markdown")
/// `--postgres DIR/env`: the env file of a server started by `.ci/postgres-server start DIR`; adds
/// the team database's rows. `--only postgres` runs just those (and, with `--markdown`, rewrites
/// only the PostgreSQL section of the file).
/// `--only startup` or `--only import` measures just those rows and prints them (the file is left
/// as it is).
let postgresEnvironment = option("--postgres")
let onlyPostgres = option("--only") == "postgres"
let onlyFigure = option("--only").flatMap { ["startup", "import"].contains($0) ? $0 : nil }
if let only = option("--only"), !onlyPostgres, onlyFigure == nil {
    FileHandle.standardError.write(Data("outreach-bench: --only takes postgres, startup or import, not '\(only)'\n".utf8))
    exit(2)
}
if onlyPostgres, postgresEnvironment == nil {
    FileHandle.standardError.write(Data("outreach-bench: --only postgres needs --postgres DIR/env\n".utf8))
    exit(2)
}

let executable = URL(fileURLWithPath: arguments[0]).resolvingSymlinksInPath()
var repository = executable.deletingLastPathComponent()
while repository.path != "/", !FileManager.default.fileExists(atPath: repository.appendingPathComponent("Package.swift").path) {
    repository = repository.deletingLastPathComponent()
}
let work = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-bench-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }

let bench = Benchmarks(
    workFolder: work, outreachPath: executable.deletingLastPathComponent().appendingPathComponent("outreach").path,
    repository: repository)

func progress(_ text: String) { FileHandle.standardError.write(Data("bench: \(text)\n".utf8)) }

var figures: [Figure] = []
var postgresFigures: [Figure] = []
var postgresServer = ""
do {
    if let onlyFigure {
        progress(onlyFigure)
        print(Report.table(onlyFigure == "startup" ? try bench.startup(runs: 300) : [try bench.importBundle(notes: quick ? 50_000 : 200_000)]))
        try? FileManager.default.removeItem(at: work)
        exit(0)
    }
    if let postgresEnvironment {
        let started = Measure.now()
        let pg = try PostgresBench(environmentFile: postgresEnvironment)
        postgresServer = try pg.serverVersion()
        progress("PostgreSQL answers (\(postgresServer))")
        postgresFigures += try bench.postgresAnswers(pg, count: quick ? 500 : 2_000)
        progress("PostgreSQL search (loading Zipf notes)")
        postgresFigures += try bench.postgresSearch(pg, notes: quick ? 100_000 : 1_000_000)
        progress(String(format: "PostgreSQL rows took %.0f s", Double(Measure.now() - started) / 1e9))
    } else {
        progress("no --postgres DIR/env: skipping the PostgreSQL rows")
    }
    if !onlyPostgres {
        if !onlyScale {
            progress("answers")
            figures += try bench.answers(count: quick ? 1000 : 10_000)
            progress("search (generating notes)")
            figures.append(try bench.search(notes: quick ? 50_000 : 1_000_000))
        }
        progress("notes listing and Zipf search (generating notes)")
        let zipfNotes = quick ? 100_000 : 1_000_000
        let zipf = try bench.zipfDatabase(notes: zipfNotes)
        progress("generated \(zipfNotes) Zipf notes in \(Int(zipf.seconds)) s")
        figures.append(try bench.notesListing(database: zipf.path, notes: zipfNotes))
        figures += try bench.zipfSearch(database: zipf.path, notes: zipfNotes)
        progress("import")
        figures.append(try bench.importBundle(notes: quick ? 50_000 : 200_000))
        progress("script")
        figures.append(try bench.script(lines: quick ? 100_000 : 400_000))
        progress("start-up, against sqlite3 and bare GRDB")
        figures += try bench.startup(runs: quick ? 20 : 100)
        if !onlyScale {
            progress("report")
            figures.append(try bench.report(sessions: quick ? 1000 : 10_000, partnerSessions: 200))
            progress("loading")
            figures += try bench.loading()
            progress("memory")
            figures.append(try bench.memory())
        }
    }
} catch {
    progress("failed: \(error)")
    exit(1)
}

print(Report.table(figures + postgresFigures))
if let markdownPath {
    let section = postgresFigures.isEmpty ? nil : Report.postgresSection(postgresFigures, server: postgresServer, quick: quick)
    let existing = (try? String(contentsOfFile: markdownPath, encoding: .utf8)) ?? ""
    let text: String
    if onlyPostgres {
        text = Report.replacingPostgresSection(in: existing, with: section ?? "")
    } else {
        // The tables are written anew; sections written by hand stay, after them.
        let notes = Report.handWrittenSections(of: existing)
        text = Report.markdown(figures, quick: quick) + (section.map { "\n" + $0 } ?? "") + (notes.isEmpty ? "" : "\n" + notes)
    }
    try text.write(toFile: markdownPath, atomically: true, encoding: .utf8)
    progress("wrote \(markdownPath)")
}
