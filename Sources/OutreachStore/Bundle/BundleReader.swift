import Foundation
import OutreachCore

extension Bundle {
    /// One record of a bundle with the line it is on, for messages.
    public struct Record: Sendable {
        public var line: Int
        public var content: Line
    }

    /// Reads and checks a whole bundle before anything is written: the header, every record (its
    /// fields, a session's playbook snapshot, text that could not be stored whole) and the end line.
    /// Lines may end in LF or CRLF; blank lines are ignored but counted.
    public static func read(_ url: URL) throws -> (version: Int, records: [Record]) {
        let path = url.path
        guard !url.path.isEmpty, let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.badBundle(path: path, line: 0, reason: "the file cannot be read")
        }
        let rows = lines(of: data)
        let decoder = decoder
        guard let first = rows.first,
              let header = try? decoder.decode(Header.self, from: first.data), header.format == formatName else {
            throw StoreError.badBundle(path: path, line: rows.first?.line ?? 1, reason: "it does not start with an outreach bundle header")
        }
        guard header.version <= version else {
            throw StoreError.badBundle(path: path, line: first.line,
                                       reason: "it is bundle version \(header.version), newer than this outreach reads; update outreach")
        }
        guard rows.count > 1, let end = try? decoder.decode(End.self, from: rows[rows.count - 1].data), end.end else {
            throw StoreError.badBundle(path: path, line: rows.last?.line ?? 1, reason: "the file ends early, without its end line")
        }
        let records = try decodeRecords(rows[1..<(rows.count - 1)], path: path)
        guard end.records == records.count else {
            throw StoreError.badBundle(path: path, line: rows[rows.count - 1].line, reason: "the record count does not match the end line")
        }
        return (header.version, records)
    }

    /// Decodes and checks record lines, large bundles in a few parts at once; the first problem
    /// in line order is the one reported.
    private static func decodeRecords(_ rows: ArraySlice<(line: Int, data: Data)>, path: String) throws -> [Record] {
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, rows.count / 20_000)
        guard parts > 1 else { return try decodePart(rows, path: path) }
        let results = PartResults(count: parts)
        let size = (rows.count + parts - 1) / parts
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let start = rows.startIndex + part * size
            results.set(part, Result { try decodePart(rows[start..<min(start + size, rows.endIndex)], path: path) })
        }
        return try results.all.flatMap { try $0.get() }
    }

    /// One result per part, each written once by its own thread.
    private final class PartResults: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<[Record], any Error>]

        init(count: Int) { results = Array(repeating: .success([]), count: count) }
        func set(_ part: Int, _ result: Result<[Record], any Error>) { lock.withLock { results[part] = result } }
        var all: [Result<[Record], any Error>] { lock.withLock { results } }
    }

    private static func decodePart(_ rows: ArraySlice<(line: Int, data: Data)>, path: String) throws -> [Record] {
        let decoder = decoder
        var records: [Record] = []
        records.reserveCapacity(rows.count)
        for row in rows {
            let content: Line
            do {
                content = try decoder.decode(Line.self, from: row.data)
            } catch let error {
                if let end = try? decoder.decode(End.self, from: row.data), end.end {
                    throw StoreError.badBundle(path: path, line: row.line, reason: "an end line comes before the last line")
                }
                throw StoreError.badBundle(path: path, line: row.line, reason: "the record cannot be read: \(describe(error))")
            }
            if let problem = content.problem(mayHoldNUL: row.data.containsEscapedNUL) {
                throw StoreError.badBundle(path: path, line: row.line, reason: problem)
            }
            records.append(Record(line: row.line, content: content))
        }
        return records
    }

    /// The non-blank lines of a file with their numbers, without the LF or CRLF that ends them.
    static func lines(of data: Data) -> [(line: Int, data: Data)] {
        data.withUnsafeBytes { buffer -> [(line: Int, data: Data)] in
            var rows: [(line: Int, data: Data)] = []
            var start = 0, number = 1
            while start <= buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                var last = end
                if last > start, buffer[last - 1] == 0x0D { last -= 1 }
                if last > start { rows.append((number, data[(data.startIndex + start)..<(data.startIndex + last)])) }
                start = end + 1
                number += 1
            }
            return rows
        }
    }

    /// A decoding error in words: which field, and what is wrong with it.
    static func describe(_ error: any Error) -> String {
        func field(_ path: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            let names = (path + (key.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }
            return names.filter { $0 != "record" }.joined(separator: ".")
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "the field '\(field(context.codingPath, key))' is missing"
        case .valueNotFound(_, let context)?: return "the field '\(field(context.codingPath))' is empty"
        case .typeMismatch(_, let context)?: return "the field '\(field(context.codingPath))' has the wrong type"
        case .dataCorrupted(let context)?:
            let name = field(context.codingPath)
            return name.isEmpty ? "it is not valid JSON" : "the field '\(name)' is invalid (\(context.debugDescription))"
        default: return "it is not valid JSON"
        }
    }
}

