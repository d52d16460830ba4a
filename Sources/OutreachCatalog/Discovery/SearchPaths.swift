import Foundation

/// Where plugins, playbooks and the user's data live, in the order they are searched.
public struct SearchPaths: Sendable {
    /// The folder holding the built-in `Plugins/` and `playbooks/` (the source tree or `PREFIX/share/outreach`).
    public var builtin: URL?
    /// `$XDG_DATA_HOME/outreach`, else `~/.local/share/outreach`.
    public var dataDirectory: URL
    /// Folders from `OUTREACH_PLUGIN_PATH`.
    public var extraPluginFolders: [URL]
    /// Folders from `OUTREACH_PLAYBOOK_PATH`.
    public var extraPlaybookFolders: [URL]
    /// The private copy of the playbooks published to the team database in use (none with SQLite).
    public var teamPlaybookFolder: URL?

    public init(builtin: URL?, dataDirectory: URL, extraPluginFolders: [URL] = [], extraPlaybookFolders: [URL] = []) {
        self.builtin = builtin
        self.dataDirectory = dataDirectory
        self.extraPluginFolders = extraPluginFolders
        self.extraPlaybookFolders = extraPlaybookFolders
    }

    /// The standard paths, found from the environment and the running executable.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SearchPaths {
        SearchPaths(
            builtin: builtinFolder(environment: environment),
            dataDirectory: dataDirectory(environment: environment),
            extraPluginFolders: folders(environment["OUTREACH_PLUGIN_PATH"]),
            extraPlaybookFolders: folders(environment["OUTREACH_PLAYBOOK_PATH"]))
    }

    /// Plugin folders in search order: built-in, user, then `OUTREACH_PLUGIN_PATH`.
    public var pluginFolders: [URL] {
        [builtin?.appendingPathComponent("Plugins"), dataDirectory.appendingPathComponent("plugins")].compactMap { $0 } + extraPluginFolders
    }

    /// Playbook folders in search order: built-in, the team database's, user, then
    /// `OUTREACH_PLAYBOOK_PATH`; a later folder's playbook overrides an earlier one with its id.
    public var playbookFolders: [URL] {
        [builtin?.appendingPathComponent("playbooks"), teamPlaybookFolder, userPlaybookFolder].compactMap { $0 } + extraPlaybookFolders
    }

    public var userPlaybookFolder: URL { dataDirectory.appendingPathComponent("playbooks") }

    public static func dataDirectory(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("outreach")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/outreach")
    }

    static func folders(_ value: String?) -> [URL] {
        (value ?? "").split(separator: ":").filter { !$0.isEmpty }.map { URL(fileURLWithPath: String($0)) }
    }

    /// `OUTREACH_HOME` if set; else `../share/outreach` beside the executable (after `make install`);
    /// else the nearest folder above the executable that holds `Plugins/` and `playbooks/` (`swift run`, `swift test`).
    static func builtinFolder(environment: [String: String]) -> URL? {
        if let home = environment["OUTREACH_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        let binFolder = executable.deletingLastPathComponent()
        let installed = binFolder.deletingLastPathComponent().appendingPathComponent("share/outreach")
        if holdsContent(installed) { return installed }
        var folder = binFolder
        while folder.path != "/" {
            if holdsContent(folder) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    private static func holdsContent(_ folder: URL) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: folder.appendingPathComponent("Plugins").path)
            && manager.fileExists(atPath: folder.appendingPathComponent("playbooks").path)
    }
}
