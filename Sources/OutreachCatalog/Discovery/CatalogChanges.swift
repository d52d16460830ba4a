import Foundation

/// What a reload found different: plugins and playbooks added, changed or removed, and files
/// that are broken now but were not before.
public struct CatalogChanges: Sendable, Equatable {
    /// Each as "plugin libraries 1.0.0" or "playbook food-first 1.0.0".
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []
    /// Problems of files that loaded before, or were not there.
    public var newlyBroken: [CatalogError] = []

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty && newlyBroken.isEmpty }

    public init(from old: Catalog, to new: Catalog) {
        compare("plugin", old: Self.pluginSources(of: old), new: Self.pluginSources(of: new), oldCatalog: old, newCatalog: new) {
            new.plugin($0)?.version
        }
        compare("playbook", old: Self.playbookSources(of: old), new: Self.playbookSources(of: new), oldCatalog: old, newCatalog: new) {
            new.playbook($0)?.playbook.version
        }
        let known = Set(old.problems.map { $0.errorDescription ?? "" })
        newlyBroken = new.problems.filter { !known.contains($0.errorDescription ?? "") }
    }

    private mutating func compare(_ kind: String, old: [String: URL], new: [String: URL], oldCatalog: Catalog, newCatalog: Catalog,
                                  version: (String) -> String?) {
        func named(_ id: String) -> String { ["\(kind) \(id)", version(id)].compactMap { $0 }.joined(separator: " ") }
        for id in new.keys.sorted() {
            guard let before = old[id] else { added.append(named(id)); continue }
            let after = new[id]!
            if before != after || oldCatalog.stamp(of: before) != newCatalog.stamp(of: after) { changed.append(named(id)) }
        }
        removed += old.keys.filter { new[$0] == nil }.sorted().map { "\(kind) \($0)" }
    }

    /// The winning file of each plugin id, without parsing any.
    private static func pluginSources(of catalog: Catalog) -> [String: URL] {
        Dictionary(uniqueKeysWithValues: catalog.pluginIDs.compactMap { id in catalog.pluginSource(id).map { (id, $0) } })
    }

    private static func playbookSources(of catalog: Catalog) -> [String: URL] {
        Dictionary(uniqueKeysWithValues: catalog.playbookIDs.compactMap { id in catalog.playbookSource(id).map { (id, $0) } })
    }
}
