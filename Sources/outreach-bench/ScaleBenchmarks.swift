import Foundation
import OutreachStore

/// The figures of issue 17, "speed at the scale of years": a listing over a million notes,
/// a long script, and search over text whose words follow Zipf's law.
extension Benchmarks {
    /// The environment every run of the outreach binary gets: the repository's content, the bench's data folder.
    var environment: [String: String] {
        ["OUTREACH_HOME": repository.path, "XDG_DATA_HOME": workFolder.path, "HOME": workFolder.path]
    }

    // MARK: Zipf corpus

    /// A 30,000-word vocabulary drawn with Zipf's law (s = 1), 14 words a note: the top word is in
    /// about 74% of the notes. The domain words come first, so the common queries are real words.
    struct ZipfCorpus {
        static let vocabularySize = 30_000
        static let wordsPerNote = 14
        let words: [String]
        let cumulative: [Double]

        init() {
            var words = Benchmarks.domainWords
            var index = 0
            while words.count < Self.vocabularySize {
                words.append("zq" + String(index, radix: 36) + "v")
                index += 1
            }
            self.words = words
            var total = 0.0
            cumulative = (1...Self.vocabularySize).map { rank in
                total += 1 / Double(rank)
                return total
            }
        }

        func word(_ generator: inout SplitMix) -> String {
            let target = Double(generator.next() >> 11) / Double(1 << 53) * cumulative[cumulative.count - 1]
            var low = 0, high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < target { low = middle + 1 } else { high = middle }
            }
            return words[low]
        }

        func note(_ generator: inout SplitMix) -> String {
            (0..<Self.wordsPerNote).map { _ in word(&generator) }.joined(separator: " ")
        }
    }

    /// Builds (once) a database of `notes` Zipf notes, one a minute from 2024-01-01, and returns its path.
    func zipfDatabase(notes: Int) throws -> (path: String, seconds: Double) {
        let path = workFolder.appendingPathComponent("zipf-\(notes).sqlite").path
        _ = try AppDatabase.open(path: path)
        let corpus = ZipfCorpus()
        var generator = SplitMix(seed: 17)
        let bare = try BareSQLite(path: path)
        let start = Measure.now()
        _ = try bare.insertNotes(count: notes, createdAt: { Self.timestamp(minutesAfter2024: $0) }) { _ in corpus.note(&generator) }
        try bare.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return (path, Double(Measure.now() - start) / 1e9)
    }

    /// GRDB's stored form of 2024-01-01 00:00 UTC plus `minutes`.
    static func timestamp(minutesAfter2024 minutes: Int) -> String {
        var time = time_t(1_704_067_200 + minutes * 60)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d.000", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    // MARK: notes over a million notes

    /// `outreach -c notes` (start-up, count, newest page, exit) against the sqlite3 shell running
    /// the same COUNT and page query on the same file; peak memory from the child's rusage.
    func notesListing(database path: String, notes: Int, runs: Int = 10) throws -> Figure {
        let page = "SELECT COUNT(*) FROM note; SELECT * FROM note ORDER BY createdAt DESC, rowid DESC LIMIT 50;"
        _ = try Measure.runProcessUsage(outreachPath, ["--db", path, "-c", "notes"], environment: environment)
        _ = try Measure.runProcessUsage("/usr/bin/sqlite3", [path, page])
        var ours: [(seconds: Double, megabytes: Double)] = [], reference: [(seconds: Double, megabytes: Double)] = []
        for _ in 0..<runs {
            ours.append(try Measure.runProcessUsage(outreachPath, ["--db", path, "-c", "notes"], environment: environment))
            reference.append(try Measure.runProcessUsage("/usr/bin/sqlite3", [path, page]))
        }
        let time = Measure.median(ours.map(\.seconds)), memory = ours.map(\.megabytes).max() ?? .nan
        let referenceTime = Measure.median(reference.map(\.seconds)), referenceMemory = reference.map(\.megabytes).max() ?? .nan
        let range = Self.range(ours.map(\.seconds))
        return Figure(name: "notes over \(notes) notes (median of \(runs), range \(range); peak RSS)",
                      value: Measure.milliseconds(time) + String(format: ", %.1f MB", memory),
                      reference: "sqlite3 COUNT + page query " + Measure.milliseconds(referenceTime) + String(format: ", %.1f MB", referenceMemory),
                      ratio: String(format: "%.1f×", time / referenceTime), goal: "≤ 50 ms and ≤ 40 MB",
                      met: time <= 0.050 && memory <= 40)
    }

    static func range(_ values: [Double]) -> String {
        String(format: "%.1f–%.1f ms", (values.min() ?? .nan) * 1000, (values.max() ?? .nan) * 1000)
    }

    // MARK: a long script

    /// `outreach --script FILE` over `lines` lines against the same lines on standard input.
    func script(lines: Int = 400_000, runs: Int = 3) throws -> Figure {
        let database = workFolder.appendingPathComponent("script.sqlite").path
        let file = workFolder.appendingPathComponent("long-script.txt").path
        var text = "partners\n"
        for index in 1..<lines { text += "# scripted line \(index): a comment the shell reads and skips\n" }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        _ = try Measure.runProcessUsage(outreachPath, ["--db", database, "-c", "quit"], environment: environment)
        var ours: [Double] = [], reference: [Double] = []
        for _ in 0..<runs {
            ours.append(try Measure.runProcessUsage(outreachPath, ["--db", database, "--script", file], environment: environment).seconds)
            reference.append(try Measure.runProcessUsage(outreachPath, ["--db", database], input: file, environment: environment).seconds)
        }
        let time = Measure.median(ours), referenceTime = Measure.median(reference)
        let ratio = time / referenceTime
        return Figure(name: "--script of \(lines) lines (median of \(runs), range \(Self.range(ours)))",
                      value: Measure.milliseconds(time), reference: "same lines on stdin " + Measure.milliseconds(referenceTime),
                      ratio: String(format: "%.2f×", ratio), goal: "≤ 1.5×", met: ratio <= 1.5)
    }
}

