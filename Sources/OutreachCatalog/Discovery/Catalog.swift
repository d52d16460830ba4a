import Foundation
import OutreachCore

/// A plugin and the file it came from (the one that won when several share its id).
public struct LoadedPlugin: Sendable {
    public var plugin: Plugin
    public var source: URL
    /// Files with the same id found earlier on the search path, now overridden.
    public var overridden: [URL]
}

public struct LoadedPlaybook: Sendable {
    public var playbook: Playbook
    public var source: URL
    public var overridden: [URL]
}

/// A file's size and modification time, enough to tell that it changed.
public struct FileStamp: Hashable, Sendable {
    public var size: Int
    public var modified: Double
}

/// Every plugin and playbook on the search paths.
///
/// Start-up only lists the files and checks them against an index kept in the data folder:
/// a file is parsed again only when it changed, so broken files are still reported at every
/// start while unchanged ones cost a `stat`. Contents are parsed when first asked for.
public final class Catalog: @unchecked Sendable {
    public let paths: SearchPaths
    /// Files that could not be loaded; each is reported once per start and skipped.
    public private(set) var problems: [CatalogError] = []

    /// Per id, the valid files in search order (the last one wins), and the ids of sector plugins.
    private let pluginSources: [String: [URL]]
    private var playbookSources: [String: [URL]] = [:]
    public let sectorIDs: [String]

    /// The size and modification time of each file when it was listed, to tell what a reload changed.
    private var stamps: [String: FileStamp] = [:]

    private let lock = NSLock()
    private var parsedPlugins: [String: Plugin] = [:]
    private var parsedPlaybooks: [String: Playbook] = [:]

    public init(paths: SearchPaths) {
        self.paths = paths
        let indexURL = paths.dataDirectory.appendingPathComponent("catalog-index")
        var index = CatalogIndex.read(from: indexURL)
        let original = index
        var problems: [CatalogError] = []
        var parsed: [String: Plugin] = [:]

        // Plugins: the folder name is the id.
        var pluginSources: [String: [URL]] = [:]
        var sectorIDs: Set<String> = []
        var stamps: [(path: String, size: Int, modified: Double)] = []
        var fileStamps: [String: FileStamp] = [:]
        for file in paths.pluginFolders.flatMap(Self.pluginFiles(in:)) {
            let id = file.deletingLastPathComponent().lastPathComponent
            guard let entry = index.entry(for: file, role: .plugin, id: id, reuse: true, check: { entry in
                do {
                    // Absolute paths in the index, so its messages stay right from any working folder.
                    let plugin = try PluginLoader.load(from: file, displayName: file.path)
                    entry.pluginKind = plugin.kind.rawValue
                    parsed[file.path] = plugin
                } catch {
                    entry.problem = Self.describe(error, file: file)
                }
            }) else { continue }
            stamps.append((file.path, entry.size, entry.modified))
            fileStamps[file.path] = FileStamp(size: entry.size, modified: entry.modified)
            if entry.isValid {
                pluginSources[entry.id, default: []].append(file)
                if entry.pluginKind == Plugin.Kind.sector.rawValue { sectorIDs.insert(entry.id) } else { sectorIDs.remove(entry.id) }
            } else {
                problems.append(.indexed(file: file.path, description: entry.problem))
            }
        }
        self.pluginSources = pluginSources
        self.sectorIDs = sectorIDs.sorted()
        for (id, files) in pluginSources { if let plugin = parsed[files.last!.path] { parsedPlugins[id] = plugin } }

        // Playbooks: checked against the plugins, so a change to any plugin checks them again.
        let fingerprint = CatalogIndex.fingerprint(of: stamps)
        let pluginsChanged = fingerprint != index.pluginFingerprint
        index.pluginFingerprint = fingerprint
        var playbookSources: [String: [URL]] = [:]
        let lookup = pluginLookup
        var validPlaybooks: [(String, URL)] = []
        var playbookProblems: [CatalogError] = []
        for file in paths.playbookFolders.flatMap(Self.playbookFiles(in:)) {
            let id = file.deletingPathExtension().lastPathComponent
            guard let entry = index.entry(for: file, role: .playbook, id: id, reuse: !pluginsChanged, check: { entry in
                do {
                    let playbook = try PlaybookLoader.load(from: file, plugins: lookup, displayName: file.path)
                    if playbook.id != id {
                        entry.problem = "\(file.path): the playbook's id '\(playbook.id)' does not match its file name; rename the file to '\(playbook.id).yaml'."
                    }
                } catch {
                    entry.problem = Self.describe(error, file: file)
                }
            }) else { continue }
            fileStamps[file.path] = FileStamp(size: entry.size, modified: entry.modified)
            if entry.isValid {
                validPlaybooks.append((entry.id, file))
            } else {
                playbookProblems.append(.indexed(file: file.path, description: entry.problem))
            }
        }
        for (id, file) in validPlaybooks { playbookSources[id, default: []].append(file) }
        self.playbookSources = playbookSources
        self.problems = problems + playbookProblems
        self.stamps = fileStamps

        index.entries = index.entries.filter { FileManager.default.fileExists(atPath: $0.key) }
        if index.entries != original.entries || index.pluginFingerprint != original.pluginFingerprint {
            index.write(to: indexURL)
        }
    }

