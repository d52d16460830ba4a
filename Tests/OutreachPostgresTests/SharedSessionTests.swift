import Foundation
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachPostgres

/// Two leads answering in the same session at the same time: both keep their answers, as
/// revisions, and the newest counts, as when bundles merge.
@Suite struct SharedSessionTests {
    @Test func twoLeadsAnsweringOneSessionAtOnceBothKeepTheirAnswers() throws {
        let database = try TestPostgres.server().freshDatabase()
        let first = try database.openAsOwner()
        defer { first.closeCleanly() }
        let second = try database.openAsOwner()
        defer { second.closeCleanly() }
        let partner = try first.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        let session = try first.createSession(Session(partnerID: partner.id, playbookID: "dash", playbookVersion: "1",
                                                      playbookDigest: "d", snapshot: Data("{}".utf8)))
        let leads = [first, second]
        DispatchQueue.concurrentPerform(iterations: 2) { lead in
            for index in 1...50 {
                _ = try? leads[lead].recordAnswer(sessionID: session.id, questionID: "dash.q\(index % 5)",
                                                  value: "lead \(lead) answer \(index)", nextPosition: index % 5)
            }
        }
        let answers = try first.answers(sessionID: session.id)
        #expect(answers.count == 100)
        #expect(Set(answers.map(\.id)).count == 100)
        // The answer that counts for each question is its newest revision, whoever wrote it.
        let state = try second.answerState(sessionID: session.id)
        for question in (0..<5).map({ "dash.q\($0)" }) {
            let newest = answers.filter { $0.questionID == question }.last
            #expect(state.answers[question] == newest?.value, "\(question)")
        }
    }
}
