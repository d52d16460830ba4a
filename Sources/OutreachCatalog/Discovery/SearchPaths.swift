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
        // Folders are said to be folders: otherwise `URL` asks the file system at every start.
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("outreach", isDirectory: true)
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/outreach", isDirectory: true)
    }

    static func folders(_ value: String?) -> [URL] {
        (value ?? "").split(separator: ":").filter { !$0.isEmpty }.map { URL(fileURLWithPath: String($0)) }
    }

    /// `OUTREACH_HOME` if set; else `../share/outreach` beside the executable (after `make install`);
    /// else the nearest folder above the executable that holds `Plugins/` and `playbooks/` (`swift run`, `swift test`).
    /// Works on path strings: it runs at every start, where `Bundle.main` and `URL`'s path
    /// arithmetic cost more than the rest of finding the folder.
    static func builtinFolder(environment: [String: String]) -> URL? {
        if let home = environment["OUTREACH_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        guard let executable = executablePath() else { return nil }
        let binFolder = parent(of: executable)
        let installed = parent(of: binFolder) + "/share/outreach"
        if holdsContent(installed) { return URL(fileURLWithPath: installed, isDirectory: true) }
        var folder = binFolder
        while folder != "/" {
            if holdsContent(folder) { return URL(fileURLWithPath: folder, isDirectory: true) }
            folder = parent(of: folder)
        }
        return nil
    }

    /// The running executable's path with every symbolic link resolved.
    static func executablePath() -> String? {
        #if os(Linux)
        if let resolved = realpath("/proc/self/exe", nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }

    /// The folder holding `path` (an absolute path): "/" for a top-level entry and for "/" itself.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private static func holdsContent(_ folder: String) -> Bool {
        let base = folder == "/" ? "" : folder
        return FileManager.default.fileExists(atPath: base + "/Plugins")
            && FileManager.default.fileExists(atPath: base + "/playbooks")
    }
}
