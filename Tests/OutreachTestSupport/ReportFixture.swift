import Foundation
import OutreachCatalog
import OutreachCore
import OutreachReports
import OutreachStore

/// Fixed records for brief tests: every id, date and text is written out here and inserted
/// through AppDatabase as given, so briefs built from it are byte-stable. Three parties (us, a
/// housing authority, a hospital) in one partnership, an outside beneficiary, a wrong-pocket
/// value, private notes, and a stale conditional answer.
public enum ReportFixture {
    public static func id(_ number: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", number)) ?? UUID()
    }

    /// 2026-01-05 09:00:00 UTC plus the given minutes.
    public static func at(_ minutes: Int) -> Date {
        Date(timeIntervalSince1970: 1_767_603_600 + Double(minutes) * 60)
    }

    public static let partnerID = id(1)
    public static let hospitalID = id(2)
    public static let ownID = id(3)
    public static let medicaidID = id(701)
    public static let partnershipID = id(801)
    public static let sessionID = id(101)
    public static let partnerName = "Riverside Housing Authority"
    public static let partnershipName = "Tenant health data"
    /// The answer a changed gate answer made stale: no brief may show it.
    public static let staleAnswer = "A 2019 agreement with the county health department"

    /// Private texts written into the fixture; a redacted brief must contain none of them.
    public static let privateTexts = [
        "The director said off the record that the board chair opposes sharing",
        "Finance officer hinted at a budget shortfall next year #risk",
    ]

    public static let playbook = ResolvedPlaybook(id: "dash", title: "DASH outreach conversation", version: "1.0.0", sector: "housing", steps: [
        .init(id: "homework", title: "Do your homework", intro: nil, questions: [
            Question(id: "dash.homework.shared-population", text: "Which organizations serve the same people you serve?"),
            Question(id: "dash.pb.shared-before", text: "Has the partner shared data before?", kind: .choice, choices: ["yes", "no", "not sure"], required: true),
            Question(id: "dash.pb.agreement", text: "What agreement covered that sharing?",
                     condition: Condition(question: "dash.pb.shared-before", test: .equals("yes"))),
        ]),
        .init(id: "listen", title: "Reach out and listen", intro: nil, questions: [
            Question(id: "dash.listen.worries", text: "What would worry them about sharing data?", tags: ["risk"]),
            Question(id: "dash.listen.failure", text: "If a joint project failed, how would their staff and clients feel it?", tags: ["failure"]),
        ]),
        .init(id: "wrap-up", title: "Wrap up and follow up", intro: nil, questions: [
            Question(id: "dash.pb.next-steps", text: "What are the agreed next steps?", kind: .list, required: true, tags: ["next-steps"]),
        ]),
    ])

    /// A fixed digest, so the goldens do not change when the snapshot's JSON encoding does.
    public static let digest = "5e1f0c2d9a7b4e3f8c6d1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"

    public static func makeDatabase() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.addPartner(Partner(id: ownID, name: "Eastside Data Collaborative", sector: "", isOwn: true, createdAt: at(0)))
        try database.addPartner(Partner(
            id: partnerID, name: partnerName, sector: "housing", stakeholder: "public housing authority",
            profile: "Runs 1,200 units; new director since spring", createdAt: at(0)))
        try database.addPartner(Partner(id: hospitalID, name: "St. Brigid Hospital", sector: "hospitals", createdAt: at(1)))
        try database.addParty(Party(id: medicaidID, name: "state Medicaid", kind: .outside, createdAt: at(2)))
        try database.addPartnership(
            Partnership(id: partnershipID, name: partnershipName,
                        ask: "Share a monthly count of tenants with two or more emergency visits.", createdAt: at(3)),
            memberIDs: [partnerID, hospitalID])

