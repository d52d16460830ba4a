import Foundation
import OutreachCatalog
import OutreachCore
import OutreachStore
import OutreachReports

/// Fixed records for report tests: every id, date and text is written out here and inserted
/// through AppDatabase as given, so reports built from it are byte-stable.
public enum ReportFixture {
    public static func id(_ number: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", number))!
    }

    /// 2026-01-05 09:00:00 UTC plus the given minutes.
    public static func at(_ minutes: Int) -> Date {
        Date(timeIntervalSince1970: 1_767_603_600 + Double(minutes) * 60)
    }

    public static let partnerID = id(1)
    public static let sessionID = id(101)
    public static let partnerName = "Riverside Housing Authority"

    /// Private texts written into the fixture; a redacted report must contain none of them.
    public static let privateTexts = [
        "The director said off the record that the board chair opposes sharing",
        "Finance officer hinted at a budget shortfall next year",
        "They shared with the county in 2019 under an agreement that lapsed",
    ]

    /// The sector background the goldens use, independent of the built-in plugin files.
    public static let plugins: [String: Plugin] = [
        "housing": Plugin(
            id: "housing", name: "Public housing authorities", version: "1.0.0", kind: .sector,
            stakeholder: "public housing authority",
            summary: "Local public bodies that own public housing and run voucher programs.\nFederal rules shape what tenant data they may share."),
    ]

    public static let playbook = ResolvedPlaybook(id: "dash", title: "DASH outreach conversation", version: "1.0.0", sector: "housing", steps: [
        .init(id: "homework", title: "Do your homework", intro: nil, questions: [
            Question(id: "dash.homework.shared-population", text: "Which organizations serve the same people you serve?"),
            Question(id: "dash.pb.shared-before", text: "Has the partner shared data before?", kind: .choice, choices: ["yes", "no", "not sure"], required: true),
            Question(id: "dash.homework.data-holdings", text: "What data does the partner hold that you lack?"),
        ]),
        .init(id: "listen", title: "Reach out and listen", intro: nil, questions: [
            Question(id: "dash.listen.failure", text: "If a joint project failed, how would their staff and clients feel it?"),
            Question(id: "dash.listen.terms", text: "Which of their terms needed explaining?"),
        ]),
        .init(id: "value", title: "Identify shared value", intro: nil, questions: [
            Question(id: "dash.value.beneficiaries", text: "Who would benefit?", kind: .multi,
                     choices: ["our organization", "the partner", "the people we both serve"]),
        ]),
        .init(id: "wrap-up", title: "Wrap up and follow up", intro: nil, questions: [
            Question(id: "dash.pb.next-steps", text: "What are the agreed next steps?", kind: .list, required: true),
        ]),
    ])

    /// A fixed digest, so the goldens do not change when the snapshot's JSON encoding does.
    public static let digest = "5e1f0c2d9a7b4e3f8c6d1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"

    public static func makeDatabase() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.addPartner(Partner(
            id: partnerID, name: partnerName, sector: "housing", stakeholder: "public housing authority",
            profile: "Runs 1,200 units; new director since spring", createdAt: at(0)))
        try database.addPartner(Partner(id: id(2), name: "Eastside Food Bank", sector: "food-banks", createdAt: at(1)))
        let snapshot = PlaybookResolver.snapshot(of: playbook)
        _ = try database.createSession(Session(
            id: sessionID, partnerID: partnerID, playbookID: "dash", playbookVersion: "1.0.0",
            playbookDigest: digest, snapshot: snapshot, status: .paused, position: 4,
            createdAt: at(0), updatedAt: at(10_000)))

        let answers: [(Int, String, Int, String?, Int)] = [
            (201, "dash.homework.shared-population", 1, "Families on the waitlist", 10),
            (202, "dash.homework.shared-population", 2, "Families on the waitlist, who also use the \"county\" clinics", 1_500),
            (203, "dash.pb.shared-before", 1, "yes", 20),
            (204, "dash.homework.data-holdings", 1, nil, 30),
            (205, "dash.listen.failure", 1, "Inspectors would stop trusting shared lists\nResidents would see no change", 40),
        ]
        for (number, question, revision, value, minutes) in answers {
            try database.insertAnswer(Answer(id: id(number), sessionID: sessionID, questionID: question, revision: revision, value: value, createdAt: at(minutes)))
        }

        try database.addNote(Note(id: id(301), partnerID: partnerID, sessionID: sessionID, questionID: "dash.homework.shared-population",
                                  text: "Deputy director keen; board meets monthly #board", createdAt: at(12)))
        try database.addNote(Note(id: id(302), partnerID: partnerID, sessionID: sessionID, questionID: "dash.listen.terms",
                                  text: privateTexts[0], isPrivate: true, createdAt: at(45)))
        try database.addNote(Note(id: id(303), partnerID: partnerID, text: "Inspection no-access rate was 30% last year", createdAt: at(50)))
        try database.addNote(Note(id: id(304), partnerID: partnerID, text: privateTexts[1], isPrivate: true, createdAt: at(55)))
        try database.addNote(Note(id: id(305), partnerID: partnerID, sessionID: sessionID, questionID: "dash.pb.shared-before",
                                  text: privateTexts[2], isPrivate: true, createdAt: at(21)))

        try database.addTerm(Term(id: id(401), partnerID: partnerID, term: "PHA", meaning: "public housing authority", createdAt: at(60)))
        try database.addTerm(Term(id: id(402), partnerID: partnerID, sessionID: sessionID, term: "50058",
                                  meaning: "the HUD form recording each household's income | rent", createdAt: at(61)))

        try database.addValue(ValueItem(id: id(501), partnerID: partnerID, value: "Fewer missed unit inspections",
                                        benefits: ["the partner", "Our organisation"], lens: .operational, horizon: .short,
                                        evidence: [id(303)], createdAt: at(70)))
        try database.addValue(ValueItem(id: id(502), partnerID: partnerID, sessionID: sessionID, questionID: "dash.value.beneficiaries",
                                        value: "Fewer evictions of households in care", benefits: ["tenants", "The partner"],
                                        lens: .altruistic, horizon: .long, evidence: [id(304), id(303)], createdAt: at(71)))
        try database.addValue(ValueItem(id: id(503), partnerID: partnerID, value: "A shared grant application",
                                        benefits: [], lens: .financial, horizon: .long, createdAt: at(72)))

        try database.addAction(ActionItem(id: id(601), partnerID: partnerID, text: "Send the data-sharing agreement template",
                                          owner: "Maria", due: "2026-02-01", createdAt: at(80)))
        try database.addAction(ActionItem(id: id(602), partnerID: partnerID, text: "Call the deputy director", owner: "Sam",
                                          due: "2026-01-10", doneAt: at(3_000), createdAt: at(81)))
        try database.addAction(ActionItem(id: id(603), partnerID: partnerID, text: "Ask for the 50058 field list", owner: "Sam", createdAt: at(82)))
        return database
    }

    public static func partner(in database: AppDatabase) throws -> Partner {
        try database.partner(named: partnerName)
    }
}
