import Foundation

/// Errors of the shell itself: every message says what to do next.
public enum ShellError: LocalizedError, Equatable {
    case unknownCommand(String, suggestion: String?)
    case unclosedQuote
    case fileExists(String)
    case cannotWrite(String, reason: String)
    case cannotReadScript(String, reason: String)
    case nulCharacter
    case usage(String)

    public var errorDescription: String? {
        switch self {
        case .unknownCommand(let word, let suggestion):
            "unknown command '\(word)'" + (suggestion.map { "; \($0)" } ?? ".") + " Type 'help' to list the commands."
        case .unclosedQuote:
            "a quote is not closed; close it and enter the line again."
        case .fileExists(let path):
            "'\(path)' already exists; add --force to replace it, or choose another path."
        case .cannotWrite(let path, let reason):
            "cannot write '\(path)': \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason)."
        case .cannotReadScript(let path, let reason):
            "cannot read the script '\(path)': \(reason)."
        case .nulCharacter:
            "the line holds a NUL character, which would cut the text short; nothing was saved. Remove it and enter the line again."
        case .usage(let message):
            message
        }
    }
}
