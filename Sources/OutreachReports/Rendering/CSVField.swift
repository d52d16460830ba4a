import Foundation

/// One CSV field (RFC 4180).
enum CSVRenderer {
    static func field(_ raw: String) -> String {
        // A cell starting with = + - @ (or a tab or CR) is read as a formula by spreadsheets; a
        // leading apostrophe keeps it text, so words typed in a conversation cannot run as one.
        let text = raw.first.map { "=+-@\t\r".contains($0) } == true ? "'" + raw : raw
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
