import Foundation
import Testing

/// Golden files: text a user sees, compared byte for byte with a committed file.
///
/// With `OUTREACH_RECORD_GOLDENS=1` the file is written and the test still fails ("recorded new
/// baseline"), so a recording run can never pass by itself; review the diff, then run again.
/// A mismatch fails with a line diff of what changed.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["OUTREACH_RECORD_GOLDENS"] == "1" }

    public static func expect(_ text: String, matches file: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
                Issue.record("recorded new baseline \(file.lastPathComponent); review the diff and run the tests again without OUTREACH_RECORD_GOLDENS", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = try? Data(contentsOf: file) else {
            Issue.record("no golden file \(file.lastPathComponent); record it with OUTREACH_RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != text else { return }
        Issue.record("\(file.lastPathComponent) differs (- golden, + now):\n\(diff(expected, text))\nRe-record with OUTREACH_RECORD_GOLDENS=1 if the change is intended.", sourceLocation: sourceLocation)
    }

    /// A line diff (longest common subsequence), with the changed lines only.
    public static func diff(_ old: String, _ new: String) -> String {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { i += 1; j += 1 }
            else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] { lines.append("+ \(b[j])  (line \(j + 1))"); j += 1 }
            else { lines.append("- \(a[i])  (line \(i + 1))"); i += 1 }
        }
        return lines.joined(separator: "\n")
    }
}
