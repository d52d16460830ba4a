import ArgumentParser
import Foundation
import OutreachCatalog
import OutreachCore
import OutreachSessions

struct ReloadCommand: ShellCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Read plugins and playbooks again, to use added or changed files without leaving.")
    static let group = CommandGroup.sectors
    static let example = "reload"

    func run(in context: ShellContext) throws {
        let old = context.catalog
        if context.activeRun != nil { throw SessionError.alreadyInPlaybook(command: "reload") }
        let fresh = Catalog(paths: Launcher.searchPaths(old.paths, for: context.database) { context.printWarning($0) })
        try context.engine.reload(catalog: fresh)
        let changes = CatalogChanges(from: old, to: fresh)
        guard !changes.isEmpty else {
            context.print("Reloaded: no plugin or playbook changed.")
            return
        }
        var lines: [String] = []
        for (label, items) in [("Added", changes.added), ("Changed", changes.changed), ("Removed", changes.removed)] where !items.isEmpty {
            lines.append("\(label): \(items.joined(separator: ", ")).")
        }
        context.print((["Reloaded."] + lines).joined(separator: "\n"))
        for problem in changes.newlyBroken {
            context.printWarning("skipped \(problem.localizedDescription)")
        }
    }
}
