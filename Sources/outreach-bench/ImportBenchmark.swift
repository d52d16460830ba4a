import Foundation
import OutreachCore
import OutreachStore

extension Benchmarks {
    // MARK: import of a large bundle

    /// `outreach -c "import FILE"` of a bundle of one partner and `notes` Zipf notes into a new
    /// database (start-up, reading and checking every line, the merge in one transaction, the
    /// search index kept by its triggers), against the sqlite3 shell copying the same rows, set by
    /// set in one transaction, from the database the first import made into a new one with the same
    /// schema and triggers: the cost of the writes alone.
    func importBundle(notes: Int = 200_000, runs: Int = 3) throws -> Figure {
        let bundle = workFolder.appendingPathComponent("import-\(notes).bundle").path
        let corpus = ZipfCorpus()
        var generator = SplitMix(seed: 29)
        let writer = try BundleFileWriter(path: bundle, redacted: false, partnerID: nil)
        let partner = Partner(name: "Import bench", sector: "housing")
        try writer.write(.partner(partner))
        let start = Date(timeIntervalSince1970: 1_704_067_200)
        for index in 0..<notes {
            let created = start.addingTimeInterval(Double(index) * 60)
            try writer.write(.note(Note(partnerID: partner.id, text: corpus.note(&generator), createdAt: created, updatedAt: created)))
        }
        let records = try writer.finish()

        var ours: [Double] = [], reference: [Double] = []
        let source = workFolder.appendingPathComponent("import-source.sqlite").path
        for run in 0..<runs {
            let database = run == 0 ? source : workFolder.appendingPathComponent("import-\(run).sqlite").path
            _ = try Measure.runProcess(outreachPath, ["--db", database, "-c", "quit"], environment: environment)
            ours.append(try Measure.runProcess(outreachPath, ["--db", database, "-c", "import \(bundle)"], environment: environment))

            let copy = workFolder.appendingPathComponent("import-copy-\(run).sqlite").path
            _ = try AppDatabase.open(path: copy)
            let sql = "ATTACH '\(source)' AS source; BEGIN; INSERT INTO main.partner SELECT * FROM source.partner; "
                + "INSERT INTO main.note SELECT * FROM source.note; COMMIT;"
            reference.append(try Measure.runProcess("/usr/bin/sqlite3", [copy, sql]))
            try? FileManager.default.removeItem(atPath: copy)
            if run > 0 { try? FileManager.default.removeItem(atPath: database) }
        }
        try? FileManager.default.removeItem(atPath: source)
        try? FileManager.default.removeItem(atPath: bundle)
        let time = Measure.median(ours), rate = Double(records) / time
        return Figure(name: "import of a \(records)-record bundle into a new database (median of \(runs), range \(Self.range(ours)))",
                      value: String(format: "%.0f records/s (%.2f s)", rate, time),
                      reference: String(format: "sqlite3 copying the same rows, one transaction %.2f s", Measure.median(reference)),
                      ratio: String(format: "%.2f×", time / Measure.median(reference)), goal: "≥ 50,000 records/s", met: rate >= 50_000)
    }
}
