import Foundation
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachShell

let addRiverside = #"partner add "Riverside Housing Authority" --sector housing"#
let addMetro = "partner add Metro --sector police"

extension ShellHarness {
    /// Runs the lines and returns only what they printed.
    func output(of lines: [String]) -> String {
        let before = text.count
        run(lines)
        return String(text.dropFirst(before))
    }
}

/// The cells of the table row that contains `text`, split at the column gaps.
func tableRow(containing text: String, in output: String) -> [String]? {
    output.split(separator: "\n").first { $0.contains(text) }.map { line in
        line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

@Suite struct NotesCommandTests {
    @Test func notesShowIdDatePartnerPrivateMarkAndText() throws {
        let harness = try ShellHarness()
        #expect(harness.run([addRiverside, #"note "Board meets monthly #board""#, #"note "Tenant records worry them #privacy" --private"#, "notes"]) == 0)
        let notes = try harness.context.database.notes()
        #expect(notes.count == 2)
        let day = Day.string(from: notes[0].createdAt)
        #expect(harness.text.contains("\(notes[0].id.short)  \(day)  Riverside Housing Authority\n    Board meets monthly #board"))
        #expect(harness.text.contains("\(notes[1].id.short)  \(day)  Riverside Housing Authority  [private]\n    Tenant records worry them #privacy"))
    }

    @Test func notesNarrowToAPartnerAndATag() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, #"note "Board meets monthly #Board""#, addMetro, #"note "Chief wants a #board briefing" --partner Metro"#,
                     #"note "Union contract renews in June""#])
        harness.run(["notes --partner Metro"])
        #expect(harness.text.contains("Chief wants a #board briefing"))
        #expect(harness.text.contains("Union contract renews in June"))
        #expect(!harness.text.contains("Board meets monthly"))

        let tagged = try ShellHarness()
        tagged.run([addRiverside, #"note "Board meets monthly #Board""#, #"note "Budget is tight""#, "notes --tag '#board'"])
        #expect(tagged.text.contains("Board meets monthly #Board"))
        #expect(!tagged.text.contains("Budget is tight"))
    }

    @Test func notesInAPlaybookShowTheSessionAndQuestion() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, #"start dash --partner "Riverside Housing Authority""#, "/note Director is new", "/pause", "notes"])
        #expect(harness.text.contains("Riverside Housing Authority · session 1 · dash.homework.shared-population\n    Director is new"))
    }

    @Test func withNoNotesTheListSaysHowToWriteOne() throws {
        let harness = try ShellHarness()
        #expect(harness.run([addRiverside, "notes", "notes --tag board"]) == 0)
        #expect(harness.text.contains("No notes yet. Write one with: note TEXT --partner NAME"))
        #expect(harness.text.contains("No notes tagged #board."))
    }

    @Test func anUnknownPartnerIsAnError() throws {
        let harness = try ShellHarness()
        #expect(harness.run([addRiverside, "notes --partner Nobody"]) == 1)
        #expect(harness.errors.contains("there is no partner named 'Nobody'"))
    }
}

@Suite struct TermCommandTests {
    @Test func aTermIsSavedForThePartnerAndShownBesideThePluginsTerms() throws {
        let harness = try ShellHarness()
        #expect(harness.run([addRiverside, #"term HMIS "the county's shared homeless services database""#, "glossary hmis"]) == 0)
        #expect(harness.text.contains("Added 'HMIS' to the glossary for Riverside Housing Authority."))
        #expect(harness.text.contains("HMIS (housing)"))
        #expect(harness.text.contains("HMIS (captured with Riverside Housing Authority)\n  the county's shared homeless services database"))
        let terms = try harness.context.database.terms()
        #expect(terms.map(\.term) == ["HMIS"])
        #expect(terms.first?.partnerID == (try harness.context.database.partner(named: "Riverside Housing Authority").id))
    }

    @Test func theGlossaryListShowsWhoATermWasCapturedWith() throws {
        let harness = try ShellHarness()
        #expect(!harness.output(of: ["glossary"]).contains("captured with"))
        harness.run([addMetro, #"term "ride-along" "an officer takes a civilian on patrol""#, "term HMIS \"their case system\""])
        let listed = harness.output(of: ["glossary"])
        #expect(tableRow(containing: "captured with", in: listed) == ["term", "sectors", "captured with"])
        #expect(tableRow(containing: "ride-along", in: listed) == ["ride-along", "Metro"])
        #expect(tableRow(containing: "HMIS", in: listed) == ["HMIS", "housing", "Metro"])
    }

    @Test func aTermCapturedInAPlaybookKeepsItsSessionAndQuestion() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, #"start dash --partner "Riverside Housing Authority""#, #"/term PHA "public housing authority""#])
        let term = try #require(try harness.context.database.terms().first)
        #expect(term.sessionID == harness.context.activeRun?.session.id)
        #expect(term.questionID == "dash.homework.shared-population")
        #expect(harness.text.contains("Added 'PHA' to the glossary for Riverside Housing Authority on dash.homework.shared-population."))
    }

    @Test func aTermNeedsAPartnerAndAMeaning() throws {
        let harness = try ShellHarness()
        #expect(harness.run([#"term PHA "public housing authority""#]) == 1)
        #expect(harness.errors.contains("no partner is chosen"))
        harness.run([addRiverside, #"term PHA """#])
        #expect(harness.errors.contains("give the term and its meaning"))
        #expect(try harness.context.database.terms().isEmpty)
    }

    @Test func aTermNobodyHasSuggestsCapturingIt() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["glossary zzyzx"]) == 1)
        #expect(harness.errors.contains("neither a sector's glossary nor the team's has 'zzyzx'"))
        #expect(harness.errors.contains("capture it with 'term'"))
    }
}

@Suite struct ValueCommandTests {
    @Test func aValueKeepsWhoBenefitsLensHorizonAndEvidence() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, #"note "ER sees the same tenants monthly""#])
        let note = try #require(try harness.context.database.notes().first)
        #expect(harness.run([
            "value add fewer ER visits --benefits hospital --benefits 'tenants, PHA' --lens Financial --horizon long --evidence \(note.id.short.prefix(6))",
        ]) == 0)
        let listed = harness.output(of: ["values"])
        let value = try #require(try harness.context.database.values().first)
        #expect(value.value == "fewer ER visits")
        #expect(value.benefits == ["hospital", "tenants", "PHA"])
        #expect(value.lens == .financial)
        #expect(value.horizon == .long)
        #expect(value.evidence == [note.id])
        #expect(harness.text.contains("Added value \(value.id.short) for Riverside Housing Authority: fewer ER visits (financial, long term, 1 evidence note)."))
        #expect(harness.text.contains("Added hospital as an outside beneficiary (see 'parties')."))
        let parties = try harness.context.database.parties()
        #expect(value.beneficiaryIDs == ["hospital", "tenants", "PHA"].compactMap { name in parties.first { $0.name == name }?.id })
        #expect(value.payerIDs.isEmpty && !value.isWrongPocket)
        #expect(tableRow(containing: "who gains", in: listed) == ["value", "who gains", "who pays", "lenses", "horizon", "evidence", "partner"])
    }

    @Test func anUnknownLensOrHorizonListsTheAllowedValues() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside])
        #expect(harness.run(["value add shared data --benefits hospital --lens monetary --horizon long"]) == 1)
        #expect(harness.errors.contains("'monetary' is not a lens; give --lens one of: economic, financial, operational, altruistic."))
        harness.run(["value add shared data --benefits hospital --lens economic --horizon soon"])
        #expect(harness.errors.contains("'soon' is not a horizon; give --horizon one of: short, long."))
        harness.run(["value add shared data --benefits hospital --lens finacial --horizon long"])
        #expect(harness.errors.contains("(did you mean 'financial'?)"))
        #expect(try harness.context.database.values().isEmpty)
    }

    @Test func missingPartsAndUnknownEvidenceAreErrors() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside])
        #expect(harness.run(["value add --benefits hospital --lens economic --horizon long"]) == 1)
        #expect(harness.errors.contains("say what the value is"))
        harness.run(["value add shared data --benefits ' , ' --lens economic --horizon long"])
        #expect(harness.errors.contains("say who benefits with --benefits"))
        harness.run(["value add shared data --benefits hospital --lens economic --horizon long --evidence dead0000"])
        #expect(harness.errors.contains("there is no note 'dead0000'. Run 'notes' to list them with their ids."))
        harness.run(["value add shared data --benefits hospital --lens economic"])
        #expect(harness.errors.contains("Missing expected argument '--horizon <horizon>'"))
        #expect(harness.run(["value"]) == 0)
        #expect(harness.text.contains("value add [<words> ...] [--benefits <benefits> ...] [--pays <pays> ...] [--lens <lens> ...]"))
        #expect(try harness.context.database.values().isEmpty)
    }

    @Test func aValueAddedInAPlaybookKeepsItsSessionAndQuestion() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, #"start dash --partner "Riverside Housing Authority""#, "Families on the waitlist",
                     "/value add shorter waitlists --benefits tenants --lens operational --horizon short"])
        let value = try #require(try harness.context.database.values().first)
        #expect(value.sessionID == harness.context.activeRun?.session.id)
        #expect(value.questionID == "dash.homework.responsibilities")
    }

    @Test func valuesNarrowToAPartner() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, "value add shorter waitlists --benefits tenants --lens operational --horizon short",
                     addMetro, "value add fewer welfare checks --benefits officers --lens operational --horizon short"])
        let listed = harness.output(of: [#"values --partner "Riverside Housing Authority""#])
        #expect(tableRow(containing: "shorter waitlists", in: listed)?.last == "Riverside Housing Authority")
        #expect(!listed.contains("fewer welfare checks"))
        let empty = try ShellHarness()
        empty.run(["values"])
        #expect(empty.text.contains("No values recorded yet."))
    }
}

