import Foundation
import OutreachCore

/// What the engine, the reports and the commands need from a database, whichever engine holds it:
/// SQLite in one private file (`AppDatabase`, the default) or a PostgreSQL team database
/// (`OutreachTeam`). Every write is committed before the method returns.
///
/// Methods take no default arguments here; the extension below gives the same short forms on
/// `any Store` that `AppDatabase` offers directly.
public protocol Store: AnyObject, Sendable {
    /// Where the data lives, as shown in messages: a file path, `:memory:`, or a
    /// `postgresql://` address without any password.
    var path: String { get }
    /// What opening changed and the user should know, worded for printing once.
    var notices: [String] { get }

    /// Several reads as one consistent snapshot (a report is built this way).
    func consistentRead<T>(_ body: () throws -> T) throws -> T
    /// The names of the migrations applied, oldest first.
    func schemaVersion() throws -> [String]
    /// Ends the connection cleanly (folds SQLite's log into the file; closes a server connection).
    func closeCleanly()

    // MARK: Sessions and answers
    @discardableResult
    func createSession(_ session: Session) throws -> Session
    func session(number: Int64) throws -> Session
    func session(id: UUID) throws -> Session?
    func latestUnfinishedSession() throws -> Session?
    func sessionNumbers() throws -> [Int64]
    func sessionSummaries() throws -> [SessionSummary]
    func updateSession(id: UUID, position: Int, status: Session.Status) throws
    func sessions(playbookID: String) throws -> [Session]
    func sessions(partnerID: UUID) throws -> [Session]
    func sessionActivity() throws -> [UUID: Date]
    @discardableResult
    func recordAnswer(sessionID: UUID, questionID: String, value: String?, nextPosition: Int) throws -> Answer
    func insertAnswer(_ answer: Answer) throws
    func answers(sessionID: UUID) throws -> [Answer]
    func answerState(sessionID: UUID) throws -> AnswerState
    func answeredQuestionIDs() throws -> [UUID: Set<String>]

    // MARK: Notes, terms, values, actions
    @discardableResult
    func addNote(_ note: Note) throws -> Note
    func notes(partnerID: UUID?, sessionID: UUID?) throws -> [Note]
    func notes(ids: [UUID]) throws -> [Note]
    @discardableResult
    func addTerm(_ term: Term) throws -> Term
    func terms(partnerID: UUID?) throws -> [Term]
    func terms(named word: String) throws -> [Term]
    @discardableResult
    func addValue(_ value: ValueItem) throws -> ValueItem
    func values(partnerID: UUID?) throws -> [ValueItem]
    @discardableResult
    func addAction(_ action: ActionItem) throws -> ActionItem
    func actions(partnerID: UUID?) throws -> [ActionItem]
    func overdueActions(today: String) throws -> [ActionItem]
    @discardableResult
    func completeAction(id: UUID) throws -> ActionItem
    func resolveID(_ prefix: String, in kind: RecordKind) throws -> UUID

    // MARK: Partners, parties, partnerships
    @discardableResult
    func addPartner(_ partner: Partner) throws -> Partner
    func updatePartner(_ partner: Partner) throws
    func partners() throws -> [Partner]
    func partnerNames() throws -> [String]
    func partner(id: UUID) throws -> Partner?
    func partner(named name: String) throws -> Partner
    func parties() throws -> [Party]
    func party(id: UUID) throws -> Party?
    func party(named name: String) throws -> Party?
    func party(forPartner partnerID: UUID) throws -> Party?
    func ownParty() throws -> Party?
    func partyNames() throws -> [String]
    @discardableResult
    func addParty(_ party: Party) throws -> Party
    @discardableResult
    func addAlias(_ alias: String, to partyID: UUID) throws -> PartyAlias
    func aliases(of partyID: UUID) throws -> [String]
    @discardableResult
    func addPartnership(_ partnership: Partnership, memberIDs: [UUID]) throws -> Partnership
    func updatePartnership(_ partnership: Partnership) throws
    func addMember(partyID: UUID, to partnershipID: UUID) throws
    func partnerships() throws -> [Partnership]
    func partnershipNames() throws -> [String]
    func partnership(id: UUID) throws -> Partnership?
    func partnership(named name: String) throws -> Partnership
    func members(of partnershipID: UUID) throws -> [Party]
    func partnerships(ofParty partyID: UUID) throws -> [Partnership]
    func sessions(partnershipID: UUID) throws -> [Session]
    func values(partnershipID: UUID) throws -> [ValueItem]
    func actions(partnershipID: UUID) throws -> [ActionItem]
    func notes(partnershipID: UUID) throws -> [Note]

