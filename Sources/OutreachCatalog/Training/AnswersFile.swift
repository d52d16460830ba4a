import Foundation
import OutreachCore

/// A scripted run of a playbook, as a trainer writes it: the partner, an answer per question,
/// and notes, terms, values and actions attached at given questions. Every entry keeps its line.
public struct AnswersFile: Sendable {
    public struct Located<Value: Sendable>: Sendable {
        public var value: Value
        public var location: SourceLocation
    }

    public struct Attachment<Value: Sendable>: Sendable {
        /// The question it is attached at; nil attaches it to the session as a whole.
        public var questionID: String?
        public var value: Value
        public var location: SourceLocation
    }

    public struct NoteEntry: Sendable { public var text: String; public var isPrivate: Bool }
    public struct TermEntry: Sendable { public var term: String; public var meaning: String }
    public struct ValueEntry: Sendable {
        public var value: String
        public var benefits: [String]
        /// Who invests money, staff time or data; empty when not said.
        public var pays: [String]
        public var lens: ValueLens
        public var horizon: ValueHorizon
        public var way: ValueWay?
        public var perspective: ValuePerspective?
    }
    public struct ActionEntry: Sendable { public var text: String; public var owner: String; public var due: String? }

    public var file: String
    public var playbook: String?
    public var partnerName: String?
    public var partnerSector: String?
    /// Question id to the typed answer, in file order.
    public var answers: [(questionID: String, answer: Located<String>)]
    public var notes: [Attachment<NoteEntry>]
    public var terms: [Attachment<TermEntry>]
    public var values: [Attachment<ValueEntry>]
    public var actions: [Attachment<ActionEntry>]
}

/// Reads answers files, reporting every problem with file, line and column.
public enum AnswersFileLoader {
    static let topKeys = ["playbook", "partner", "answers", "notes", "terms", "values", "actions"]

    public static func load(from url: URL, displayName: String) throws -> AnswersFile {
        try decode(try YAMLNode.parse(contentsOf: url, displayName: displayName))
    }

    /// Reads an answers file's text; `file` is the name its problems are reported under.
    public static func load(yaml: String, file: String) throws -> AnswersFile {
        try decode(try YAMLNode.parse(yaml, file: file))
    }

    static func decode(_ root: YAMLNode) throws -> AnswersFile {
        let displayName = root.file
        let map = try root.mapping("the answers file", allowed: topKeys)
        var file = AnswersFile(
            file: displayName, playbook: try map.optionalString("playbook"), partnerName: nil, partnerSector: nil,
            answers: [], notes: [], terms: [], values: [], actions: [])
        if let partnerNode = map["partner"] {
            let partner = try partnerNode.mapping("'partner'", allowed: ["name", "sector"])
            file.partnerName = try partner.optionalString("name")
            file.partnerSector = try partner.optionalString("sector")
        }
        if let answersNode = map["answers"] {
            guard case .mapping(let mapping) = answersNode.node else {
                throw CatalogError.wrongType(answersNode.location, key: "answers", expected: "a mapping from question ids to answers")
            }
            for (key, value) in mapping {
                let keyNode = YAMLNode(node: key, file: displayName)
                let valueNode = YAMLNode(node: value, file: displayName)
                let id = try keyNode.string(key: "answers")
                file.answers.append((id, .init(value: try answerText(valueNode, id: id), location: keyNode.location)))
            }
        }
        file.notes = try attachments(map, "notes", keys: ["text", "private"]) { entry in
            .init(text: try entry.string("text"), isPrivate: try entry.bool("private", default: false))
        }
        file.terms = try attachments(map, "terms", keys: ["term", "meaning"]) { entry in
            .init(term: try entry.string("term"), meaning: try entry.string("meaning"))
        }
        file.values = try attachments(map, "values", keys: ["value", "benefits", "pays", "lens", "horizon", "way", "perspective"]) { entry in
            let benefits = try entry.stringList("benefits")
            if benefits.isEmpty { throw CatalogError.missingKey(entry.location, key: "benefits", context: "a value") }
            return .init(value: try entry.string("value"), benefits: benefits, pays: try entry.stringList("pays"),
                         lens: try entry.enumeration("lens", as: ValueLens.self), horizon: try entry.enumeration("horizon", as: ValueHorizon.self),
                         way: try entry.optionalEnumeration("way", as: ValueWay.self),
                         perspective: try entry.optionalEnumeration("perspective", as: ValuePerspective.self))
        }
        file.actions = try attachments(map, "actions", keys: ["action", "owner", "due"]) { entry in
            let due = try entry.optionalString("due")
            if let due, Day.validated(due) == nil {
                throw CatalogError.wrongType(try entry.required("due").location, key: "due", expected: "a date written as YYYY-MM-DD")
            }
            return .init(text: try entry.string("action"), owner: try entry.string("owner"), due: due)
        }
        return file
    }

    /// Scalars as typed; a list becomes one item per line (list and multiple-choice answers).
    private static func answerText(_ node: YAMLNode, id: String) throws -> String {
        if case .sequence = node.node {
            return try node.sequence(key: id).map { try $0.string(key: id) }.joined(separator: "\n")
        }
        return try node.string(key: id)
    }

    private static func attachments<Value>(
        _ map: YAMLMapping, _ key: String, keys: [String], decode: (YAMLMapping) throws -> Value
    ) throws -> [AnswersFile.Attachment<Value>] {
        try map.list(key).map { node in
            let entry = try node.mapping("an entry of '\(key)'", allowed: ["at"] + keys)
            return .init(questionID: try entry.optionalString("at"), value: try decode(entry), location: entry.location)
        }
    }
}
