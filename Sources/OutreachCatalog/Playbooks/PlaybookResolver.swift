import Crypto
import Foundation
import OutreachCore

/// Why a playbook cannot be run as asked.
public enum ResolveError: LocalizedError, Equatable {
    case unknownSector(playbook: String, sector: String)
    case missingPlugin(reference: String)

    public var errorDescription: String? {
        switch self {
        case .unknownSector(let playbook, let sector):
            "The playbook '\(playbook)' includes the partner's sector, but no sector plugin '\(sector)' is installed. Run 'sectors' to see the installed ones."
        case .missingPlugin(let reference):
            "The question set '\(reference)' is no longer installed. Run 'plugins' to see what is found, or 'playbook check' the playbook."
        }
    }
}

/// Turns a playbook into the exact list of questions a session asks, for a partner's sector.
public enum PlaybookResolver {
    public static func resolve(_ playbook: Playbook, sector: String?, plugins: [String: Plugin]) throws -> ResolvedPlaybook {
        try resolve(playbook, sector: sector) { plugins[$0] }
    }

    public static func resolve(_ playbook: Playbook, sector: String?, plugin: (String) -> Plugin?) throws -> ResolvedPlaybook {
        let steps = try playbook.steps.map { step in
            var questions: [Question] = []
            for item in step.items {
                switch item {
                case .question(let question):
                    questions.append(question)
                case .include(let reference):
                    questions += try included(reference, playbook: playbook.id, sector: sector, plugin: plugin)
                }
            }
            return ResolvedPlaybook.Step(id: step.id, title: step.title, intro: step.intro, questions: questions)
        }
        return ResolvedPlaybook(id: playbook.id, title: playbook.title, version: playbook.version, sector: sector, steps: steps)
    }

    private static func included(_ reference: String, playbook: String, sector: String?, plugin: (String) -> Plugin?) throws -> [Question] {
        let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw ResolveError.missingPlugin(reference: reference) }
        if parts[0] == PlaybookLoader.sectorPlaceholder {
            guard let sector else { return [] }
            guard let sectorPlugin = plugin(sector) else { throw ResolveError.unknownSector(playbook: playbook, sector: sector) }
            return sectorPlugin.questions(for: parts[1]) ?? []
        }
        guard let questions = plugin(parts[0])?.questions(for: parts[1]) else { throw ResolveError.missingPlugin(reference: reference) }
        return questions
    }

    /// Canonical JSON of a resolved playbook: the session snapshot.
    public static func snapshot(of playbook: ResolvedPlaybook) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(playbook)) ?? Data()
    }

    /// SHA-256 (lowercase hex) of the snapshot.
    public static func digest(of snapshot: Data) -> String {
        SHA256.hash(data: snapshot).map { String(format: "%02x", $0) }.joined()
    }
}
