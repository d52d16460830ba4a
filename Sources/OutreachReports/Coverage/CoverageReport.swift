import Foundation
import OutreachCore
import OutreachStore

/// The whole network at a glance: which sectors have partners, how far along the DASH steps each
/// partner got, which sectors nobody has reached, and which conversations have gone quiet.
public struct CoverageReport: Equatable, Sendable {
    /// An unfinished session with no activity for this many days or more is stalled.
    public static let stalledAfterDays = 30

    public struct PartnerProgress: Equatable, Sendable {
        public var name: String
        /// The furthest DASH step with an answer; nil when nothing is answered yet.
        public var furthest: DashStep?
    }

    public struct SectorRow: Equatable, Sendable {
        public var id: String
        /// The plugin's stakeholder, or nil when the sector's plugin is not installed.
        public var stakeholder: String?
        public var installed: Bool
        public var partners: [PartnerProgress]

        public func partners(at step: DashStep?) -> [String] {
            partners.filter { $0.furthest == step }.map(\.name)
        }
    }

    public struct StalledSession: Equatable, Sendable {
        public var partner: String
        public var number: Int64
        public var playbookID: String
        /// The step the session stopped in (its id), or nil when every question was passed.
        public var step: String?
        public var lastActivity: Date
        public var idleDays: Int
    }

    public var sectors: [SectorRow]
    /// Partners left out because they stand for your own organisation (only self-assessment sessions).
    public var ownOrganisations: [String]
    public var stalled: [StalledSession]

    /// Installed sectors nobody has been added for yet.
    public var unreached: [SectorRow] { sectors.filter { $0.installed && $0.partners.isEmpty } }

    /// Builds the report; `today` decides which sessions count as stalled.
    public static func build(database: any Store, sectors plugins: [Plugin], today: Date) throws -> CoverageReport {
        let partners = try database.partners()
        let summaries = try database.sessionSummaries()
        let answered = try database.answeredQuestionIDs()
        let activity = try database.sessionActivity()
        let names = Dictionary(partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })

        var furthest: [UUID: DashStep] = [:]
        var ownOrganisations: [String] = []
        var stalled: [StalledSession] = []
        for partner in partners {
            let sessions = summaries.map(\.session).filter { $0.partnerID == partner.id }
            let outreach = sessions.filter { $0.playbookID != Coach.selfAssessmentPlaybook }
            // Your own organisation is "us", not a sector partner: named with --own, or (before
            // --own existed) a partner with only self-assessment sessions.
            if partner.isOwn || (!sessions.isEmpty && outreach.isEmpty) {
                ownOrganisations.append(partner.name)
                continue
            }
            for session in outreach {
                guard let playbook = try? JSONDecoder().decode(ResolvedPlaybook.self, from: session.snapshot) else { continue }
                let reached = dashSteps(of: playbook, answered: answered[session.id] ?? [])
                if let best = reached.max(by: { order($0) < order($1) }), furthest[partner.id].map({ order($0) < order(best) }) ?? true {
                    furthest[partner.id] = best
                }
            }
        }
        for session in summaries.map(\.session) where session.status != .finished {
            let last = activity[session.id] ?? session.updatedAt
            let idle = days(from: last, to: today)
            guard idle >= stalledAfterDays else { continue }
            let playbook = try? JSONDecoder().decode(ResolvedPlaybook.self, from: session.snapshot)
            let flattened = playbook?.flattened ?? []
            let step = flattened.indices.contains(session.position) ? playbook?.steps[flattened[session.position].step].id : nil
            stalled.append(StalledSession(
                partner: names[session.partnerID] ?? "?", number: session.number ?? 0, playbookID: session.playbookID,
                step: step, lastActivity: last, idleDays: idle))
        }
        stalled.sort { ($0.lastActivity, $0.number) < ($1.lastActivity, $1.number) }

        let own = Set(ownOrganisations)
        var rows = plugins.filter { $0.kind == .sector }.sorted { $0.id < $1.id }
            .map { SectorRow(id: $0.id, stakeholder: $0.stakeholder, installed: true, partners: []) }
        for partner in partners where !own.contains(partner.name) {
            let progress = PartnerProgress(name: partner.name, furthest: furthest[partner.id])
            if let index = rows.firstIndex(where: { $0.id == partner.sector }) {
                rows[index].partners.append(progress)
            } else {
                rows.append(SectorRow(id: partner.sector, stakeholder: nil, installed: false, partners: [progress]))
            }
        }
        return CoverageReport(sectors: rows, ownOrganisations: ownOrganisations, stalled: stalled)
    }

    /// The DASH steps a session has answers in. A question belongs to its step when the step's id
    /// is a DASH step; otherwise to the DASH step named in its id (`plugin.step.name`), if any.
    static func dashSteps(of playbook: ResolvedPlaybook, answered: Set<String>) -> Set<DashStep> {
        var steps: Set<DashStep> = []
        for step in playbook.steps {
            for question in step.questions where answered.contains(question.id) {
                let fromID = question.id.split(separator: ".").dropFirst().first.flatMap { DashStep(rawValue: String($0)) }
                if let dash = DashStep(rawValue: step.id) ?? fromID { steps.insert(dash) }
            }
        }
        return steps
    }

    static func order(_ step: DashStep) -> Int { DashStep.allCases.firstIndex(of: step) ?? 0 }

    /// Whole calendar days (UTC) from one date to another.
    static func days(from start: Date, to end: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.day], from: calendar.startOfDay(for: start), to: calendar.startOfDay(for: end)).day ?? 0
    }
}
