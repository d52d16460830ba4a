import OutreachCatalog
import OutreachCore

extension Catalog {
    /// The sector plugin with this id, or an error with "did you mean".
    public func requireSector(_ id: String) throws -> Plugin {
        if let plugin = plugin(id), plugin.kind == .sector { return plugin }
        throw SessionError.unknownSector(id, suggestion: Suggestions.phrase(for: id, in: sectors.map(\.id)))
    }

    public func requirePlugin(_ id: String) throws -> Plugin {
        if let plugin = plugin(id) { return plugin }
        throw SessionError.unknownPlugin(id, suggestion: Suggestions.phrase(for: id, in: plugins.map(\.plugin.id)))
    }

    public func requirePlaybook(_ id: String) throws -> LoadedPlaybook {
        if let playbook = playbook(id) { return playbook }
        throw SessionError.unknownPlaybook(id, suggestion: Suggestions.phrase(for: id, in: playbooks.map(\.playbook.id)))
    }
}
