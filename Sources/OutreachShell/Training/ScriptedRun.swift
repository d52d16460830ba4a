import Foundation
import OutreachCatalog
import OutreachCore
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

    public init(playbook: String?, answersPath: String, partner: String?, sector: String?,
                transcriptPath: String?, database: String?, training: Bool) {
        self.playbook = playbook
        self.answersPath = answersPath
        self.partner = partner
        self.sector = sector
        self.transcriptPath = transcriptPath
        self.database = database
        self.training = training
    }
}

/// Runs a playbook from an answers file with no terminal: checks the whole file first, then
/// records the session like a person would, and prints a transcript that is the same, byte for
/// byte, every time the same inputs are run.
public enum ScriptedRun {
    public static let transcriptWidth = 80

    /// Returns the exit status: 0 all required questions answered, 1 some missing, 64 unusable input.
    public static func execute(_ options: ScriptedRunOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
                               output: TextOutput = StandardOutput()) -> Int32 {
        do {
            let paths = SearchPaths.standard(environment: environment)
            let catalog = Catalog(paths: paths)
            let file = try AnswersFileLoader.load(from: URL(fileURLWithPath: options.answersPath), displayName: options.answersPath)
            let plan = try plan(options, file: file, catalog: catalog)
            let problems = check(file, against: plan.playbook).sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map(\.text)
            guard problems.isEmpty else {
                for problem in problems { output.writeError("error: \(problem)\n") }
                return Launcher.usageExitCode
            }
            let databasePath = options.database ?? (options.training ? ":memory:"
                : environment["OUTREACH_DB"] ?? paths.dataDirectory.appendingPathComponent("outreach.sqlite").path)
            let database = try AppDatabase.open(path: databasePath)
            let transcript = try record(plan, file: file, database: database)
            output.write(transcript.text)
            if let path = options.transcriptPath {
                do { try transcript.text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                    throw ShellError.cannotWrite(path, reason: error.localizedDescription)
                }
            }
            if !transcript.missing.isEmpty {
                output.writeError("error: \(transcript.missing.count) required question(s) unanswered: \(transcript.missing.joined(separator: ", "))\n")
                return 1
            }
            return 0
        } catch {
            output.writeError("error: \(error.localizedDescription)\n")
            return Launcher.usageExitCode
        }
    }

    struct Plan {
        var playbook: ResolvedPlaybook
        var partnerName: String
        var sector: Plugin
    }

    static func plan(_ options: ScriptedRunOptions, file: AnswersFile, catalog: Catalog) throws -> Plan {
        guard let playbookID = options.playbook ?? file.playbook else {
            throw ShellError.usage("no playbook given: name one after 'run', or add 'playbook: ID' to \(file.file).")
        }
        guard let loaded = catalog.playbook(playbookID) else {
            throw ShellError.unknownPlaybook(playbookID, suggestion: Suggestions.phrase(for: playbookID, in: catalog.playbooks.map(\.playbook.id)))
        }
        guard let partnerName = options.partner ?? file.partnerName else {
            throw ShellError.usage("no partner given: pass --partner NAME, or add 'partner: {name: ...}' to \(file.file).")
        }
        guard let sectorID = options.sector ?? file.partnerSector else {
            throw ShellError.usage("no sector given: pass --sector ID, or add 'sector' under 'partner' in \(file.file).")
        }
        guard let sector = catalog.plugin(sectorID), sector.kind == .sector else {
            throw ShellError.unknownSector(sectorID, suggestion: Suggestions.phrase(for: sectorID, in: catalog.sectors.map(\.id)))
        }
        let resolved = try catalog.resolve(loaded.playbook, sector: sector.id)
        return Plan(playbook: resolved, partnerName: partnerName, sector: sector)
    }

    struct Problem {
        var line: Int
        var column: Int
        var text: String

        init(_ location: SourceLocation, _ message: String) {
            line = location.line
            column = location.column
            text = "\(location): \(message)"
        }
    }

    /// Every problem of the file against the playbook, each with file:line:column.
    static func check(_ file: AnswersFile, against playbook: ResolvedPlaybook) -> [Problem] {
        var problems: [Problem] = []
        let questions = Dictionary(playbook.flattened.map { ($0.question.id, $0.question) }, uniquingKeysWith: { first, _ in first })
        let ids = playbook.flattened.map(\.question.id)
        func unknown(_ id: String) -> String {
            "the playbook '\(playbook.id)' has no question '\(id)'" + (Suggestions.phrase(for: id, in: ids).map { "; \($0)" } ?? ".")
        }
        var seen: Set<String> = []
        for (id, answer) in file.answers {
            if !seen.insert(id).inserted { problems.append(Problem(answer.location, "'\(id)' is answered twice.")) }
            if questions[id] == nil { problems.append(Problem(answer.location, unknown(id))) }
        }
        let asked = walk(playbook, file: file) { question, answer in
            switch question.normalizedAnswer(answer.value) {
            case .failure(.empty): problems.append(Problem(answer.location, "the answer to '\(question.id)' is empty; write an answer or remove the line."))
            case .failure(let problem): problems.append(Problem(answer.location, problem.message))
            case .success: break
            }
        }
        for (id, answer) in file.answers where questions[id] != nil && !asked.contains(id) {
            let condition = questions[id]?.condition?.summary ?? "an earlier answer"
            problems.append(Problem(answer.location, "'\(id)' is never asked with these answers (it is asked only when \(condition)); remove the answer or change the earlier one."))
        }
        let attachments = file.notes.map { ($0.questionID, $0.location) } + file.terms.map { ($0.questionID, $0.location) }
            + file.values.map { ($0.questionID, $0.location) } + file.actions.map { ($0.questionID, $0.location) }
        for case let (id?, location) in attachments {
            if questions[id] == nil { problems.append(Problem(location, "'at': " + unknown(id))) }
            else if !asked.contains(id) { problems.append(Problem(location, "'at': '\(id)' is never asked with these answers.")) }
        }
        return problems
    }

    /// Goes through the playbook as the answers lead it; returns the ids of the questions asked.
    @discardableResult
    static func walk(_ playbook: ResolvedPlaybook, file: AnswersFile,
                     onAnswer: (Question, AnswersFile.Located<String>) -> Void = { _, _ in }) -> [String] {
        let answers = Dictionary(file.answers.map { ($0.questionID, $0.answer) }, uniquingKeysWith: { first, _ in first })
        var run = PlaybookRun(playbook: playbook)
        var asked: [String] = []
        while let question = run.current {
            asked.append(question.id)
            if let answer = answers[question.id] {
                onAnswer(question, answer)
                if case .success(let value) = question.normalizedAnswer(answer.value) { run.answer(value) } else { run.skip() }
            } else {
                run.skip()
            }
        }
        return asked
    }
}
