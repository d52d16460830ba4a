import Foundation
import OutreachCatalog
import OutreachCore
import OutreachReports
import OutreachSessions
import OutreachStore

/// How `outreach run` was asked to run.
public struct ScriptedRunOptions: Sendable {
    public var playbook: String?
    public var answersPath: String
    public var partner: String?
    public var sector: String?
    public var transcriptPath: String?
    public var database: String?
    public var training: Bool
    public var force: Bool
    public var includePrivate: Bool

    public init(playbook: String?, answersPath: String, partner: String?, sector: String?,
                transcriptPath: String?, database: String?, training: Bool, force: Bool = false, includePrivate: Bool = false) {
        self.playbook = playbook
        self.answersPath = answersPath
        self.partner = partner
        self.sector = sector
        self.transcriptPath = transcriptPath
        self.database = database
        self.training = training
        self.force = force
        self.includePrivate = includePrivate
    }
}

/// The front end of `outreach run`: reads the answers file, has `ScriptedRun` check and record it
/// through the session engine, prints the transcript and maps the outcome to an exit status.
public enum ScriptedRunCommand {
    /// Returns the exit status: 0 all required questions answered, 1 some missing, 64 unusable input.
    public static func execute(_ options: ScriptedRunOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
                               output: TextOutput = StandardOutput()) -> Int32 {
        do {
            let paths = SearchPaths.standard(environment: environment)
            let catalog = Catalog(paths: paths)
            let file = try AnswersFileLoader.load(from: URL(fileURLWithPath: options.answersPath), displayName: options.answersPath)
            let plan = try ScriptedRun.plan(playbook: options.playbook, partner: options.partner, sector: options.sector, file: file, catalog: catalog)
            let problems = try ScriptedRun.check(file, against: plan, catalog: catalog)
            guard problems.isEmpty else {
                for problem in problems { output.writeError("error: \(problem.text)\n") }
                return Launcher.usageExitCode
            }
            if let path = options.transcriptPath, !options.force, FileManager.default.fileExists(atPath: (path as NSString).expandingTildeInPath) {
                throw ReportError.fileExists(path)
            }
            let databasePath = options.database ?? (options.training ? ":memory:" : Launcher.databasePath(option: nil, environment: environment, paths: paths))
            let database = try Launcher.openDatabase(at: databasePath, paths: paths)
            defer { database.closeCleanly() }
            for notice in database.notices { output.writeError("warning: \(notice)\n") }
            let engine = SessionEngine(database: database, catalog: catalog)
            let transcript = try ScriptedRun.record(plan, file: file, engine: engine, includePrivate: options.includePrivate)
            output.write(transcript.text)
            if let path = options.transcriptPath {
                try PrivateFile.write(transcript.text, to: path, replace: options.force)
            }
            if !transcript.missing.isEmpty {
                output.writeError("error: \(transcript.missing.count) required question(s) unanswered: \(transcript.missing.joined(separator: ", ")).\n")
                return 1
            }
            return 0
        } catch {
            output.writeError("error: \(error.localizedDescription)\n")
            return Launcher.usageExitCode
        }
    }
}