    // MARK: Lookups (parse on first use)

    public var pluginIDs: [String] { pluginSources.keys.sorted() }
    public var playbookIDs: [String] { playbookSources.keys.sorted() }

    public func plugin(_ id: String) -> Plugin? {
        lock.lock()
        defer { lock.unlock() }
        return parsePlugin(id)
    }

    public func playbook(_ id: String) -> LoadedPlaybook? {
        lock.lock()
        defer { lock.unlock() }
        guard let files = playbookSources[id], let source = files.last else { return nil }
        if parsedPlaybooks[id] == nil {
            parsedPlaybooks[id] = try? PlaybookLoader.load(from: source, plugins: unlockedLookup, displayName: Self.display(source))
        }
        return parsedPlaybooks[id].map { LoadedPlaybook(playbook: $0, source: source, overridden: Array(files.dropLast())) }
    }

    /// Every plugin, sorted by id (parses those not read yet).
    public var plugins: [LoadedPlugin] {
        pluginIDs.compactMap { id in
            guard let plugin = plugin(id), let files = pluginSources[id] else { return nil }
            return LoadedPlugin(plugin: plugin, source: files.last!, overridden: Array(files.dropLast()))
        }
    }

    /// Every playbook, sorted by id (parses those not read yet).
    public var playbooks: [LoadedPlaybook] { playbookIDs.compactMap(playbook) }

    public var pluginsByID: [String: Plugin] {
        Dictionary(uniqueKeysWithValues: pluginIDs.compactMap { id in plugin(id).map { (id, $0) } })
    }

    public var sectors: [Plugin] { sectorIDs.compactMap(plugin) }

    /// A playbook's questions for a partner's sector, parsing only the plugins it includes.
    public func resolve(_ playbook: Playbook, sector: String?) throws -> ResolvedPlaybook {
        try PlaybookResolver.resolve(playbook, sector: sector, plugin: plugin)
    }

    /// Finds plugins for playbooks and resolution, parsing only those asked for.
    public var pluginLookup: PluginLookup {
        PluginLookup(ids: pluginIDs, sectorIDs: sectorIDs) { [unowned self] id in self.plugin(id) }
    }

    /// The file a plugin id is read from (the last on the search path), without parsing it.
    public func pluginSource(_ id: String) -> URL? { pluginSources[id]?.last }

    /// The file a playbook id is read from (the last on the search path), without parsing it.
    public func playbookSource(_ id: String) -> URL? { playbookSources[id]?.last }

    /// A file's size and modification time when the catalog listed it; nil for files it did not list.
    public func stamp(of url: URL) -> FileStamp? { stamps[url.path] }

    // MARK: Internals

    /// A lookup for use while the lock is held.
    private var unlockedLookup: PluginLookup {
        PluginLookup(ids: pluginIDs, sectorIDs: sectorIDs) { [unowned self] id in self.parsePlugin(id) }
    }

    private func parsePlugin(_ id: String) -> Plugin? {
        if let plugin = parsedPlugins[id] { return plugin }
        guard let source = pluginSources[id]?.last else { return nil }
        let plugin = try? PluginLoader.load(from: source, displayName: Self.display(source))
        parsedPlugins[id] = plugin
        return plugin
    }

    private static func describe(_ error: Error, file: URL) -> String {
        (error as? LocalizedError)?.errorDescription ?? "\(display(file)): \(error.localizedDescription)"
    }

    /// Plugin folders (holding `plugin.yaml`) directly inside a folder, sorted by name.
    public static func pluginFiles(in folder: URL) -> [URL] {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return entries.map { $0.appendingPathComponent("plugin.yaml") }
            .filter { manager.fileExists(atPath: $0.path) }
            .sorted { $0.path < $1.path }
    }

    /// Playbook files (`*.yaml`, `*.yml`) directly inside a folder; sub-folders such as `training/` are not playbooks.
    public static func playbookFiles(in folder: URL) -> [URL] {
        let entries = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isRegularFileKey])) ?? []
        return entries.filter { ["yaml", "yml"].contains($0.pathExtension) && !$0.hasDirectoryPath }
            .sorted { $0.path < $1.path }
    }

    /// A path as the user would recognise it: relative to the working directory when inside it.
    public static func display(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
