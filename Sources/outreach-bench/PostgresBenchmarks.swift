import Foundation
import Logging
import NIOCore
import NIOPosix
import OutreachPostgres
import OutreachStore
import PostgresNIO

/// The team database's figures: answers saved and search over a million Zipf notes through
/// `TeamDatabase` on a throwaway PostgreSQL server on loopback (`make bench` starts one with
/// `.ci/postgres-server` and passes its env file), each beside the same statements sent by a bare
/// postgres-nio connection in the same run, interleaved with ours so both see the same machine.
struct PostgresBench {
    let port: Int
    let password: String
    let superuserPassword: String?

    static let logger = Logger(label: "outreach.bench.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Reads DIR/env as written by `.ci/postgres-server start DIR`.
    init(environmentFile path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        guard let port = values["OUTREACH_PG_PORT"].flatMap(Int.init), let password = values["OUTREACH_PG_OWNER_PASSWORD"] else {
            throw BenchError.failed("\(path) lacks OUTREACH_PG_PORT or OUTREACH_PG_OWNER_PASSWORD")
        }
        self.port = port
        self.password = password
        superuserPassword = values["OUTREACH_PG_SUPERUSER_PASSWORD"]
    }

    func address(_ database: String) -> String { "postgresql://outreach_owner@127.0.0.1:\(port)/\(database)" }

    /// A bare postgres-nio connection as the owner, with the settings `TeamDatabase` uses (no TLS on loopback).
    func connect(_ database: String) throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: "127.0.0.1", port: port, username: "outreach_owner", password: password, database: database, tls: .disable)
        configuration.options.additionalStartupParameters = [("application_name", "outreach-bench")]
        return try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                              id: 2, logger: Self.logger).wait()
    }

    /// A fresh, empty database owned by the owner role; `TeamDatabase.open` then applies the migrations.
    func freshDatabase(_ name: String) throws -> TeamDatabase {
        let admin = try connect("outreach")
        defer { try? admin.close().wait() }
        _ = try admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name)"), logger: Self.logger).wait()
        _ = try admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: Self.logger).wait()
        return try TeamDatabase.open(address: address(name), environment: ["PGPASSWORD": password])
    }

    func dropDatabase(_ name: String) {
        guard let admin = try? connect("outreach") else { return }
        _ = try? admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name)"), logger: Self.logger).wait()
        try? admin.close().wait()
    }

    /// "PostgreSQL 15.x (Debian ...)" from the server itself.
    func serverVersion() throws -> String {
        let connection = try connect("outreach")
        defer { try? connection.close().wait() }
        let rows = try connection.query("SELECT version()", logger: Self.logger).wait().rows
        return try rows.first?.decode(String.self) ?? "?"
    }
}

extension PostgresConnection {
    @discardableResult
    func run(_ query: PostgresQuery) throws -> [PostgresRow] {
        try self.query(query, logger: PostgresBench.logger).wait().rows
    }
}

extension Benchmarks {
    // MARK: PostgreSQL: answer saved

