import Foundation

/// Errors of the shell itself: every message says what to do next.
public enum ShellError: LocalizedError, Equatable {
    case unknownCommand(String, suggestion: String?)
    case unclosedQuote
    case notInPlaybook(command: String)
    case alreadyInPlaybook(command: String)
    case unknownSector(String, suggestion: String?)
    case unknownPlaybook(String, suggestion: String?)
    case unknownPlugin(String, suggestion: String?)
    case unknownQuestion(String)
    case requiredQuestion(String)
    case noPartnerChosen
    case declined
    case fileExists(String)
    case cannotWrite(String, reason: String)
    case nothingToResume
    case usage(String)

    public var errorDescription: String? {
        switch self {
        case .unknownCommand(let word, let suggestion):
            "unknown command '\(word)'" + (suggestion.map { "; \($0)" } ?? "") + " Type 'help' to list the commands."
        case .unclosedQuote:
            "a quote is not closed; close it and enter the line again."
        case .notInPlaybook(let command):
            "'/\(command)' works inside a running playbook. Start one with 'start PLAYBOOK --partner NAME' or continue one with 'resume'."
        case .alreadyInPlaybook(let command):
            "a playbook is running; type '/pause' before '\(command)', or '/finish' to end it."
        case .unknownSector(let id, let suggestion):
            "there is no sector '\(id)'" + (suggestion.map { "; \($0)" } ?? ".") + " Run 'sectors' to list them."
        case .unknownPlaybook(let id, let suggestion):
            "there is no playbook '\(id)'" + (suggestion.map { "; \($0)" } ?? ".") + " Run 'playbooks' to list them."
        case .unknownPlugin(let id, let suggestion):
            "there is no plugin '\(id)'" + (suggestion.map { "; \($0)" } ?? ".") + " Run 'plugins' to list them."
        case .unknownQuestion(let id):
            "this playbook has no question '\(id)'. Type '/where' to see the question ids."
        case .requiredQuestion(let id):
            "'\(id)' is required. Answer it, or type '/skip!' to skip it anyway (it will be listed as missing at '/finish')."
        case .noPartnerChosen:
            "no partner is chosen. Add '--partner NAME', or pick one with 'partner use NAME'."
        case .declined:
            "nothing was started."
        case .fileExists(let path):
            "'\(path)' already exists; choose another path or remove it first."
        case .cannotWrite(let path, let reason):
            "cannot write '\(path)': \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason)."
        case .nothingToResume:
            "there is no paused session to resume. Run 'sessions' to list them, or 'start' a new one."
        case .usage(let message):
            message
        }
    }
}
