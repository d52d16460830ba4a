import Foundation
import OutreachCore
import OutreachStore

/// The value case for one partner, as DASH asks for it: who they are, what was heard, their own
/// words, what value the partnership creates for whom and when, and what happens next.
///
/// Built once from the store and the plugins; every renderer reads only this value, so all formats
/// say the same thing. With `redacted`, private notes never enter it. Everything is sorted by
/// stored fields (never by "now"), so a fixed database gives byte-identical reports.
public struct ValueCaseReport: Equatable, Sendable {
    /// The JSON schema version; raise it when a field changes meaning or is removed (see docs/reports.md).
    public static let schemaVersion = 1
    /// The beneficiary a value is filed under when it names none.
    public static let unnamedBeneficiary = "(no beneficiary named)"

    public struct PartnerProfile: Equatable, Sendable {
        public var id: UUID
        public var name: String
        public var sector: String
        public var stakeholder: String?
        public var profile: String?
        public var doNotContact: Bool
    }

    /// The sector plugin's background; `name` and `summary` are nil when the plugin is not installed.
    public struct SectorBackground: Equatable, Sendable {
        public var id: String
        public var name: String?
        public var stakeholder: String?
        public var summary: String?
    }

    public struct SessionInfo: Equatable, Sendable {
        public var id: UUID
        public var number: Int64
        public var status: String
        public var playbookID: String
        public var playbookTitle: String
        public var playbookVersion: String
        public var playbookDigest: String
        public var startedAt: Date
        public var updatedAt: Date
    }

    public struct NoteEntry: Equatable, Sendable {
        public var id: UUID
        public var text: String
        public var isPrivate: Bool
        public var createdAt: Date
    }

    /// A question with its latest answer. `answer` is nil when it was only skipped; `revision` and
    /// `answeredAt` are nil too when it was never reached but has notes written on it.
    public struct AnswerEntry: Equatable, Sendable {
        public var questionID: String
        public var question: String
        public var required: Bool
        public var answer: String?
        public var revision: Int?
        public var answeredAt: Date?
        /// Notes written on this question during the session.
        public var notes: [NoteEntry]

        /// `answered`, `skipped`, or `unanswered` (notes only).
        public var status: String { answer != nil ? "answered" : revision != nil ? "skipped" : "unanswered" }
    }

    public struct StepAnswers: Equatable, Sendable {
        public var id: String
        public var title: String
        public var answers: [AnswerEntry]
    }

    public struct TermEntry: Equatable, Sendable {
        public var id: UUID
        public var term: String
        public var meaning: String
        public var createdAt: Date
    }

    public struct ValueEntry: Equatable, Sendable {
        public var id: UUID
        public var value: String
        public var beneficiaries: [String]
        public var lens: ValueLens
        public var horizon: ValueHorizon
        public var questionID: String?
        public var evidence: [NoteEntry]
        public var createdAt: Date
    }

    /// One cell of the value matrix: the values that benefit one beneficiary through one lens on one horizon.
    public struct MatrixCell: Equatable, Sendable {
        public var beneficiary: String
        public var lens: ValueLens
        public var horizon: ValueHorizon
        public var valueIDs: [UUID]
    }

    public struct ActionEntry: Equatable, Sendable {
        public var id: UUID
        public var text: String
        public var owner: String
        public var due: String?
        public var createdAt: Date
    }

    public var partner: PartnerProfile
    public var sector: SectorBackground
    /// The session whose answers are reported; nil when the partner has none yet.
    public var session: SessionInfo?
    /// Every step of the session's playbook, with the questions that were answered, skipped or noted on.
    public var steps: [StepAnswers]
    public var terms: [TermEntry]
    public var values: [ValueEntry]
    public var matrix: [MatrixCell]
    public var actions: [ActionEntry]
    public var redacted: Bool

    public func value(id: UUID) -> ValueEntry? { values.first { $0.id == id } }

    /// The beneficiaries in matrix order, each with its cells.
    public var matrixByBeneficiary: [(beneficiary: String, cells: [MatrixCell])] {
        var result: [(String, [MatrixCell])] = []
        for cell in matrix {
            if result.last?.0 == cell.beneficiary { result[result.count - 1].1.append(cell) } else { result.append((cell.beneficiary, [cell])) }
        }
        return result
    }
}

// MARK: - Building

