import Foundation

/// A place in a plugin or playbook file, 1-based as editors show it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// Everything that can be wrong with a plugin or playbook file. Each message names the file,
/// line and column, and says what to write instead.
public enum CatalogError: LocalizedError, Hashable, Sendable {
    case unreadable(file: String, reason: String)
    case malformedYAML(SourceLocation, problem: String)
    case emptyFile(file: String)
    case missingKey(SourceLocation, key: String, context: String)
    case wrongType(SourceLocation, key: String, expected: String)
    /// `advice` says where the key belongs, or which allowed key was probably meant.
    case unknownKey(SourceLocation, key: String, allowed: [String], advice: String?)
    /// A list entry or value that should be a mapping; `needs` names the keys it must have.
    case notMapping(SourceLocation, context: String, needs: [String])
    case invalidValue(SourceLocation, key: String, value: String, allowed: [String])
    case newerFormat(SourceLocation, found: Int, supported: Int)
    case invalidID(SourceLocation, id: String, rule: String)
    case duplicateID(SourceLocation, id: String, firstLine: Int)
    case unknownStep(SourceLocation, step: String, allowed: [String])
    case choicesRequired(SourceLocation, question: String)
    case choicesNotAllowed(SourceLocation, question: String, kind: String)
    case unknownInclude(SourceLocation, reference: String, reason: String)
    case conditionUnknownQuestion(SourceLocation, question: String)
    case conditionLaterQuestion(SourceLocation, question: String)
    case conditionUnknownChoice(SourceLocation, value: String, question: String, choices: [String])
    case tooFew(SourceLocation, key: String, minimum: Int)
    /// The file is too large, or its YAML nests or expands (through aliases) beyond `YAMLLimits`.
    case yamlLimit(SourceLocation, YAMLLimits.Exceeded)
    case invalidTag(SourceLocation, tag: String, rule: String)
    /// A problem found when the file was last read, kept in the catalog index with its full wording.
    case indexed(file: String, description: String)

    public var location: SourceLocation? {
        switch self {
        case .unreadable, .emptyFile, .indexed: nil
        case .malformedYAML(let l, _), .missingKey(let l, _, _), .wrongType(let l, _, _), .unknownKey(let l, _, _, _),
             .notMapping(let l, _, _),
             .invalidValue(let l, _, _, _), .newerFormat(let l, _, _), .invalidID(let l, _, _), .duplicateID(let l, _, _),
             .unknownStep(let l, _, _), .choicesRequired(let l, _), .choicesNotAllowed(let l, _, _),
             .unknownInclude(let l, _, _), .conditionUnknownQuestion(let l, _), .conditionLaterQuestion(let l, _),
             .conditionUnknownChoice(let l, _, _, _), .tooFew(let l, _, _), .yamlLimit(let l, _), .invalidTag(let l, _, _):
            l
        }
    }

    public var file: String {
        switch self {
        case .unreadable(let file, _), .emptyFile(let file), .indexed(let file, _): file
        default: location?.file ?? ""
        }
    }

    /// The message without its location.
    public var message: String {
        switch self {
        case .unreadable(_, let reason):
            "cannot read the file: \(reason)"
        case .malformedYAML(_, let problem):
            "the YAML is malformed: \(problem). Check indentation and quoting on this line."
        case .emptyFile:
            "the file is empty; start it with 'format: 1'."
        case .missingKey(_, let key, let context):
            "\(context) has no '\(key)'; add it."
        case .wrongType(_, let key, let expected):
            "'\(key)' must be \(expected)."
        case .unknownKey(_, let key, let allowed, let advice):
            if let advice {
                "unknown key '\(key)'; \(advice)\(advice.hasSuffix("?") || advice.hasSuffix(".") ? "" : ".") The keys allowed here are: \(allowed.joined(separator: ", "))."
            } else {
                "unknown key '\(key)'; the keys allowed here are: \(allowed.joined(separator: ", "))."
            }
        case .notMapping(_, let context, let needs):
            "this must be a mapping of keys to values ('key: value' lines): \(context) needs \(needs.joined(separator: ", "))."
        case .invalidValue(_, let key, let value, let allowed):
            "'\(value)' is not a valid '\(key)'; use one of: \(allowed.joined(separator: ", "))."
        case .newerFormat(_, let found, let supported):
            "this file uses format \(found), but this version of outreach reads format \(supported) at most; update outreach to use it."
        case .invalidID(_, let id, let rule):
            "the id '\(id)' is not valid: \(rule)."
        case .duplicateID(_, let id, let firstLine):
            "the id '\(id)' is already used on line \(firstLine); ids must be unique, so give this one another id."
        case .unknownStep(_, let step, let allowed):
            "there is no step '\(step)'; question sets may be keyed by: \(allowed.joined(separator: ", ")) (declare other steps under 'steps')."
        case .choicesRequired(_, let question):
            "the question '\(question)' needs a 'choices' list with at least two choices."
        case .choicesNotAllowed(_, let question, let kind):
            "the question '\(question)' is of kind '\(kind)', which takes no 'choices'; set 'kind: choice' (or 'kind: multi' for several answers), or remove the choices."
        case .unknownInclude(_, let reference, let reason):
            "cannot include '\(reference)': \(reason)."
        case .conditionUnknownQuestion(_, let question):
            "the condition refers to '\(question)', which is not a question of this playbook."
        case .conditionLaterQuestion(_, let question):
            "the condition refers to '\(question)', which comes later; a condition can only look at earlier answers."
        case .conditionUnknownChoice(_, let value, let question, let choices):
            "'\(value)' is not a choice of '\(question)'; its choices are: \(choices.joined(separator: ", "))."
        case .invalidTag(_, let tag, let rule):
            "'\(tag)' is not a valid tag; 'tags' takes \(rule)."
        case .tooFew(_, let key, let minimum):
            "'\(key)' needs at least \(minimum) entries."
        case .yamlLimit(_, let exceeded):
            "refused: \(exceeded.explanation)."
        case .indexed(let file, let description):
            description.hasPrefix(file + ":") ? String(description.dropFirst(file.count + 1)).trimmingCharacters(in: .whitespaces) : description
        }
    }

    public var errorDescription: String? {
        if case .indexed(_, let description) = self { return description }
        if let location { return "\(location): \(message)" }
        return "\(file): \(message)"
    }
}
