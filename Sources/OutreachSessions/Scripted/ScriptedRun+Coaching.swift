import OutreachCore
import OutreachReports
import OutreachStore

extension ScriptedRun {
    /// The coaching summary for the recorded session, in the transcript's plain layout.
    static func coaching(for recorded: Session, database: any Store) throws -> [String] {
        let session = try database.session(id: recorded.id) ?? recorded
        let sessionNumber = session.number ?? 0
        let findings = Coach.findings(for: try CoachingFacts.load(session: session, database: database))
        guard !findings.isEmpty else { return ["Every check passes. Keep the follow-up you agreed."] }
        // Session numbers depend on what the database already holds; the transcript names none.
        let numbered = "'resume \(sessionNumber)'"
        return findings.map { finding in
            let text = finding.text.replacingOccurrences(of: numbered, with: "'resume' with this session's number (see 'sessions')")
            return TextLayout.wrap("- " + text, width: transcriptWidth).replacingOccurrences(of: "\n", with: "\n  ")
        }
    }
}