@Suite struct ActionCommandTests {
    @Test func aDueDayMustBeARealDay() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside])
        #expect(harness.run(["action add send the template --owner Maria --due 2026-02-30"]) == 1)
        #expect(harness.errors.contains("'2026-02-30' is not a day; give --due as YYYY-MM-DD, such as 2026-12-15."))
        harness.run(["action add send the template --owner Maria --due 15/12/2026"])
        #expect(harness.errors.contains("'15/12/2026' is not a day"))
        #expect(try harness.context.database.actions().isEmpty)
        #expect(harness.run(["action add send the template --owner Maria"]) == 0, "an action without a day is allowed")
        #expect(harness.text.contains(": send the template (Maria, no date)."))
        #expect(try harness.context.database.actions().map(\.due) == [nil])
    }

    @Test func actionsListOpenOverdueAndDone() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside,
                     "action add renew the agreement --owner Maria --due 2020-01-15",
                     "action add send the template --owner 'Jo Lee' --due 2999-12-15",
                     "action add book the room --owner Sam --due 2999-01-01"])
        #expect(harness.errors.contains("warning: 2020-01-15 has already passed"))
        let actions = try harness.context.database.actions()
        let renew = try #require(actions.first { $0.text == "renew the agreement" })
        let room = try #require(actions.first { $0.text == "book the room" })
        #expect(harness.run(["action done \(room.id.short.prefix(5))"]) == 0)
        #expect(harness.text.contains("Done: book the room (Sam)."))

        let all = harness.output(of: ["actions"])
        #expect(tableRow(containing: "status", in: all) == ["id", "due", "status", "owner", "action", "partner"])
        #expect(tableRow(containing: "renew the agreement", in: all)
                == [renew.id.short, "2020-01-15", "overdue", "Maria", "renew the agreement", "Riverside Housing Authority"])
        #expect(tableRow(containing: "send the template", in: all)?.dropFirst(2).first == "open")
        #expect(tableRow(containing: "book the room", in: all)?.dropFirst(2).first == "done \(Day.string(from: Date()))")

        let open = harness.output(of: ["actions --open"])
        #expect(open.contains("renew the agreement"))
        #expect(open.contains("send the template"))
        #expect(!open.contains("book the room"))

        let overdue = harness.output(of: ["actions --overdue"])
        #expect(overdue.contains("renew the agreement"))
        #expect(!overdue.contains("send the template"))
        #expect(!overdue.contains("book the room"))
    }

    @Test func withNothingToListActionsSaySo() throws {
        let harness = try ShellHarness()
        harness.run(["actions", "actions --overdue", "actions --open"])
        #expect(harness.text.contains("No actions yet. Add one with: action add TEXT --owner NAME --due YYYY-MM-DD"))
        #expect(harness.text.contains("Nothing is overdue."))
        #expect(harness.text.contains("No open actions."))
    }

    @Test func doneTakesAnUnambiguousShortId() throws {
        let harness = try ShellHarness()
        let database = harness.context.database
        for suffix in ["1111", "2222"] {
            try database.addAction(ActionItem(id: UUID(uuidString: "abcd\(suffix)-0000-4000-8000-000000000000")!, partnerID: nil,
                                              text: "task \(suffix)", owner: "Maria", due: "2999-01-01"))
        }
        #expect(harness.run(["action done abcd"]) == 1)
        #expect(harness.errors.contains("more than one action starts with 'abcd'; type more characters of its id."))
        harness.run(["action done ffff9999"])
        #expect(harness.errors.contains("there is no action 'ffff9999'. Run 'actions' to list them with their ids."))
        #expect(harness.run(["action done abcd2", "action done abcd2222"]) == 0)
        #expect(harness.text.contains("Done: task 2222 (Maria)."))
        #expect(harness.text.contains("Action abcd2222 was already done on"))
        #expect(try database.actions().filter(\.isOpen).map(\.text) == ["task 1111"])
    }

    @Test func anActionAddedInAPlaybookKeepsItsSessionAndQuestion() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, #"start dash --partner "Riverside Housing Authority""#,
                     "/action add ask for the board calendar --owner Maria --due 2999-01-10"])
        let action = try #require(try harness.context.database.actions().first)
        #expect(action.sessionID == harness.context.activeRun?.session.id)
        #expect(action.questionID == "dash.homework.shared-population")
        #expect(action.partnerID == harness.context.activeRun?.partner.id)
    }

    @Test func anActionNeedsNoPartner() throws {
        let harness = try ShellHarness()
        #expect(harness.run(["action add book the meeting room --owner Sam --due 2999-01-10", "actions"]) == 0)
        #expect(harness.text.contains("Added action"))
        #expect(try harness.context.database.actions().first?.partnerID == nil)
    }
}

