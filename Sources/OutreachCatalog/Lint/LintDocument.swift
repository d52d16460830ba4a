import Foundation
import Yams

/// A content-guideline warning: the file is valid, but a reader would be let down by it.
public struct LintWarning: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var ruleID: String

    public init(location: SourceLocation, message: String, ruleID: String) {
        self.location = location
        self.message = message
        self.ruleID = ruleID
    }

    /// `FILE:LINE:COLUMN: warning: message [rule-id]`, as `plugin lint` and `playbook lint` print it.
    public var description: String { "\(location): warning: \(message) [\(ruleID)]" }
}

/// What a lint rule reads: a plugin or playbook file that already passed its check, seen as YAML
/// with the position of every value, so warnings point at the line to change.
public struct LintDocument {
    public enum Kind: String, Sendable, CaseIterable { case plugin, playbook }

    /// A text value and where it is.
    public struct Text {
        public var text: String
        public var location: SourceLocation
    }

    /// A question written in the file (not one included from a plugin).
    public struct QuestionEntry {
        public var id: String
        /// The question set (plugins) or playbook step it is in.
        public var step: String
        public var text: Text?
        public var tip: String?
        public var tags: [String]
        public var location: SourceLocation
    }

    public struct GlossaryTerm {
        public var term: String
        public var hasElsewhere: Bool
        public var location: SourceLocation
    }

    public let kind: Kind
    public let file: String
    let root: YAMLNode
    /// How a playbook's includes are looked up; nil for plugins.
    public let plugins: PluginLookup?

    init(kind: Kind, root: YAMLNode, plugins: PluginLookup?) {
        self.kind = kind
        self.file = root.file
        self.root = root
        self.plugins = plugins
    }

    /// Reads a file for linting (plugin folders as for `PluginLoader`). Throws when the YAML cannot be read.
    public static func read(_ kind: Kind, from url: URL, displayName: String, plugins: PluginLookup? = nil) throws -> LintDocument {
        let file = kind == .plugin ? PluginLoader.resolveFile(url) : url
        return LintDocument(kind: kind, root: try YAMLNode.parse(contentsOf: file, displayName: displayName), plugins: plugins)
    }

    /// Reads YAML text for linting, as the rule examples do.
    public static func parse(_ kind: Kind, yaml: String, file: String, plugins: PluginLookup? = nil) throws -> LintDocument {
        LintDocument(kind: kind, root: try YAMLNode.parse(yaml, file: file), plugins: plugins)
    }

    // MARK: What rules read

    public var location: SourceLocation { root.location }

    /// A top-level value, as text.
    public func topText(_ key: String) -> String? { top(key)?.node.scalar?.string }

    /// The entries of a top-level list (none when absent or not a list).
    func topList(_ key: String) -> [YAMLNode] {
        guard let node = top(key), case .sequence(let items) = node.node else { return [] }
        return items.map(node.child)
    }

    /// Where a top-level key is written, or the start of the file.
    public func place(of key: String) -> SourceLocation {
        guard case .mapping(let mapping) = root.node,
              let pair = mapping.first(where: { $0.key.scalar?.string == key }) else { return root.location }
        return root.child(pair.key).location
    }

    /// Keys whose values are identifiers or fixed words rather than prose.
    static let identifierKeys: Set<String> = [
        "format", "id", "version", "kind", "include", "tags", "captures", "lens", "horizon", "way", "perspective",
        "topic", "sectors", "sector", "question", "equals", "in", "answered", "required", "min", "max",
    ]

    /// Every prose value in the file (not keys, ids or fixed words), in file order.
    public var texts: [Text] {
        var found: [Text] = []
        func walk(_ node: YAMLNode, key: String?) {
            switch node.node {
            case .scalar(let scalar):
                if !Self.identifierKeys.contains(key ?? "") { found.append(Text(text: scalar.string, location: node.location)) }
            case .mapping(let mapping): for (name, value) in mapping { walk(node.child(value), key: name.scalar?.string) }
            case .sequence(let items): for item in items { walk(node.child(item), key: key) }
            case .alias: break
            }
        }
        walk(root, key: nil)
        return found
    }

    /// The questions written in the file, in file order.
    public var questions: [QuestionEntry] {
        var found: [QuestionEntry] = []
        switch kind {
        case .plugin:
            guard let sets = top("questions"), case .mapping(let mapping) = sets.node else { return [] }
            for (key, value) in mapping {
                guard case .sequence(let items) = value else { continue }
                for item in items { if let entry = question(sets.child(item), step: key.scalar?.string ?? "") { found.append(entry) } }
            }
        case .playbook:
            for step in topList("steps") {
                let stepID = Self.entry("id", of: step)?.node.scalar?.string ?? ""
                guard let list = Self.entry("questions", of: step), case .sequence(let items) = list.node else { continue }
                for item in items { if let entry = question(list.child(item), step: stepID) { found.append(entry) } }
            }
        }
        return found
    }

    /// A playbook's includes (`plugin.step`) and where each is written.
    public var includes: [Text] {
        guard kind == .playbook else { return [] }
        return topList("steps").flatMap { step -> [Text] in
            guard let list = Self.entry("questions", of: step), case .sequence(let items) = list.node else { return [] }
            return items.compactMap { item in
                let node = list.child(item)
                return Self.entry("include", of: node).flatMap { ref in ref.node.scalar.map { Text(text: $0.string, location: ref.location) } }
            }
        }
    }

    public var glossary: [GlossaryTerm] {
        topList("glossary").compactMap { node in
            guard let term = Self.entry("term", of: node)?.node.scalar?.string else { return nil }
            let elsewhere = Self.entry("elsewhere", of: node)
            let hasElsewhere: Bool
            if case .sequence(let items)? = elsewhere?.node { hasElsewhere = !items.isEmpty } else { hasElsewhere = false }
            return GlossaryTerm(term: term, hasElsewhere: hasElsewhere, location: node.location)
        }
    }

    // MARK: Internals

    private func top(_ key: String) -> YAMLNode? { Self.entry(key, of: root) }

    private static func entry(_ key: String, of node: YAMLNode) -> YAMLNode? {
        guard case .mapping(let mapping) = node.node,
              let pair = mapping.first(where: { $0.key.scalar?.string == key }) else { return nil }
        return node.child(pair.value)
    }

    private func question(_ node: YAMLNode, step: String) -> QuestionEntry? {
        guard case .mapping = node.node, Self.entry("include", of: node) == nil,
              let id = Self.entry("id", of: node)?.node.scalar?.string else { return nil }
        let text = Self.entry("text", of: node).flatMap { t in t.node.scalar.map { Text(text: $0.string, location: t.location) } }
        var tags: [String] = []
        if case .sequence(let items)? = Self.entry("tags", of: node)?.node { tags = items.compactMap { $0.scalar?.string } }
        let tip = Self.entry("tip", of: node)?.node.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return QuestionEntry(id: id, step: step, text: text, tip: tip?.isEmpty == true ? nil : tip, tags: tags, location: node.location)
    }
}
