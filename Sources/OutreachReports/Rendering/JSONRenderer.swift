import Foundation
import OutreachCore

/// A JSON document built by hand, so that the bytes are fixed: keys sorted, two-space indent,
/// explicit `null`s, and only the escapes RFC 8259 requires.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    func rendered(indent: String = "") -> String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .string(let text): return Self.quoted(text)
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let inner = indent + "  "
            let lines = members.keys.sorted().map { key in inner + Self.quoted(key) + ": " + members[key]!.rendered(indent: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// The value case as JSON: complete and stable. The schema is documented in docs/reports.md;
/// `version` changes whenever a field changes meaning or is removed.
public enum JSONRenderer {
    public static func render(_ report: ValueCaseReport) -> String {
        document(report).rendered() + "\n"
    }

    static func document(_ report: ValueCaseReport) -> JSONValue {
        .object([
            "schema": .string("outreach.value-case"),
            "version": .int(Int64(ValueCaseReport.schemaVersion)),
            "redacted": .bool(report.redacted),
            "partner": .object([
                "id": id(report.partner.id),
                "name": .string(report.partner.name),
                "sector": .string(report.partner.sector),
                "stakeholder": .optional(report.partner.stakeholder),
                "profile": .optional(report.partner.profile),
                "doNotContact": .bool(report.partner.doNotContact),
            ]),
            "sector": .object([
                "id": .string(report.sector.id),
                "name": .optional(report.sector.name),
                "stakeholder": .optional(report.sector.stakeholder),
                "summary": .optional(report.sector.summary),
            ]),
            "session": report.session.map(session) ?? .null,
            "steps": .array(report.steps.map { step in
                .object(["id": .string(step.id), "title": .string(step.title), "answers": .array(step.answers.map(answer))])
            }),
            "terms": .array(report.terms.map { term in
                .object(["id": id(term.id), "term": .string(term.term), "meaning": .string(term.meaning), "createdAt": time(term.createdAt)])
            }),
            "values": .array(report.values.map(value)),
            "valueMatrix": .array(report.matrix.map { cell in
                .object([
                    "beneficiary": .string(cell.beneficiary), "lens": .string(cell.lens.rawValue),
                    "horizon": .string(cell.horizon.rawValue), "values": .array(cell.valueIDs.map(id)),
                ])
            }),
            "actions": .array(report.actions.map { action in
                .object([
                    "id": id(action.id), "text": .string(action.text), "owner": .string(action.owner),
                    "due": .optional(action.due), "createdAt": time(action.createdAt),
                ])
            }),
        ])
    }

    private static func session(_ info: ValueCaseReport.SessionInfo) -> JSONValue {
        .object([
            "id": id(info.id),
            "number": .int(info.number),
            "status": .string(info.status),
            "playbook": .object([
                "id": .string(info.playbookID), "title": .string(info.playbookTitle),
                "version": .string(info.playbookVersion), "digest": .string(info.playbookDigest),
            ]),
            "startedAt": time(info.startedAt),
            "updatedAt": time(info.updatedAt),
        ])
    }

    private static func answer(_ entry: ValueCaseReport.AnswerEntry) -> JSONValue {
        .object([
            "questionID": .string(entry.questionID),
            "question": .string(entry.question),
            "required": .bool(entry.required),
            "status": .string(entry.status),
            "answer": .optional(entry.answer),
            "revision": entry.revision.map { .int(Int64($0)) } ?? .null,
            "answeredAt": entry.answeredAt.map(time) ?? .null,
            "notes": .array(entry.notes.map(note)),
        ])
    }

    private static func value(_ entry: ValueCaseReport.ValueEntry) -> JSONValue {
        .object([
            "id": id(entry.id),
            "value": .string(entry.value),
            "beneficiaries": .array(entry.beneficiaries.map(JSONValue.string)),
            "lens": .string(entry.lens.rawValue),
            "horizon": .string(entry.horizon.rawValue),
            "questionID": .optional(entry.questionID),
            "evidence": .array(entry.evidence.map(note)),
            "createdAt": time(entry.createdAt),
        ])
    }

    private static func note(_ entry: ValueCaseReport.NoteEntry) -> JSONValue {
        .object(["id": id(entry.id), "text": .string(entry.text), "private": .bool(entry.isPrivate), "createdAt": time(entry.createdAt)])
    }

    private static func id(_ uuid: UUID) -> JSONValue { .string(uuid.uuidString.lowercased()) }
    private static func time(_ date: Date) -> JSONValue { .string(ReportDate.timestamp(date)) }
}