@Suite struct KnowledgeCompletionTests {
    @Test func lensHorizonTagEvidenceAndActionIdsComplete() throws {
        let harness = try ShellHarness()
        harness.run([addRiverside, #"note "Board meets monthly #board #budget""#, #"note "Chief wants #privacy""#,
                     "action add call back --owner 'Jo Lee' --due 2999-01-01", "action add closed --owner Sam --due 2999-01-01"])
        let database = harness.context.database
        let closed = try #require(try database.actions().first { $0.text == "closed" })
        harness.run(["action done \(closed.id.short)"])
        let open = try #require(try database.actions().first { $0.text == "call back" })
        let completer = Completer(context: harness.context)
        #expect(completer.candidates(for: "value add x --lens ") == ["altruistic", "economic", "financial", "operational"])
        #expect(completer.candidates(for: "value add x --lens f") == ["financial"])
        #expect(completer.candidates(for: "value add x --horizon ") == ["long", "short"])
        #expect(completer.candidates(for: "notes --tag b") == ["board", "budget"])
        #expect(completer.candidates(for: "search data --tag p") == ["privacy"])
        #expect(Set(completer.candidates(for: "value add x --evidence ")) == Set(try database.notes().map(\.id.short)))
        #expect(completer.candidates(for: "action ") == ["add", "done"])
        #expect(completer.candidates(for: "action done ") == [open.id.short])
        #expect(completer.candidates(for: "action add x --owner J") == [#""Jo Lee""#])
        #expect(completer.candidates(for: "value ") == ["add"])
    }

    @Test func capturedTermsCompleteInTheGlossary() throws {
        let harness = try ShellHarness()
        harness.run([addMetro, #"term "ride-along" "an officer takes a civilian on patrol""#])
        let completer = Completer(context: harness.context)
        #expect(completer.candidates(for: "glossary rid") == ["ride-along"])
    }
}