extension Data {
    /// Whether the JSON text holds the escape `\u0000` (a NUL character once decoded).
    var containsEscapedNUL: Bool {
        let needle = Array(#"\u0000"#.utf8)
        return self.withUnsafeBytes { buffer in
            guard buffer.count >= needle.count else { return false }
            var index = 0
            while index <= buffer.count - needle.count {
                if buffer[index] == 0x5C, buffer[index + 1] == 0x75, buffer[index + 2] == 0x30, buffer[index + 3] == 0x30,
                   buffer[index + 4] == 0x30, buffer[index + 5] == 0x30 { return true }
                index += 1
            }
            return false
        }
    }
}

extension Array where Element == Bundle.Record {
    /// The records in the order they can be merged: partners, parties, aliases, partnerships,
    /// members, sessions, then the rest as they came (a bundle written by `export` is in this
    /// order already). Both stores' imports merge in this order.
    public var inMergeOrder: [Bundle.Record] {
        let ranks = map(\.content.rank)
        guard zip(ranks, ranks.dropFirst()).contains(where: { $0 > $1 }) else { return self }
        return zip(ranks, self).enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }
}

extension Bundle.Line {
    /// Where the record comes in the merge: what others refer to first.
    public var rank: Int {
        switch self {
        case .partner: 0
        case .party: 1
        case .alias: 2
        case .partnership: 3
        case .member: 4
        case .session: 5
        case .answer, .note, .term, .value, .action: 6
        }
    }

    public var kind: String {
        switch self {
        case .partner: "partner"
        case .party: "party"
        case .alias: "alias"
        case .partnership: "partnership"
        case .member: "member"
        case .session: "session"
        case .answer: "answer"
        case .note: "note"
        case .term: "term"
        case .value: "value"
        case .action: "action"
        }
    }

    /// What is wrong with a decoded record, or nil. `mayHoldNUL` asks for the (slower) look for NUL
    /// characters, which SQLite would store but outreach could read back only up to the first one.
    func problem(mayHoldNUL: Bool) -> String? {
        if mayHoldNUL, let field = fieldWithNUL {
            return "the \(kind)'s '\(field)' holds a NUL character (\\u0000), which outreach cannot keep whole; remove it and export again"
        }
        func blank(_ text: String, _ field: String) -> String? {
            text.allSatisfy(\.isWhitespace) ? "the \(kind)'s '\(field)' is empty" : nil
        }
        switch self {
        case .partner(let partner):
            // The sector may be empty: your own organisation needs none.
            return blank(partner.name, "name")
        case .party(let party):
            if let problem = blank(party.name, "name") { return problem }
            if party.kind == .partner, party.partnerID == nil { return "the party is of kind 'partner' but names no 'partnerID'" }
            if party.kind == .outside, party.partnerID != nil { return "the party is of kind 'outside' but names a 'partnerID'" }
            return nil
        case .alias(let alias):
            return blank(alias.alias, "alias")
        case .partnership(let partnership):
            return blank(partnership.name, "name")
        case .member:
            return nil
        case .session(let session):
            if let problem = blank(session.playbookID, "playbookID") { return problem }
            guard let playbook = try? JSONDecoder().decode(ResolvedPlaybook.self, from: session.snapshot) else {
                return "the session's 'snapshot' is not a playbook outreach can run"
            }
            guard (0...playbook.flattened.count).contains(session.position) else {
                return "the session's 'position' \(session.position) is outside its playbook's \(playbook.flattened.count) questions"
            }
            return nil
        case .answer(let answer):
            return blank(answer.questionID, "questionID")
        case .note:
            return nil
        case .term(let term):
            return blank(term.term, "term") ?? blank(term.meaning, "meaning")
        case .value(let value):
            return blank(value.value, "value")
        case .action(let action):
            if let problem = blank(action.text, "text") ?? blank(action.owner, "owner") { return problem }
            if let due = action.due, Day.validated(due) == nil { return "the action's 'due' '\(due)' is not a yyyy-MM-dd date" }
            return nil
        }
    }

    /// The name of the first text field holding a NUL character.
    private var fieldWithNUL: String? {
        let record: Any
        switch self {
        case .partner(let value): record = value
        case .party(let value): record = value
        case .alias(let value): record = value
        case .partnership(let value): record = value
        case .member(let value): record = value
        case .session(let value): record = value
        case .answer(let value): record = value
        case .note(let value): record = value
        case .term(let value): record = value
        case .value(let value): record = value
        case .action(let value): record = value
        }
        for child in Mirror(reflecting: record).children {
            let texts: [String] = switch child.value {
            case let text as String: [text]
            case let text as String?: text.map { [$0] } ?? []
            case let texts as [String]: texts
            default: []
            }
            if texts.contains(where: { $0.unicodeScalars.contains("\0") }) { return child.label ?? "text" }
        }
        return nil
    }
}
