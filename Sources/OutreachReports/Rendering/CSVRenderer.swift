import Foundation

/// The value case's answers as CSV (RFC 4180): a header, then one row per question answered,
/// skipped or noted on, in playbook order. Lines end in CRLF; a field holding a comma, a quote, CR or LF is
/// put in double quotes with its quotes doubled; a field that a spreadsheet would run as a
/// formula gets a leading apostrophe.
public enum CSVRenderer {
    public static let header = [
        "partner", "sector", "session", "playbook", "playbook_version", "step", "step_title",
        "question_id", "question", "required", "status", "answer", "revision", "answered_at", "notes",
    ]

    public static func render(_ report: ValueCaseReport) -> String {
        var records = [header]
        if let session = report.session {
            for step in report.steps {
                for entry in step.answers {
                    records.append([
                        report.partner.name, report.partner.sector, String(session.number), session.playbookID,
                        session.playbookVersion, step.id, step.title, entry.questionID, entry.question,
                        entry.required ? "yes" : "no", entry.status, entry.answer ?? "", entry.revision.map(String.init) ?? "",
                        entry.answeredAt.map(ReportDate.timestamp) ?? "",
                        entry.notes.map { ($0.isPrivate ? "[private] " : "") + $0.text }.joined(separator: "\n"),
                    ])
                }
            }
        }
        return records.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ raw: String) -> String {
        // A cell starting with = + - @ (or a tab or CR) is read as a formula by spreadsheets; a
        // leading apostrophe keeps it text, so words typed in a conversation cannot run as one.
        let text = raw.first.map { "=+-@\t\r".contains($0) } == true ? "'" + raw : raw
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
