import Foundation
import OutreachCore

/// Errors of the session engine and of scripted runs; every message says what to do next.
public enum SessionError: LocalizedError, Equatable {
    case alreadyInPlaybook(command: String)
    case notInPlaybook(command: String)
    case unknownSector(String, suggestion: String?)
    case unknownPlaybook(String, suggestion: String?)
    case unknownPlugin(String, suggestion: String?)
    case unknownQuestion(String)
    case notReachable(String, condition: String)
    case requiredQuestion(String)
    case noPartnerChosen
    case declined
    case nothingToResume
    case sessionComplete(number: Int64)
    case pastLastQuestion
    case beforeFirstQuestion
    case invalidAnswer(String)
    case unreadableSnapshot(number: Int64)
    case ownOrganisationUnknown(typed: String)
    case nearParty(typed: String, existing: String)
    case usage(String)

    public var errorDescription: String? {
        switch self {
        case .alreadyInPlaybook(let command):
            "a playbook is running; type '/pause' before '\(command)', or '/finish' to end it."
        case .notInPlaybook(let command):
            "'/\(command)' works inside a running playbook. Start one with 'start PLAYBOOK --partner NAME' or continue one with 'resume'."
        case .unknownSector(let id, let suggestion):
            "there is no sector '\(id)'" + (suggestion.map { "; \($0)" } ?? ".") + " Run 'sectors' to list them."
        case .unknownPlaybook(let id, let suggestion):
            "there is no playbook '\(id)'" + (suggestion.map { "; \($0)" } ?? ".") + " Run 'playbooks' to list them."
        case .unknownPlugin(let id, let suggestion):
            "there is no plugin '\(id)'" + (suggestion.map { "; \($0)" } ?? ".") + " Run 'plugins' to list them."
        case .unknownQuestion(let id):
            "this playbook has no question '\(id)'. Type '/where' to see the question ids."
        case .notReachable(let id, let condition):
            "'\(id)' is asked only when \(condition), so it is not asked now. Type '/where' to see the questions that are."
        case .requiredQuestion(let id):
            "'\(id)' is required. Answer it, or type '/skip!' to skip it anyway (it will be listed as missing at '/finish')."
        case .noPartnerChosen:
            "no partner is chosen. Add '--partner NAME', or pick one with 'partner use NAME'."
        case .declined:
            "nothing was started."
        case .nothingToResume:
            "there is no paused session to resume. Run 'sessions' to list them, or 'start' a new one."
        case .sessionComplete(let number):
            "session \(number) is finished and every required question is answered, so it stays closed. Type 'answers \(number)' or 'report --session \(number)' to read it, or 'resume \(number) --reopen' to change an answer."
        case .pastLastQuestion:
            "every question has been passed. Type '/finish' to end the session, or '/back' or '/goto ID' to change an answer."
        case .beforeFirstQuestion:
            "there is nothing before the first question."
        case .invalidAnswer(let problem):
            problem
        case .unreadableSnapshot(let number):
            "session \(number) holds a playbook snapshot that cannot be read. Restore the database from a backup, or start a new session."
        case .ownOrganisationUnknown(let typed):
            "'\(typed)' means your own organisation, which is not named yet. Add it once with 'partner add \"YOUR ORGANISATION\" --own'."
        case .nearParty(let typed, let existing):
            "'\(typed)' is very like '\(existing)'; did you mean '\(existing)'? If '\(typed)' is someone else, add it first with 'party add \(Tokenizer.quote(typed))', or make it another name for the same party with 'party alias \(Tokenizer.quote(existing)) \(Tokenizer.quote(typed))'."
        case .usage(let message):
            message
        }
    }
}

/// Something the person should know that does not stop the transition.
public enum SessionNotice: Equatable, Sendable {
    case playbookForOtherSectors(playbook: String, sectors: [String], partner: String, sector: String)
    case playbookChanged(playbook: String, version: String)
    case joinedPartnership(partner: String, partnership: String)

    public var message: String {
        switch self {
        case .playbookForOtherSectors(let playbook, let sectors, let partner, let sector):
            "the playbook '\(playbook)' is written for \(sectors.joined(separator: ", ")); \(partner) is in \(sector). Its questions may not fit."
        case .playbookChanged(let playbook, let version):
            "the playbook '\(playbook)' has changed since this session started (it was version \(version)); the session keeps the questions it started with."
        case .joinedPartnership(let partner, let partnership):
            "\(partner) was not a member of '\(partnership)'; it is one now."
        }
    }
}
