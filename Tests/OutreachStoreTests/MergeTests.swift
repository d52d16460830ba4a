import Foundation
import OutreachCore
import OutreachTestSupport
import Testing
@testable import OutreachStore

/// Team merges: revisions of the same answer from several people all arrive, and every database
/// ends with the same current answers and session row, whatever order the bundles came in.
@Suite struct MergeTests {
    private let temporary = TemporaryFolder("merge")
    var folder: URL { temporary.url }
    let start = Date(timeIntervalSince1970: 1_760_000_000)

    func export(_ database: AppDatabase, _ name: String) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        _ = try database.exportBundle(to: url, redact: false)
        return url
    }

    /// What a person sees of a session: its current answers, every revision in order, and its row.
    struct Seen: Equatable {
        var state: AnswerState
        var revisions: [UUID]
        var position: Int
        var status: Session.Status
        var updatedAt: String
    }

    func seen(_ database: AppDatabase, _ sessionID: UUID) throws -> Seen {
        let session = try #require(try database.session(id: sessionID))
        return Seen(state: try database.answerState(sessionID: sessionID), revisions: try database.answers(sessionID: sessionID).map(\.id),
                    position: session.position, status: session.status, updatedAt: Bundle.timestamp.string(from: session.updatedAt))
    }

    /// Every order of a list.
    func permutations<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(rest).map { [first] + $0 }
        }
    }

    @Test func threePeopleRevisingTheSameAnswerMergeToTheSameStateInEveryOrder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try AppDatabase.inMemory()
        let partner = try a.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let session = try a.createSession(Fixture.session(partnerID: partner.id))
        try a.recordAnswer(sessionID: session.id, questionID: "dash.q1", value: "first answer", nextPosition: 1)
        let shared = try export(a, "shared.jsonl")
        let b = try AppDatabase.inMemory(), c = try AppDatabase.inMemory()
        _ = try b.importBundle(from: shared)
        _ = try c.importBundle(from: shared)

        // Each person resumes session 1, revises the same answer (revision 2 everywhere) and pauses.
        for (index, (database, name)) in [(a, "A"), (b, "B"), (c, "C")].enumerated() {
            try database.recordAnswer(sessionID: session.id, questionID: "dash.q1", value: "\(name)'s revision", nextPosition: index + 1)
            try database.updateSession(id: session.id, position: index + 1, status: .paused)
            Thread.sleep(forTimeInterval: 0.005)
        }
        // Two revisions stamped in the same millisecond: the greater id wins everywhere.
        let low = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, high = UUID(uuidString: "ffffffff-0000-4000-8000-000000000001")!
        try a.insertAnswer(Answer(id: high, sessionID: session.id, questionID: "dash.q2", revision: 1, value: "high id", createdAt: start))
        try b.insertAnswer(Answer(id: low, sessionID: session.id, questionID: "dash.q2", revision: 1, value: "low id", createdAt: start))
        let bundles = [try export(a, "a.jsonl"), try export(b, "b.jsonl"), try export(c, "c.jsonl")]

        var results: [Seen] = []
        for order in permutations(bundles) {
            let fresh = try AppDatabase.inMemory()
            for bundle in order { _ = try fresh.importBundle(from: bundle) }
            results.append(try seen(fresh, session.id))
        }
        for (database, mine) in [(a, 0), (b, 1), (c, 2)] {
            for (index, bundle) in bundles.enumerated().reversed() where index != mine { _ = try database.importBundle(from: bundle) }
            _ = try database.importBundle(from: bundles[(mine + 1) % 3])
            results.append(try seen(database, session.id))
        }
        let expected = try #require(results.first)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.state.answers == ["dash.q1": "C's revision", "dash.q2": "high id"])
        #expect(expected.revisions.count == 6)
        #expect(expected.position == 3)
        #expect(expected.status == .paused)
    }

    @Test func sessionRowsStampedInTheSameMillisecondPickTheSameWinner() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let partnerID = UUID(), sessionID = UUID()
        var databases: [AppDatabase] = []
        for position in [1, 2] {
            let database = try AppDatabase.inMemory()
            try database.addPartner(Partner(id: partnerID, name: "Metro PD", sector: "police", createdAt: start))
            _ = try database.createSession(Fixture.session(id: sessionID, partnerID: partnerID, updatedAt: start, position: position))
            databases.append(database)
        }
        let first = try export(databases[0], "first.jsonl"), second = try export(databases[1], "second.jsonl")
        _ = try databases[0].importBundle(from: second)
        _ = try databases[1].importBundle(from: first)
        let positions = try databases.map { try #require(try $0.session(id: sessionID)).position }
        #expect(positions[0] == positions[1])
    }

    @Test func aNewRevisionIsCurrentEvenAfterOneDatedInTheFuture() throws {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let session = try database.createSession(Fixture.session(partnerID: partner.id))
        try database.insertAnswer(Answer(sessionID: session.id, questionID: "dash.q1", revision: 1, value: "from a fast clock",
                                         createdAt: Date().addingTimeInterval(3600)))
        let mine = try database.recordAnswer(sessionID: session.id, questionID: "dash.q1", value: "typed just now", nextPosition: 1)
        #expect(try database.answerState(sessionID: session.id).answers == ["dash.q1": "typed just now"])
        #expect(try database.answers(sessionID: session.id).last?.id == mine.id)
        #expect(mine.revision == 2)
    }
}

@Suite struct AnswerOrderTests {
    @Test func answersGivenWithinOneMillisecondKeepTheOrderTheyWereGiven() throws {
        let database = try AppDatabase.inMemory()
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let session = try database.createSession(Fixture.session(partnerID: partner.id))
        var given: [UUID] = []
        for index in 0..<30 {
            given.append(try database.recordAnswer(sessionID: session.id, questionID: "dash.q\(index % 3 + 1)", value: "answer \(index)",
                                                   nextPosition: index % 3 + 1).id)
        }
        #expect(try database.answers(sessionID: session.id).map(\.id) == given)
        #expect(try database.answerState(sessionID: session.id).answers == ["dash.q1": "answer 27", "dash.q2": "answer 28", "dash.q3": "answer 29"])
    }
}
