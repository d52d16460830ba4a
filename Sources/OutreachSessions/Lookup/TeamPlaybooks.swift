import Foundation
import OutreachCatalog
import OutreachCore
import OutreachStore

/// The playbooks published to a team database, kept as files in a private folder that the catalog
/// reads like any other playbook folder, so they load, check and override exactly as files do.
public enum TeamPlaybooks {
    /// The folder for one database: under the data folder, named from its address.
    public static func folder(for store: any Store, paths: SearchPaths) -> URL {
        let name = String(store.path.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return paths.dataDirectory.appendingPathComponent("team-playbooks").appendingPathComponent(name)
    }

    /// Writes the newest published version of each playbook into `folder` (0700, files 0600) and
    /// removes files no longer published. Returns what was written, by id.
    @discardableResult
    public static func sync(from store: any Store, into folder: URL) throws -> [PublishedPlaybook] {
        let newest = Dictionary(grouping: try store.publishedPlaybooks(), by: \.id)
            .compactMapValues { $0.max { $0.publishedAt < $1.publishedAt } }
            .filter { isSafeFileName($0.key) }
        let manager = FileManager.default
        try FileAccess.preparePrivateFolder(at: folder.deletingLastPathComponent().path)
        try FileAccess.preparePrivateFolder(at: folder.path)
        let wanted = Set(newest.keys.map { "\($0).yaml" })
        for file in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where !wanted.contains(file) {
            try? manager.removeItem(at: folder.appendingPathComponent(file))
        }
        for (id, playbook) in newest {
            let target = folder.appendingPathComponent("\(id).yaml")
            let data = Data(playbook.source.utf8)
            if (try? Data(contentsOf: target)) == data { continue }
            try data.write(to: target, options: .atomic)
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
        }
        return newest.values.sorted { $0.id < $1.id }
    }

    /// Ids become file names: letters, digits, `.`, `_` and `-`, not starting with a dot.
    static func isSafeFileName(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 100 && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0) }
    }
}
