import Foundation
import OutreachCatalog
import OutreachCore
import OutreachShell
import OutreachStore

extension Benchmarks {
    // MARK: Report

    /// `report --partner` for a partner with `partnerSessions` sessions in a database of `sessions`.
    func report(sessions: Int, partnerSessions: Int, runs: Int = 10) throws -> Figure {
        let path = workFolder.appendingPathComponent("report.sqlite").path
        let catalog = Catalog(paths: SearchPaths(builtin: repository, dataDirectory: workFolder))
        guard let dash = catalog.playbook("dash") else { throw BenchError.failed("no dash playbook") }
        let resolved = try catalog.resolve(dash.playbook, sector: "housing")
        let snapshot = PlaybookResolver.snapshot(of: resolved)
        let digest = PlaybookResolver.digest(of: snapshot)
        let questions = resolved.flattened.map(\.question.id)
        _ = try AppDatabase.open(path: path)
        let bare = try BareSQLite(path: path)
        try bare.execute("BEGIN")
        let partners = (0..<50).map { _ in UUID().uuidString.lowercased() }
        for (index, partner) in partners.enumerated() {
            try bare.run("INSERT INTO partner (id, name, sector, doNotContact, createdAt, updatedAt) VALUES (?, ?, 'housing', 0, ?, ?)",
                         [partner, index == 0 ? "Report Partner" : "Partner \(index)", BareSQLite.epoch, BareSQLite.epoch])
        }
        for number in 1...sessions {
            let partner = number <= partnerSessions ? partners[0] : partners[1 + number % (partners.count - 1)]
            let session = UUID().uuidString.lowercased()
            try bare.insertSession(id: session, number: number, partner: partner, digest: digest, snapshot: snapshot)
            for (offset, question) in questions.prefix(20).enumerated() {
                try bare.run("INSERT INTO answer (id, sessionID, questionID, revision, value, createdAt) VALUES (?, ?, ?, 1, ?, ?)",
                             [UUID().uuidString.lowercased(), session, question, "Answer \(offset) in session \(number)", BareSQLite.epoch])
            }
            if number <= partnerSessions {
                try bare.run("INSERT INTO note (id, partnerID, sessionID, text, isPrivate, createdAt, updatedAt) VALUES (?, ?, ?, ?, 0, ?, ?)",
                             [UUID().uuidString.lowercased(), partner, session, "Note from session \(number) #followup", BareSQLite.epoch, BareSQLite.epoch])
            }
        }
        try bare.execute("COMMIT")

        let database = try AppDatabase.open(path: path)
        let context = ShellContext(database: database, catalog: catalog, output: NullOutput(), style: .plain, isInteractive: false)
        let shell = Shell(context: context)
        guard shell.execute("report --partner \"Report Partner\"") else { throw BenchError.failed("report failed") }
        var times: [Double] = []
        for _ in 0..<runs {
            times.append(Measure.time { _ = shell.execute("report --partner \"Report Partner\"") })
        }
        let median = Measure.median(times)
        return Figure(name: "report --partner (\(partnerSessions) of \(sessions) sessions, median of \(runs))",
                      value: Measure.milliseconds(median), reference: "—", ratio: "—", goal: "≤ 200 ms", met: median <= 0.200)
    }
}

extension BareSQLite {
    func insertSession(id: String, number: Int, partner: String, digest: String, snapshot: Data) throws {
        try run("""
            INSERT INTO session (id, number, partnerID, playbookID, playbookVersion, playbookDigest, snapshot, status, position, createdAt, updatedAt)
            VALUES (?, ?, ?, 'dash', '1.0.0', ?, CAST(? AS BLOB), 'paused', 20, ?, ?)
            """, [id, String(number), partner, digest, String(decoding: snapshot, as: UTF8.self), BareSQLite.epoch, BareSQLite.epoch])
    }
}
