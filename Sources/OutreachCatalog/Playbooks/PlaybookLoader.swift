import Foundation
import OutreachCore

/// Reads and validates playbook files against the plugins whose question sets they include.
public enum PlaybookLoader {
    public static let supportedFormat = 1
    static let topKeys = ["format", "id", "title", "summary", "version", "sectors", "steps"]
    public static let sectorPlaceholder = "{sector}"

    public static func load(from url: URL, plugins: [String: Plugin], displayName: String? = nil) throws -> Playbook {
        try load(from: url, plugins: PluginLookup(plugins), displayName: displayName)
    }

    public static func load(from url: URL, plugins: PluginLookup, displayName: String? = nil) throws -> Playbook {
        let root = try YAMLNode.parse(contentsOf: url, displayName: displayName ?? url.path)
        return try decode(root, plugins: plugins)
    }

    public static func load(yaml: String, file: String, plugins: [String: Plugin]) throws -> Playbook {
        try load(yaml: yaml, file: file, plugins: PluginLookup(plugins))
    }

    public static func load(yaml: String, file: String, plugins: PluginLookup) throws -> Playbook {
        try decode(try YAMLNode.parse(yaml, file: file), plugins: plugins)
    }

    static func decode(_ root: YAMLNode, plugins: PluginLookup) throws -> Playbook {
        try YAMLMapping.checkFormat(of: root, supported: supportedFormat)
        let map = try root.mapping("the playbook", allowed: topKeys)
        let idNode = try map.required("id")
        let id = try map.string("id")
        guard QuestionDecoding.isValidPlainID(id) else {
            throw CatalogError.invalidID(idNode.location, id: id, rule: "use lowercase letters, digits and '-', starting with a letter")
        }
        let sectors = try map.stringList("sectors").filter { $0 != "any" }
        for (index, sector) in sectors.enumerated() where !plugins.sectorIDs.contains(sector) {
            let known = plugins.sectorIDs.sorted()
            throw CatalogError.invalidValue(try map.list("sectors")[index].location, key: "sectors", value: sector, allowed: ["any"] + known)
        }
        let stepNodes = try map.list("steps")
        if stepNodes.isEmpty { throw CatalogError.tooFew(map["steps"]?.location ?? map.location, key: "steps", minimum: 1) }

        var validator = Validator(plugins: plugins)
        var steps: [Playbook.Step] = []
        var stepLines: [String: Int] = [:]
        for stepNode in stepNodes {
            let stepMap = try stepNode.mapping("a step", allowed: ["id", "title", "intro", "questions"])
            let stepIDNode = try stepMap.required("id")
            let stepID = try stepMap.string("id")
            guard QuestionDecoding.isValidPlainID(stepID) else {
                throw CatalogError.invalidID(stepIDNode.location, id: stepID, rule: "use lowercase letters, digits and '-', such as 'wrap-up'")
            }
            if let first = stepLines[stepID] { throw CatalogError.duplicateID(stepIDNode.location, id: stepID, firstLine: first) }
            stepLines[stepID] = stepIDNode.location.line
            var items: [Playbook.Item] = []
            for itemNode in try stepMap.list("questions") {
                items.append(try validator.item(from: itemNode))
            }
            steps.append(Playbook.Step(
                id: stepID, title: try stepMap.optionalString("title") ?? DashStep(rawValue: stepID)?.title ?? stepID,
                intro: try stepMap.optionalString("intro"), items: items))
        }
        try validator.checkConditions()
        return Playbook(
            id: id, title: try map.string("title"), summary: try map.optionalString("summary") ?? "",
            version: try map.string("version"), sectors: sectors, steps: steps)
    }

    /// Tracks question ids in order so duplicates and forward conditions are caught with their lines.
    private struct Validator {
        let plugins: PluginLookup
        var known: [String: (line: Int, question: Question)] = [:]
        var order: [String] = []
        var pendingConditions: [(location: SourceLocation, condition: Condition, index: Int)] = []

        init(plugins: PluginLookup) { self.plugins = plugins }

        mutating func item(from node: YAMLNode) throws -> Playbook.Item {
            if case .mapping(let mapping) = node.node, mapping.keys.contains(where: { $0.scalar?.string == "include" }) {
                let map = try node.mapping("an include", allowed: ["include"])
                let refNode = try map.required("include")
                let reference = try map.string("include")
                for question in try questions(for: reference, at: refNode.location) {
                    try add(question, line: refNode.location.line, location: refNode.location)
                }
                return .include(reference)
            }
            let (question, idNode) = try QuestionDecoding.question(from: node, allowed: QuestionDecoding.playbookKeys, conditions: true)
            if let condition = question.condition {
                let whenNode = try node.mapping("a question", allowed: QuestionDecoding.playbookKeys)["when"]!
                pendingConditions.append((whenNode.location, condition, order.count))
            }
            try add(question, line: idNode.location.line, location: idNode.location)
            return .question(question)
        }

        private mutating func add(_ question: Question, line: Int, location: SourceLocation) throws {
            if let first = known[question.id] { throw CatalogError.duplicateID(location, id: question.id, firstLine: first.line) }
            known[question.id] = (line, question)
            order.append(question.id)
        }

        func questions(for reference: String, at location: SourceLocation) throws -> [Question] {
            let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw CatalogError.unknownInclude(location, reference: reference, reason: "write it as 'plugin.step', such as 'dash.listen' or '{sector}.listen'")
            }
            if parts[0] == PlaybookLoader.sectorPlaceholder {
                guard DashStep(rawValue: parts[1]) != nil else {
                    throw CatalogError.unknownInclude(location, reference: reference, reason: "sector plugins have question sets for homework, listen and value only")
                }
                return []
            }
            guard let plugin = plugins.plugin(parts[0]) else {
                let ids = plugins.ids.sorted().joined(separator: ", ")
                throw CatalogError.unknownInclude(location, reference: reference, reason: "there is no plugin '\(parts[0])' (plugins found: \(ids))")
            }
            guard let questions = plugin.questions(for: parts[1]) else {
                let sets = plugin.questionSets.map(\.step).joined(separator: ", ")
                throw CatalogError.unknownInclude(location, reference: reference, reason: "the plugin '\(plugin.id)' has no question set '\(parts[1])' (its sets: \(sets))")
            }
            return questions
        }

        func checkConditions() throws {
            for pending in pendingConditions {
                let target = pending.condition.question
                guard let position = order.firstIndex(of: target) else {
                    throw CatalogError.conditionUnknownQuestion(pending.location, question: target)
                }
                guard position < pending.index else { throw CatalogError.conditionLaterQuestion(pending.location, question: target) }
                let question = known[target]!.question
                guard question.kind == .choice || question.kind == .multi else { continue }
                for value in pending.condition.namedValues
                where !question.choices.contains(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) {
                    throw CatalogError.conditionUnknownChoice(pending.location, value: value, question: target, choices: question.choices)
                }
            }
        }
    }
}

/// How a playbook finds the plugins it includes, without needing every plugin parsed.
public struct PluginLookup {
    public var ids: [String]
    public var sectorIDs: [String]
    public var plugin: (String) -> Plugin?

    public init(ids: [String], sectorIDs: [String], plugin: @escaping (String) -> Plugin?) {
        self.ids = ids
        self.sectorIDs = sectorIDs
        self.plugin = plugin
    }

    public init(_ plugins: [String: Plugin]) {
        self.init(ids: Array(plugins.keys), sectorIDs: plugins.values.filter { $0.kind == .sector }.map(\.id)) { plugins[$0] }
    }
}