extension Benchmarks {
    // MARK: search over Zipf text

    /// p95 of `search` over common words (prefixes of the 10 most frequent words, each in a large
    /// share of the notes) and over rare ones (whole words ranked 20,000 and below), each against
    /// the sqlite3 shell running an unbounded bm25 ranking of the same match (the old query).
    func zipfSearch(database path: String, notes: Int, queries: Int = 100) throws -> [Figure] {
        let corpus = ZipfCorpus()
        let common = (0..<queries).map { String(corpus.words[$0 % 10].prefix(4 + $0 % 2)) }
        let rare = (0..<queries).map { corpus.words[20_000 + $0 * 97 % 9_999] }
        let database = try AppDatabase.open(path: path)
        var figures: [Figure] = []
        for (label, words, goal) in [("common words (top-10 prefixes)", common, 0.030), ("rare words", rare, 0.005)] {
            _ = try database.search(words[0])
            var ours: [Double] = []
            for query in words { ours.append(try Measure.time { _ = try database.search(query) }) }
            var script = ".timer on\n"
            for query in words {
                script += ".parameter set @pattern '\"\(query)\"*'\n"
                script += "SELECT ref, snippet(searchIndex, 0, char(1), char(2), '…', 16) FROM searchIndex WHERE searchIndex MATCH @pattern ORDER BY rank LIMIT 20;\n"
            }
            let reference = try sqliteShellTimes(database: path, script: script)
            guard reference.count == words.count else { throw BenchError.failed("sqlite3 timed \(reference.count) of \(words.count) queries") }
            let p95 = Measure.percentile(ours, 95), r95 = Measure.percentile(reference, 95)
            figures.append(Figure(
                name: "search p95, \(label), \(notes) Zipf notes (range \(Self.range(ours)))", value: Measure.milliseconds(p95),
                reference: "sqlite3 shell, bm25 over every match " + Measure.milliseconds(r95), ratio: String(format: "%.2f×", p95 / r95),
                goal: String(format: "≤ %.0f ms", goal * 1000), met: p95 <= goal))
        }
        return figures
    }
}