        let snapshot = PlaybookResolver.snapshot(of: playbook)
        _ = try database.createSession(Session(
            id: sessionID, partnerID: partnerID, playbookID: "dash", playbookVersion: "1.0.0",
            playbookDigest: digest, snapshot: snapshot, status: .paused, position: 3,
            partnershipID: partnershipID, createdAt: at(5), updatedAt: at(10_000)))
        let answers: [(Int, String, Int, String?, Int)] = [
            (201, "dash.homework.shared-population", 1, "Families on the waitlist", 10),
            (202, "dash.homework.shared-population", 2, "Families on the waitlist, who also use the \"county\" clinics", 1_500),
            (203, "dash.pb.shared-before", 1, "yes", 20),
            (204, "dash.pb.agreement", 1, staleAnswer, 25),
            (205, "dash.pb.shared-before", 2, "no", 30),
            (206, "dash.listen.worries", 1, "Tenants could read it as surveillance", 40),
            (207, "dash.pb.next-steps", 1, "Send the agreement template\nMeet their data lead", 50),
        ]
        for (number, question, revision, value, minutes) in answers {
            try database.insertAnswer(Answer(id: id(number), sessionID: sessionID, questionID: question, revision: revision, value: value, createdAt: at(minutes)))
        }

        try database.addNote(Note(id: id(301), partnerID: partnerID, sessionID: sessionID, questionID: "dash.homework.shared-population",
                                  text: "Deputy director keen; board meets monthly #board", partnershipID: partnershipID, createdAt: at(12)))
        try database.addNote(Note(id: id(302), partnerID: partnerID, sessionID: sessionID, questionID: "dash.listen.worries",
                                  text: privateTexts[0], isPrivate: true, partnershipID: partnershipID, createdAt: at(45)))
        try database.addNote(Note(id: id(303), partnerID: hospitalID, text: "ER sees the same 40 tenants every month",
                                  partnershipID: partnershipID, createdAt: at(60)))
        try database.addNote(Note(id: id(304), partnerID: hospitalID, text: privateTexts[1], isPrivate: true,
                                  partnershipID: partnershipID, createdAt: at(61)))
        try database.addNote(Note(id: id(305), partnerID: nil, text: "Hospital counsel wants a BAA before record-level data moves #risk",
                                  partnershipID: partnershipID, createdAt: at(62)))

        try database.addValue(ValueItem(
            id: id(501), partnerID: nil, partnershipID: partnershipID, value: "Fewer repeat emergency visits by tenants",
            benefits: ["St. Brigid Hospital", "state Medicaid"], lenses: [.financial, .operational], horizon: .long, way: .fiscal,
            perspective: .organisation, beneficiaryIDs: [hospitalID, medicaidID], payerIDs: [partnerID], evidence: [id(303), id(304)],
            createdAt: at(70)))
        try database.addValue(ValueItem(
            id: id(502), partnerID: partnerID, partnershipID: partnershipID, value: "Tenancies kept because crises are caught early",
            benefits: [partnerName], lenses: [.altruistic], horizon: .long, way: .outcomes, perspective: .clients,
            beneficiaryIDs: [partnerID], payerIDs: [hospitalID, partnerID], createdAt: at(71)))
        try database.addValue(ValueItem(
            id: id(503), partnerID: nil, partnershipID: partnershipID, value: "A data agreement other partners can reuse",
            benefits: ["Eastside Data Collaborative"], lenses: [.economic], horizon: .short, way: .recognition, perspective: .community,
            beneficiaryIDs: [ownID], payerIDs: [ownID], createdAt: at(72)))

        try database.addAction(ActionItem(id: id(601), partnerID: partnerID, text: "Send the data-sharing agreement template",
                                          owner: "Maria", due: "2026-02-01", partnershipID: partnershipID, createdAt: at(80)))
        try database.addAction(ActionItem(id: id(602), partnerID: partnerID, text: "Call the deputy director", owner: "Sam",
                                          due: "2026-01-10", doneAt: at(3_000), partnershipID: partnershipID, createdAt: at(81)))
        try database.addAction(ActionItem(id: id(603), partnerID: hospitalID, text: "Ask what a prevented visit is worth", owner: "Sam",
                                          partnershipID: partnershipID, createdAt: at(82)))
        return database
    }

    public static func partner(in database: AppDatabase) throws -> Partner {
        try database.partner(named: partnerName)
    }

    public static func partnership(in database: AppDatabase) throws -> Partnership {
        try database.partnership(named: partnershipName)
    }
}