extension ValueCaseReport {
    /// Reads everything the report needs. `sessionNumber` picks the session (default: the partner's
    /// latest); terms, values and actions cover the partner across all sessions.
    public static func build(
        database: AppDatabase, plugins: [String: Plugin], partner: Partner, sessionNumber: Int64? = nil, redact: Bool = false
    ) throws -> ValueCaseReport {
        let session: Session?
        if let sessionNumber {
            let found = try database.session(number: sessionNumber)
            guard found.partnerID == partner.id else {
                let owner = try database.partner(id: found.partnerID)?.name ?? "another partner"
                throw ReportError.sessionOfAnotherPartner(number: sessionNumber, partner: partner.name, owner: owner)
            }
            session = found
        } else {
            session = try database.sessions(partnerID: partner.id).last
        }
        let keep: (Note) -> Bool = { !redact || !$0.isPrivate }

        var steps: [StepAnswers] = []
        var sessionInfo: SessionInfo?
        if let session {
            let playbook: ResolvedPlaybook
            do { playbook = try JSONDecoder().decode(ResolvedPlaybook.self, from: session.snapshot) } catch {
                throw ReportError.unreadableSnapshot(number: session.number ?? 0)
            }
            sessionInfo = SessionInfo(
                id: session.id, number: session.number ?? 0, status: session.status.rawValue, playbookID: session.playbookID,
                playbookTitle: playbook.title, playbookVersion: session.playbookVersion, playbookDigest: session.playbookDigest,
                startedAt: session.createdAt, updatedAt: session.updatedAt)
            let answers = try database.answers(sessionID: session.id)
            let state = try database.answerState(sessionID: session.id)
            let effective = EffectiveAnswers(playbook: playbook, answers: state.answers, skipped: state.skipped)
            let sessionNotes = try database.notes(sessionID: session.id).filter(keep).sorted(by: noteOrder)
            steps = playbook.steps.map { step in
                StepAnswers(id: step.id, title: step.title, answers: step.questions.compactMap { question in
                    // Only effective answers: a stale answer to a question no longer asked stays out.
                    let current = effective.isReachable(question.id)
                        ? latest(of: answers.filter { $0.questionID == question.id }, effective: effective.answers[question.id]) : nil
                    let notes = sessionNotes.filter { $0.questionID == question.id }.map(NoteEntry.init)
                    guard current != nil || !notes.isEmpty else { return nil }
                    return AnswerEntry(
                        questionID: question.id, question: question.text, required: question.required,
                        answer: current?.value, revision: current?.revision, answeredAt: current?.createdAt, notes: notes)
                })
            }
        }

        let terms = try database.terms(partnerID: partner.id)
            .sorted { ($0.term.lowercased(), $0.term, $0.createdAt, $0.id.uuidString) < ($1.term.lowercased(), $1.term, $1.createdAt, $1.id.uuidString) }
            .map { TermEntry(id: $0.id, term: $0.term, meaning: $0.meaning, createdAt: $0.createdAt) }

        let items = try database.values(partnerID: partner.id).sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
        let evidence = Dictionary(
            try database.notes(ids: Array(Set(items.flatMap(\.evidence)))).filter(keep).map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first })
        let values = items.map { item in
            ValueEntry(
                id: item.id, value: item.value, beneficiaries: item.benefits.map(cleaned).filter { !$0.isEmpty },
                lens: item.lens, horizon: item.horizon, questionID: item.questionID,
                evidence: item.evidence.compactMap { evidence[$0] }.sorted(by: noteOrder).map(NoteEntry.init), createdAt: item.createdAt)
        }

        let actions = try database.actions(partnerID: partner.id).filter(\.isOpen)
            .sorted { ($0.due ?? "~", $0.createdAt, $0.id.uuidString) < ($1.due ?? "~", $1.createdAt, $1.id.uuidString) }
            .map { ActionEntry(id: $0.id, text: $0.text, owner: $0.owner, due: $0.due, createdAt: $0.createdAt) }

        let plugin = plugins[partner.sector].flatMap { $0.kind == .sector ? $0 : nil }
        return ValueCaseReport(
            partner: PartnerProfile(
                id: partner.id, name: partner.name, sector: partner.sector, stakeholder: partner.stakeholder,
                profile: partner.profile, doNotContact: partner.doNotContact),
            sector: SectorBackground(id: partner.sector, name: plugin?.name, stakeholder: plugin?.stakeholder, summary: plugin.map { cleaned($0.summary) }),
            session: sessionInfo, steps: steps, terms: terms, values: values, matrix: matrix(of: values), actions: actions, redacted: redact)
    }

    /// The revision that holds the effective answer, else the latest skip. Revisions come in the
    /// store's order (oldest edit first).
    static func latest(of revisions: [Answer], effective: String?) -> Answer? {
        if let effective { return revisions.last { $0.value == effective } ?? revisions.last { $0.value != nil } }
        return revisions.last
    }

    /// Groups values by beneficiary (case-insensitive, first spelling wins), lens and horizon.
    static func matrix(of values: [ValueEntry]) -> [MatrixCell] {
        var spelling: [String: String] = [:]
        var cells: [String: MatrixCell] = [:]
        for value in values {
            for beneficiary in value.beneficiaries.isEmpty ? [unnamedBeneficiary] : value.beneficiaries {
                let key = beneficiary.lowercased()
                let shown = spelling[key] ?? beneficiary
                spelling[key] = shown
                let cellKey = "\(key)\u{0}\(value.lens.rawValue)\u{0}\(value.horizon.rawValue)"
                if cells[cellKey]?.valueIDs.contains(value.id) == true { continue }
                cells[cellKey, default: MatrixCell(beneficiary: shown, lens: value.lens, horizon: value.horizon, valueIDs: [])].valueIDs.append(value.id)
            }
        }
        let lensOrder = Dictionary(uniqueKeysWithValues: ValueLens.allCases.enumerated().map { ($1, $0) })
        let horizonOrder = Dictionary(uniqueKeysWithValues: ValueHorizon.allCases.enumerated().map { ($1, $0) })
        return cells.values.sorted {
            ($0.beneficiary.lowercased(), lensOrder[$0.lens] ?? 0, horizonOrder[$0.horizon] ?? 0)
                < ($1.beneficiary.lowercased(), lensOrder[$1.lens] ?? 0, horizonOrder[$1.horizon] ?? 0)
        }
    }

    static func noteOrder(_ a: Note, _ b: Note) -> Bool {
        (a.createdAt, a.id.uuidString) < (b.createdAt, b.id.uuidString)
    }

    /// Trims and joins runs of whitespace (folded YAML leaves a trailing newline).
    static func cleaned(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}

extension ValueCaseReport.NoteEntry {
    init(_ note: Note) {
        self.init(id: note.id, text: note.text, isPrivate: note.isPrivate, createdAt: note.createdAt)
    }
}

/// Dates in reports: ISO 8601 in UTC, to the second.
enum ReportDate {
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: date)
    }

    static func day(_ date: Date) -> String { Day.string(from: date) }
}