    /// p50 and p99 of `recordAnswer` (the call the shell makes for every answer) against the same
    /// transaction sent as plain statements on a bare connection, one of each in turn.
    func postgresAnswers(_ pg: PostgresBench, count: Int = 2_000) throws -> [Figure] {
        let name = "outreach_bench_answers"
        let team = try pg.freshDatabase(name)
        defer { team.closeCleanly(); pg.dropDatabase(name) }
        let bare = try pg.connect(name)
        defer { try? bare.close().wait() }
        let partner = UUID(), ours = UUID(), theirs = UUID()
        let epoch = Date(timeIntervalSince1970: 1_704_067_200)
        try bare.run("""
            INSERT INTO partner (id, name, sector, createdAt, updatedAt) VALUES (\(partner), 'Bench', 'housing', \(epoch), \(epoch))
            """)
        for session in [ours, theirs] {
            try bare.run("""
                INSERT INTO session (id, partnerID, playbookID, playbookVersion, playbookDigest, snapshot, status, position, createdAt, updatedAt)
                VALUES (\(session), \(partner), 'dash', '1', 'bench', decode('', 'hex'), 'active', 0, \(epoch), \(epoch))
                """)
        }
        func question(_ index: Int) -> String { "q\(index % 40)" }
        func value(_ index: Int) -> String { "Answer \(index) about shared clients and the waitlist" }

        // The reference: what `recordAnswer` sends, statement by statement, with nothing around it.
        func reference(_ index: Int) throws {
            let id = UUID(), questionID = question(index)
            try bare.run("BEGIN")
            try bare.run("SELECT 1 FROM session WHERE id = \(theirs) FOR UPDATE")
            let (last, newest) = try bare.run("""
                SELECT (SELECT coalesce(max(revision), 0) FROM answer WHERE sessionID = \(theirs) AND questionID = \(questionID)),
                       (SELECT max(createdAt) FROM answer WHERE sessionID = \(theirs))
                """).first!.decode((Int, Date?).self)
            let now = Date(), createdAt = newest.map { max(now, $0.addingTimeInterval(0.0015)) } ?? now
            try bare.run("""
                WITH saved AS (
                    INSERT INTO answer (id, sessionID, questionID, revision, value, createdAt)
                    VALUES (\(id), \(theirs), \(questionID), \(last + 1), \(value(index)), \(createdAt))
                    ON CONFLICT (id) DO NOTHING RETURNING id
                )
                UPDATE session SET position = \(index + 1), status = 'active', updatedAt = \(createdAt) WHERE id = \(theirs)
                """)
            try bare.run("COMMIT")
        }

        for index in 0..<20 {  // warm both connections and the plans
            try team.recordAnswer(sessionID: ours, questionID: question(index), value: value(index), nextPosition: index + 1)
            try reference(index)
        }
        var measured: [Double] = [], referenceTimes: [Double] = []
        for index in 20..<(count + 20) {
            measured.append(try Measure.time {
                try team.recordAnswer(sessionID: ours, questionID: question(index), value: value(index), nextPosition: index + 1)
            })
            referenceTimes.append(try Measure.time { try reference(index) })
        }
        let p50 = Measure.median(measured), p99 = Measure.percentile(measured, 99)
        let r50 = Measure.median(referenceTimes), r99 = Measure.percentile(referenceTimes, 99)
        let label = "postgres-nio, same 5 statements "
        return [
            Figure(name: "answer saved p50 (PostgreSQL on loopback, \(count) recordAnswer calls)", value: Measure.milliseconds(p50),
                   reference: label + Measure.milliseconds(r50), ratio: String(format: "%.2f×", p50 / r50), goal: "—", met: true),
            Figure(name: "answer saved p99 (PostgreSQL on loopback)", value: Measure.milliseconds(p99),
                   reference: label + Measure.milliseconds(r99), ratio: String(format: "%.2f×", p99 / r99),
                   goal: "≤ 5 ms", met: p99 <= 0.005),
        ]
    }

    // MARK: PostgreSQL: search over a million Zipf notes

