import Foundation
import OutreachCatalog
import OutreachCore
import OutreachSessions
import OutreachStore
import OutreachTestSupport
import Testing

/// The engine's transitions, as every front end sees them.
@Suite struct SessionEngineTests {
    let engine: SessionEngine
    let partner: Partner

    init() throws {
        let database = try AppDatabase.inMemory()
        engine = SessionEngine(database: database, catalog: builtinCatalog)
        partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
    }

    func start() throws -> Transition {
        try engine.start(playbook: try builtinCatalog.requirePlaybook("dash"), partner: partner, confirm: { _ in false })
    }

    @Test func changingAGateAnswerDropsTheFollowUpItAsked() throws {
        _ = try start()
        _ = try engine.go(to: "dash.pb.shared-before")
        _ = try engine.answer("yes")
        #expect(engine.active?.run.current?.id == "dash.pb.agreement")
        _ = try engine.answer("A county agreement from 2019")
        let before = try #require(engine.active?.run.progress)
        _ = try engine.go(to: "dash.pb.shared-before")
        let changed = try engine.answer("no")
        #expect(changed.active.run.current?.id != "dash.pb.agreement")
        #expect(changed.active.run.answer(to: "dash.pb.agreement") == nil, "the stale answer no longer counts")
        #expect(changed.active.run.answers["dash.pb.agreement"] == "A county agreement from 2019", "but it stays stored as history")
        #expect(changed.active.run.progress.answered == before.answered - 1)
        #expect(changed.active.run.progress.reachable == before.reachable - 1, "the agreement drops out")
        #expect(throws: SessionError.notReachable("dash.pb.agreement", condition: "dash.pb.shared-before = yes")) {
            try engine.go(to: "dash.pb.agreement")
        }
    }

    @Test func nextSkipsAnUnansweredQuestionButRefusesARequiredOne() throws {
        let first = try start()
        let question = try #require(first.active.run.current)
        if question.required {
            #expect(throws: SessionError.requiredQuestion(question.id)) { try engine.next() }
        } else {
            let moved = try engine.next()
            #expect(moved.kind == .skipped)
            #expect(moved.active.run.effective.skipped.contains(question.id))
        }
    }

    @Test func resumingAFinishedSessionGoesToTheFirstMissingRequiredQuestion() throws {
        _ = try start()
        let ended = try engine.finish()
        let firstMissing = try #require(ended.missingRequired.first)
        let session = try engine.database.session(number: 1)
        let resumed = try engine.resume(session)
        #expect(resumed.active.run.current?.id == firstMissing.id)
        #expect(try engine.database.session(number: 1).status == .active)
    }

    @Test func aCompleteFinishedSessionStaysClosedUnlessReopened() throws {
        _ = try start()
        while let question = engine.active?.run.current {
            let text = question.choices.first ?? question.captures?.example
                ?? (question.kind == .scale ? String(question.effectiveScale.min) : "Answer to \(question.id)")
            _ = try engine.answer(text)
        }
        let ended = try engine.finish()
        #expect(ended.missingRequired.isEmpty)
        let session = try engine.database.session(number: 1)
        #expect(throws: SessionError.sessionComplete(number: 1)) { try engine.resume(session) }
        #expect(try engine.database.session(number: 1).status == .finished, "refusing changes nothing")
        let reopened = try engine.resume(session, reopen: true)
        #expect(reopened.active.run.current != nil)
    }

    @Test func aNoteLandsOnTheCurrentQuestionOfTheRunningSession() throws {
        let first = try start()
        let note = try engine.note("They mentioned the 2019 pilot", isPrivate: true)
        #expect(note.sessionID == first.active.session.id)
        #expect(note.questionID == first.active.run.current?.id)
        #expect(note.partnerID == partner.id)
    }

    @Test func aDoNotContactPartnerNeedsAConfirmation() throws {
        let guarded = try engine.database.addPartner(Partner(name: "Quiet Clinic", sector: "hospitals", doNotContact: true))
        let playbook = try builtinCatalog.requirePlaybook("dash")
        #expect(throws: SessionError.declined) { try engine.start(playbook: playbook, partner: guarded, confirm: { _ in false }) }
        #expect(try engine.database.sessionNumbers().isEmpty)
        #expect(try engine.start(playbook: playbook, partner: guarded, confirm: { _ in true }).kind == .started)
    }
}

/// Answers to questions with `captures:` become terms, actions and values once, through the engine.
@Suite struct CaptureEngineTests {
    @Test func capturedLinesAreSavedOnceAndShownBack() throws {
        let database = try AppDatabase.inMemory()
        let engine = SessionEngine(database: database, catalog: builtinCatalog)
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        _ = try engine.start(playbook: try builtinCatalog.requirePlaybook("dash"), partner: partner, confirm: { _ in false })
        _ = try engine.go(to: "dash.pb.next-steps")
        #expect(throws: SessionError.self) { try engine.answer("Send the draft") }
        #expect(try database.actions().isEmpty, "nothing is saved from an answer with a bad line")
        let saved = try engine.answer("Send the draft; Sam; 2026-12-15\nCall the director; Ana")
        #expect(saved.captured == ["Saved the action Send the draft (Sam, due 2026-12-15).", "Saved the action Call the director (Ana, no date)."])
        #expect(try database.actions().map(\.questionID) == ["dash.pb.next-steps", "dash.pb.next-steps"])
        _ = try engine.go(to: "dash.pb.next-steps")
        let again = try engine.answer("Send the draft; Sam; 2026-12-15\nCall the director; Ana\nShare the template; Sam")
        #expect(again.captured == ["Saved the action Share the template (Sam, no date)."], "lines saved before are not saved twice")
        #expect(try database.actions().count == 3)
    }

    @Test func capturedValuesNameParties() throws {
        let database = try AppDatabase.inMemory()
        let engine = SessionEngine(database: database, catalog: builtinCatalog)
        let partner = try database.addPartner(Partner(name: "Riverside HA", sector: "housing"))
        _ = try engine.start(playbook: try builtinCatalog.requirePlaybook("first-meeting"), partner: partner, confirm: { _ in false })
        let question = try #require(engine.active?.run.questions.map(\.question).first { $0.captures == .values })
        _ = try engine.go(to: question.id)
        let saved = try engine.answer("Fewer evictions after a hospital stay; tenants; altruistic; long; the partner")
        #expect(saved.captured.contains("tenants is a new outside beneficiary (see 'parties')."))
        let value = try #require(try database.values().first)
        #expect(value.isWrongPocket)
        #expect(value.payerIDs == [partner.id])
    }
}
