import Foundation
import Testing
@testable import OutreachCore

// Sessions keep a JSON snapshot of the resolved playbook. Snapshots written before questions had
// tags and captures must still open, with no tags and nothing captured.

@Suite struct QuestionSnapshotTests {
    /// A snapshot as an earlier version of outreach wrote it: no `tags`, no `captures`.
    static let oldSnapshot = #"""
    {"id":"dash","title":"DASH outreach conversation","version":"1.0.0","sector":"housing","steps":[
      {"id":"listen","title":"Reach out and listen","questions":[
        {"id":"dash.listen.failure","text":"What would worry you?","tip":"Name it openly.","kind":"text","choices":[],"required":false},
        {"id":"dash.pb.shared-before","text":"Shared before?","kind":"choice","choices":["yes","no"],"required":true}
      ]}
    ]}
    """#

    @Test func anOldSnapshotWithoutTagsStillDecodes() throws {
        let playbook = try JSONDecoder().decode(ResolvedPlaybook.self, from: Data(Self.oldSnapshot.utf8))
        let questions = playbook.flattened.map(\.question)
        #expect(questions.map(\.id) == ["dash.listen.failure", "dash.pb.shared-before"])
        #expect(questions.allSatisfy { $0.tags.isEmpty && $0.captures == nil })
        #expect(questions[0].tip == "Name it openly.")
        #expect(questions[1].required)
        #expect(questions[1].choices == ["yes", "no"])
    }

    @Test func tagsAndCapturesSurviveASnapshotRoundTrip() throws {
        let question = Question(
            id: "first-meeting.next-steps", text: "What are the agreed next steps?", kind: .list, required: true,
            tags: ["next-steps"], captures: .actions)
        let playbook = ResolvedPlaybook(
            id: "first-meeting", title: "First meeting", version: "1.0.0", sector: nil,
            steps: [.init(id: "wrap-up", title: "Wrap up", intro: nil, questions: [question])])
        let data = try JSONEncoder().encode(playbook)
        let decoded = try JSONDecoder().decode(ResolvedPlaybook.self, from: data)
        #expect(decoded == playbook)
        #expect(decoded.flattened.first?.question.tags == ["next-steps"])
        #expect(decoded.flattened.first?.question.captures == .actions)
    }

    @Test func anUntaggedQuestionIsWrittenAsBeforeSoItsPlaybookKeepsItsDigest() throws {
        let data = try JSONEncoder().encode(Question(id: "q", text: "Why?"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["tags"] == nil)
        #expect(object["captures"] == nil)
        #expect(Set(object.keys) == ["id", "text", "kind", "choices", "required"])
    }
}
