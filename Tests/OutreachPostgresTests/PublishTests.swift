import Foundation
import Testing
@testable import OutreachPostgres
@testable import OutreachStore

/// `playbook publish`: one row per playbook id and version, never changed once published.
@Suite struct PublishTests {
    @Test func theSameDigestTwiceIsAlreadyPublishedAndAnotherDigestIsRefused() throws {
        let database = try TeamRest.database()
        defer { database.closeCleanly() }
        #expect(try database.publishPlaybook(id: "intro", version: "1.0.0", digest: "aaa", fileName: "intro.yaml", source: "id: intro") == .published)
        #expect(try database.publishPlaybook(id: "intro", version: "1.0.0", digest: "aaa", fileName: "intro.yaml", source: "id: intro") == .alreadyPublished)
        #expect(throws: StoreError.publishedDifferently(id: "intro", version: "1.0.0")) {
            try database.publishPlaybook(id: "intro", version: "1.0.0", digest: "bbb", fileName: "intro.yaml", source: "id: intro # changed")
        }
        #expect(try database.publishPlaybook(id: "intro", version: "1.1.0", digest: "bbb", fileName: "intro.yaml", source: "id: intro # changed") == .published)
        #expect(try database.publishPlaybook(id: "adult", version: "2", digest: "ccc", fileName: "adult.yaml", source: "id: adult") == .published)
        let published = try database.publishedPlaybooks()
        #expect(published.map { "\($0.id) \($0.version) \($0.digest)" } == ["adult 2 ccc", "intro 1.0.0 aaa", "intro 1.1.0 bbb"])
        #expect(published.allSatisfy { $0.publishedBy == "outreach_owner" && abs($0.publishedAt.timeIntervalSinceNow) < 600 })
        #expect(published[1].source == "id: intro")
        #expect(StoreError.publishedDifferently(id: "intro", version: "1.0.0").errorDescription
            == "the playbook 'intro' version 1.0.0 is already published with different content; nothing was published. "
            + "Bump 'version:' in the playbook and publish again.")
    }
}
