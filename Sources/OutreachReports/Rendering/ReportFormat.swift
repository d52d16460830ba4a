import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The formats `report` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, html, json, csv

    /// The brief in this format; CSV writes one table (the answers unless another is named).
    public func render(_ brief: Brief, table: BriefCSV.Table = .answers) -> String {
        switch self {
        case .markdown: BriefMarkdown.render(brief)
        case .html: BriefHTML.render(brief)
        case .json: BriefJSON.render(brief)
        case .csv: BriefCSV.render(brief, table: table)
        }
    }
}

/// Writes files private to the user (mode 0600): reports, transcripts. Replaces a file only when asked.
public enum PrivateFile {
    /// Writes through a private temporary file in the same folder, renamed into place, so a
    /// reader never sees half a report and the file is never readable by others.
    public static func write(_ text: String, to path: String, replace: Bool) throws {
        let target = (path as NSString).expandingTildeInPath
        if !replace, FileManager.default.fileExists(atPath: target) { throw ReportError.fileExists(path) }
        let url = URL(fileURLWithPath: target)
        var template = Array(url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw ReportError.cannotWrite(path, reason: String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        if fchmod(descriptor, 0o600) != 0 { failure = String(cString: strerror(errno)) }
        let bytes = Array(text.utf8)
        var written = 0
        while failure == nil, written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { failure = String(cString: strerror(errno)) } else { written += count }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw ReportError.cannotWrite(path, reason: failure)
        }
    }
}