    /// Loads `notes` Zipf notes (the SQLite rows' corpus and dates) into a fresh team database, then
    /// p95 of `search` through `TeamDatabase` for common and rare words (the SQLite rows' queries),
    /// each query followed by the same statement (`TeamDatabase.searchStatement`) on a bare connection.
    ///
    /// Loading: batches of 10,000 notes sent as three arrays and inserted server-side with
    /// `INSERT ... SELECT FROM unnest(...)` (COPY is refused on a table with row-level security); the
    /// trigger on note copies each public note's words into `noteSearch`, whose GIN index is dropped
    /// for the load and built again from its own definition, then ANALYZE.
    func postgresSearch(_ pg: PostgresBench, notes: Int = 1_000_000, queries: Int = 100) throws -> [Figure] {
        let name = "outreach_bench_search"
        let team = try pg.freshDatabase(name)
        defer { team.closeCleanly(); pg.dropDatabase(name) }
        let bare = try pg.connect(name)
        defer { try? bare.close().wait() }

        let started = Measure.now()
        let partner = UUID()
        let epoch = Date(timeIntervalSince1970: 1_704_067_200)
        try bare.run("""
            INSERT INTO partner (id, name, sector, createdAt, updatedAt) VALUES (\(partner), 'Search bench', 'police', \(epoch), \(epoch))
            """)
        let definition = try bare.run("SELECT pg_get_indexdef('noteSearch_search'::regclass)").first!.decode(String.self)
        try bare.run("DROP INDEX noteSearch_search")
        let corpus = ZipfCorpus()
        var generator = SplitMix(seed: 17)
        let batch = 10_000
        var inserted = 0
        while inserted < notes {
            let size = min(batch, notes - inserted)
            var ids: [UUID] = [], texts: [String] = [], dates: [Date] = []
            ids.reserveCapacity(size); texts.reserveCapacity(size); dates.reserveCapacity(size)
            for index in inserted..<(inserted + size) {
                ids.append(UUID())
                texts.append(corpus.note(&generator))
                dates.append(epoch.addingTimeInterval(Double(index) * 60))
            }
            try bare.run("""
                INSERT INTO note (id, partnerID, text, isPrivate, createdAt, updatedAt)
                SELECT id, \(partner), text, false, at, at FROM unnest(\(ids)::uuid[], \(texts)::text[], \(dates)::timestamptz[]) AS u(id, text, at)
                """)
            inserted += size
        }
        let insertSeconds = Double(Measure.now() - started) / 1e9
        try bare.run("SET maintenance_work_mem = '256MB'")
        try bare.run(PostgresQuery(unsafeSQL: definition))
        try bare.run("ANALYZE note")
        try bare.run("ANALYZE noteSearch")
        let loadSeconds = Double(Measure.now() - started) / 1e9

        let common = (0..<queries).map { String(corpus.words[$0 % 10].prefix(4 + $0 % 2)) }
        let rare = (0..<queries).map { corpus.words[20_000 + $0 * 97 % 9_999] }
        var figures = [Figure(
            name: "load \(notes) Zipf notes into PostgreSQL (INSERT … SELECT unnest, \(batch) a batch; GIN index built after; ANALYZE)",
            value: String(format: "%.1f s", loadSeconds), reference: String(format: "of which inserts %.1f s", insertSeconds),
            ratio: "—", goal: "—", met: true)]
        for (label, words) in [("common words (top-10 prefixes)", common), ("rare words", rare)] {
            let filter = SearchFilter()
            for query in words.prefix(3) {  // warm both connections and the caches
                _ = try team.search(query, filter: filter)
                try bare.run(TeamDatabase.searchStatement(query, filter: filter))
            }
            var ours: [Double] = [], reference: [Double] = []
            for query in words {
                var found = 0, referenceFound = 0
                ours.append(try Measure.time { found = try team.search(query, filter: filter).count })
                reference.append(try Measure.time { referenceFound = try bare.run(TeamDatabase.searchStatement(query, filter: filter)).count })
                guard found == referenceFound, found > 0 else {
                    throw BenchError.failed("search \(query): \(found) hits, bare statement \(referenceFound)")
                }
            }
            let p95 = Measure.percentile(ours, 95), r95 = Measure.percentile(reference, 95)
            figures.append(Figure(
                name: "search p95, \(label), \(notes) Zipf notes (PostgreSQL on loopback, \(queries) queries, range \(Self.range(ours)))",
                value: Measure.milliseconds(p95), reference: "postgres-nio, same statement " + Measure.milliseconds(r95),
                ratio: String(format: "%.2f×", p95 / r95), goal: "≤ 30 ms", met: p95 <= 0.030))
        }
        return figures
    }
}
