import Foundation

/// `make bench`: measures the speed goals against references measured in the same run,
/// prints one table, and with `--markdown FILE` writes it with the machine's description.
let arguments = CommandLine.arguments
/// `--only-scale`: just the figures of issue 17 (listing, script, Zipf search, start-up against bare GRDB).
let onlyScale = arguments.contains("--only-scale")
let quick = arguments.contains("--quick")
let markdownPath = arguments.firstIndex(of: "--markdown").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }

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
do {
    if !onlyScale {
        progress("start-up")
        figures.append(try bench.startup(runs: quick ? 10 : 30))
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
    progress("script")
    figures.append(try bench.script(lines: quick ? 100_000 : 400_000))
    progress("start-up against bare GRDB")
    figures.append(try bench.bareStartup(runs: quick ? 10 : 30))
    if !onlyScale {
        progress("report")
        figures.append(try bench.report(sessions: quick ? 1000 : 10_000, partnerSessions: 200))
        progress("loading")
        figures += try bench.loading()
        progress("memory")
        figures.append(try bench.memory())
    }
} catch {
    progress("failed: \(error)")
    exit(1)
}

let table = Report.table(figures)
print(table)
if let markdownPath {
    try Report.markdown(figures, quick: quick).write(toFile: markdownPath, atomically: true, encoding: .utf8)
    progress("wrote \(markdownPath)")
}