    // MARK: Pages for listings
    func notePage(partnerID: UUID?, sector: String?, tag: String?, _ request: PageRequest) throws -> Page<Note>
    func sessionSummaryPage(partnerID: UUID?, _ request: PageRequest) throws -> Page<SessionSummary>
    func valuePage(partnerID: UUID?, _ request: PageRequest) throws -> Page<ValueItem>
    func actionPage(partnerID: UUID?, openOnly: Bool, overdueBefore today: String?, _ request: PageRequest) throws -> Page<ActionItem>
    func termPage(partnerID: UUID?, _ request: PageRequest) throws -> Page<Term>
    func partnerPage(sector: String?, _ request: PageRequest) throws -> Page<Partner>
    func partyPage(_ request: PageRequest) throws -> Page<Party>
    func partnershipPage(_ request: PageRequest) throws -> Page<Partnership>
    func sessionCounts(partnerIDs: [UUID]) throws -> [UUID: Int]
    func sessionCount(partnershipID: UUID) throws -> Int
    func partyNames(ids: [UUID]) throws -> [UUID: String]
    func partnerNames(ids: [UUID]) throws -> [UUID: String]
    func sessionNumbers(ids: [UUID]) throws -> [UUID: Int64]

    // MARK: Search
    func search(_ query: String, filter: SearchFilter) throws -> [SearchHit]
    func searchPage(_ query: String, filter: SearchFilter) throws -> SearchResult

    // MARK: Bundles and upkeep
    @discardableResult
    func exportBundle(to url: URL, partnerID: UUID?, redact: Bool) throws -> Int
    func privateNotesToExport(partnerID: UUID?) throws -> Int
    @discardableResult
    func importBundle(from url: URL, progress: ((_ done: Int, _ total: Int) -> Void)?) throws -> ImportSummary
    func backup(to path: String) throws
    func healthReport() throws -> HealthReport

    // MARK: Team features (a SQLite file refuses them, saying how to get a team database)
    @discardableResult
    func publishPlaybook(id: String, version: String, digest: String, fileName: String, source: String) throws -> PublishOutcome
    func publishedPlaybooks() throws -> [PublishedPlaybook]
    /// Creates a lead's login role (or takes an existing one) with exactly the rights a lead needs;
    /// returns what to tell the owner.
    func addLead(role: String) throws -> String
}

/// The short forms, as on `AppDatabase`.
public extension Store {
    func notes(partnerID: UUID? = nil) throws -> [Note] { try notes(partnerID: partnerID, sessionID: nil) }
    func notes(sessionID: UUID) throws -> [Note] { try notes(partnerID: nil, sessionID: sessionID) }
    func terms() throws -> [Term] { try terms(partnerID: nil) }
    func values() throws -> [ValueItem] { try values(partnerID: nil) }
    func actions() throws -> [ActionItem] { try actions(partnerID: nil) }
    func notePage(partnerID: UUID? = nil, sector: String? = nil, tag: String? = nil) throws -> Page<Note> {
        try notePage(partnerID: partnerID, sector: sector, tag: tag, PageRequest())
    }
    func search(_ query: String) throws -> [SearchHit] { try search(query, filter: SearchFilter()) }
    func searchPage(_ query: String) throws -> SearchResult { try searchPage(query, filter: SearchFilter()) }
    @discardableResult
    func exportBundle(to url: URL, redact: Bool) throws -> Int { try exportBundle(to: url, partnerID: nil, redact: redact) }
    func privateNotesToExport() throws -> Int { try privateNotesToExport(partnerID: nil) }
    @discardableResult
    func importBundle(from url: URL) throws -> ImportSummary { try importBundle(from: url, progress: nil) }
}

extension AppDatabase: Store {}
