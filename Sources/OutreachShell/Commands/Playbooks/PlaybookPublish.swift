import ArgumentParser
import Foundation
import OutreachCatalog
import OutreachSessions
import OutreachStore

extension PlaybookCommand {
    /// `playbook publish`: a checked playbook file stored in the team database, for every lead.
    struct Publish: ShellCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish", abstract: "Share a playbook with every lead through the team database.",
            discussion: "The file is checked first. Every lead's 'playbooks' lists it with the source 'team database' after "
                + "'reload' or their next start. The same id and version must always mean the same file: to change a published "
                + "playbook, raise its 'version:' and publish again. Sessions keep the copy they started with.")
        static let group = CommandGroup.playbooks
        static let example = "playbook publish ./shared/playbooks/food-first.yaml"

        @Argument(help: "A playbook file, or the id of a playbook you have.") var playbook: String

        func run(in context: ShellContext) throws {
            let path: String
            if FileManager.default.fileExists(atPath: TypedPath.expand(playbook)) {
                path = TypedPath.expand(playbook)
            } else {
                path = try context.playbook(playbook).source.path
            }
            let checked = try Check.checked(path, in: context, command: "playbook publish")
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw CatalogError.unreadable(file: path, reason: error.localizedDescription)
            }
            guard let source = String(data: data, encoding: .utf8) else {
                throw CatalogError.unreadable(file: path, reason: "it is not UTF-8 text")
            }
            let outcome = try context.database.publishPlaybook(
                id: checked.id, version: checked.version, digest: PlaybookResolver.digest(of: data),
                fileName: URL(fileURLWithPath: path).lastPathComponent, source: source)
            switch outcome {
            case .published:
                context.print("Published \(checked.id) \(checked.version) to the team database. Every lead sees it after 'reload' or their next start.")
            case .alreadyPublished:
                context.print("\(checked.id) \(checked.version) is already published, with the same contents; nothing changed.")
            }
        }
    }
}
