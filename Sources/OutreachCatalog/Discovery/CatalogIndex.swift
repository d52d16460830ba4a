import Crypto
import Foundation

/// What start-up needs to know about each plugin and playbook file without parsing it again:
/// whether it loaded, its id and kind, and the problem if it did not. Kept in the data folder
/// and trusted while a file's size and modification time are unchanged.
struct CatalogIndex {
    struct Entry: Equatable {
        enum Role: String { case plugin, playbook }

        var role: Role
        var path: String
        var size: Int
        var modified: Double
        var id: String
        /// For plugins, `sector` or `method`; empty for playbooks.
        var pluginKind: String
        /// The problem, already worded with file:line:column; empty when the file loaded.
        var problem: String

        var isValid: Bool { problem.isEmpty }
    }

    static let header = "outreach-catalog-index 1"
    /// Identifies the plugin files a playbook entry was checked against.
    var pluginFingerprint = ""
    var entries: [String: Entry] = [:]

    /// The file's size and modification time, or nil when it cannot be read.
    ///
    /// Read with `lstat` rather than `FileManager.attributesOfItem`, which also looks up the
    /// owner's and group's names (reading the user and group databases) for every file at every
    /// start. The values are the ones `attributesOfItem` gives (`.size`, and `.modificationDate`
    /// built from the reference date the way Foundation builds it), so existing indexes stay valid.
    static func stamp(of url: URL) -> (size: Int, modified: Double)? {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return nil }
        let modified = Date(timeIntervalSinceReferenceDate: TimeInterval(status.st_mtim.tv_sec) - Date.timeIntervalBetween1970AndReferenceDate
                            + TimeInterval(status.st_mtim.tv_nsec) / 1_000_000_000)
        return (Int(status.st_size), modified.timeIntervalSince1970)
    }

    func entry(for url: URL, role: Entry.Role, stamp: (size: Int, modified: Double)) -> Entry? {
        guard let entry = entries[url.path], entry.role == role, entry.size == stamp.size, entry.modified == stamp.modified else { return nil }
        return entry
    }

    /// The entry for a file: the stored one while the file is unchanged (and `reuse` allows),
    /// else a fresh one that `check` fills in with the plugin kind or the problem.
    mutating func entry(for url: URL, role: Entry.Role, id: String, reuse: Bool, check: (inout Entry) -> Void) -> Entry? {
        guard let stamp = Self.stamp(of: url) else { return nil }
        if reuse, let entry = entry(for: url, role: role, stamp: stamp) { return entry }
        var fresh = Entry(role: role, path: url.path, size: stamp.size, modified: stamp.modified, id: id, pluginKind: "", problem: "")
        check(&fresh)
        entries[url.path] = fresh
        return fresh
    }

    static func fingerprint(of stamps: [(path: String, size: Int, modified: Double)]) -> String {
        let text = stamps.sorted { $0.path < $1.path }.map { "\($0.path)|\($0.size)|\($0.modified)" }.joined(separator: "\n")
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in SHA256.hash(data: Data(text.utf8)) { hex += [digits[Int(byte >> 4)], digits[Int(byte & 0xf)]] }
        return String(decoding: hex, as: UTF8.self)
    }

    // MARK: Reading and writing (tab-separated lines; tabs and newlines in messages become spaces)

    static func read(from url: URL) -> CatalogIndex {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return CatalogIndex() }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(header) else { return CatalogIndex() }
        lines.removeFirst()
        var index = CatalogIndex()
        if let first = lines.first, first.hasPrefix("plugins\t") {
            index.pluginFingerprint = String(first.dropFirst("plugins\t".count))
            lines.removeFirst()
        }
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7, let role = Entry.Role(rawValue: fields[0]), let size = Int(fields[2]),
                  let modified = Double(fields[3]) else { continue }
            index.entries[fields[1]] = Entry(role: role, path: fields[1], size: size, modified: modified,
                                             id: fields[4], pluginKind: fields[5], problem: fields[6])
        }
        return index
    }

    /// Writes the index privately; a read-only or missing data folder just means no index.
    func write(to url: URL) {
        guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path) else { return }
        func clean(_ text: String) -> String { text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        var lines = [Self.header, "plugins\t" + pluginFingerprint]
        for entry in entries.values.sorted(by: { $0.path < $1.path }) {
            lines.append([entry.role.rawValue, clean(entry.path), String(entry.size), String(entry.modified),
                          clean(entry.id), entry.pluginKind, clean(entry.problem)].joined(separator: "\t"))
        }
        let temporary = url.appendingPathExtension("tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data((lines.joined(separator: "\n") + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }
}
