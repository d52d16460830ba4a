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

/// Every plugin and playbook found on the search paths, with the problems of those that failed to load.
public struct Catalog: Sendable {
    public private(set) var plugins: [LoadedPlugin] = []
    public private(set) var playbooks: [LoadedPlaybook] = []
    /// Files that could not be loaded; each is reported once and skipped.
    public private(set) var problems: [CatalogError] = []
    public let paths: SearchPaths

    public init(paths: SearchPaths) {
        self.paths = paths
        loadPlugins()
        loadPlaybooks()
    }

    public var pluginsByID: [String: Plugin] {
        Dictionary(plugins.map { ($0.plugin.id, $0.plugin) }, uniquingKeysWith: { _, last in last })
    }

    public func plugin(_ id: String) -> Plugin? { plugins.first { $0.plugin.id == id }?.plugin }
    public func playbook(_ id: String) -> LoadedPlaybook? { playbooks.first { $0.playbook.id == id } }
    public var sectors: [Plugin] { plugins.map(\.plugin).filter { $0.kind == .sector } }

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

    private mutating func loadPlugins() {
        for folder in paths.pluginFolders {
            for file in Self.pluginFiles(in: folder) {
                do {
                    let plugin = try PluginLoader.load(from: file, displayName: Self.display(file))
                    if let index = plugins.firstIndex(where: { $0.plugin.id == plugin.id }) {
                        let earlier = plugins.remove(at: index)
                        plugins.append(LoadedPlugin(plugin: plugin, source: file, overridden: earlier.overridden + [earlier.source]))
                    } else {
                        plugins.append(LoadedPlugin(plugin: plugin, source: file, overridden: []))
                    }
                } catch let error as CatalogError {
                    problems.append(error)
                } catch {
                    problems.append(.unreadable(file: Self.display(file), reason: error.localizedDescription))
                }
            }
        }
        plugins.sort { $0.plugin.id < $1.plugin.id }
    }

    private mutating func loadPlaybooks() {
        let byID = pluginsByID
        for folder in paths.playbookFolders {
            for file in Self.playbookFiles(in: folder) {
                do {
                    let playbook = try PlaybookLoader.load(from: file, plugins: byID, displayName: Self.display(file))
                    if let index = playbooks.firstIndex(where: { $0.playbook.id == playbook.id }) {
                        let earlier = playbooks.remove(at: index)
                        playbooks.append(LoadedPlaybook(playbook: playbook, source: file, overridden: earlier.overridden + [earlier.source]))
                    } else {
                        playbooks.append(LoadedPlaybook(playbook: playbook, source: file, overridden: []))
                    }
                } catch let error as CatalogError {
                    problems.append(error)
                } catch {
                    problems.append(.unreadable(file: Self.display(file), reason: error.localizedDescription))
                }
            }
        }
        playbooks.sort { $0.playbook.id < $1.playbook.id }
    }

    /// A path as the user would recognise it: relative to the working directory when inside it.
    public static func display(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
