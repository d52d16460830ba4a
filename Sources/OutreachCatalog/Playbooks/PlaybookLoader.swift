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

    /// Checks a playbook file against the plugins and reports every problem, sorted by line and column.
    /// Malformed YAML stops the check at its first syntax error.
    public static func check(from url: URL, plugins: PluginLookup, displayName: String? = nil) -> CheckResult<Playbook> {
        let collector = ProblemCollector()
        return .run(collector) {
            try decode(try YAMLNode.parse(contentsOf: url, displayName: displayName ?? url.path, problems: collector), plugins: plugins)
        }
    }

    public static func check(yaml: String, file: String, plugins: PluginLookup) -> CheckResult<Playbook> {
        let collector = ProblemCollector()
        return .run(collector) { try decode(try YAMLNode.parse(yaml, file: file, problems: collector), plugins: plugins) }
    }

    /// Decodes a playbook; like `PluginLoader.decode`, it throws the first problem unless the root collects them.
    static func decode(_ root: YAMLNode, plugins: PluginLookup) throws -> Playbook {
        try YAMLMapping.checkFormat(of: root, supported: supportedFormat)
        let map = try root.mapping("the playbook", allowed: topKeys, needs: ["format", "id", "title", "version", "steps"])
        let id = try map.recover { () throws -> String in
            let idNode = try map.required("id")
            let id = try map.string("id")
            guard QuestionDecoding.isValidPlainID(id) else {
                throw CatalogError.invalidID(idNode.location, id: id, rule: "use lowercase letters, digits and '-', starting with a letter")
            }
            return id
        }
        let sectorNodes = try map.recover { try map.list("sectors") } ?? []
        let sectors = try root.each(sectorNodes) { node -> String in
            let sector = try node.string(key: "sectors")
            if sector != "any", !plugins.sectorIDs.contains(sector) {
                throw CatalogError.invalidValue(node.location, key: "sectors", value: sector, allowed: ["any"] + plugins.sectorIDs.sorted())
            }
            return sector
        }.filter { $0 != "any" }
        let stepNodes = try map.recover { () throws -> [YAMLNode] in
            let nodes = try map.list("steps")
            if nodes.isEmpty { throw CatalogError.tooFew(map["steps"]?.location ?? map.location, key: "steps", minimum: 1) }
            return nodes
        } ?? []

        var validator = Validator(plugins: plugins)
        var stepLines: [String: Int] = [:]
        let steps = try root.each(stepNodes) { stepNode -> Playbook.Step in
            let stepMap = try stepNode.mapping("a step", allowed: ["id", "title", "intro", "questions"], needs: ["id", "questions"])
            let stepID = try stepMap.recover { () throws -> String in
                let stepIDNode = try stepMap.required("id")
                let stepID = try stepMap.string("id")
                guard QuestionDecoding.isValidPlainID(stepID) else {
                    throw CatalogError.invalidID(stepIDNode.location, id: stepID, rule: "use lowercase letters, digits and '-', such as 'wrap-up'")
                }
                if let first = stepLines[stepID] { throw CatalogError.duplicateID(stepIDNode.location, id: stepID, firstLine: first) }
                stepLines[stepID] = stepIDNode.location.line
                return stepID
            }
            let items = try stepNode.each(try stepMap.recover { try stepMap.list("questions") } ?? []) { try validator.item(from: $0) }
            let title = try stepMap.recover { try stepMap.optionalString("title") }
            let intro = try stepMap.recover { try stepMap.optionalString("intro") }
            guard let stepID, let title, let intro else { throw ProblemCollector.AlreadyRecorded() }
            return Playbook.Step(id: stepID, title: title ?? DashStep(rawValue: stepID)?.title ?? stepID, intro: intro, items: items)
        }
        try validator.checkConditions(root)
        let title = try map.recover { try map.string("title") }
        let summary = try map.recover { try map.optionalString("summary") }
        let version = try map.recover { try map.string("version") }
        if root.problems.map({ !$0.problems.isEmpty }) ?? false { throw ProblemCollector.AlreadyRecorded() }
        guard let id, let title, let summary, let version else { throw ProblemCollector.AlreadyRecorded() }
        return Playbook(id: id, title: title, summary: summary ?? "", version: version, sectors: sectors, steps: steps)
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
            let decoded: (Question, YAMLNode)
            do {
                decoded = try QuestionDecoding.question(from: node, allowed: QuestionDecoding.playbookKeys, conditions: true)
            } catch {
                // Keep the place of a broken question, so conditions on it are not reported as unknown too.
                if node.problems != nil, case .mapping(let mapping) = node.node,
                   let id = mapping.first(where: { $0.key.scalar?.string == "id" })?.value.scalar?.string, known[id] == nil {
                    order.append(id)
                }
                throw error
            }
            let (question, idNode) = decoded
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

        func checkConditions(_ root: YAMLNode) throws {
            for pending in pendingConditions { _ = try root.recover { try check(pending) } }
        }

        private func check(_ pending: (location: SourceLocation, condition: Condition, index: Int)) throws {
            let target = pending.condition.question
            guard let position = order.firstIndex(of: target) else {
                throw CatalogError.conditionUnknownQuestion(pending.location, question: target)
            }
            guard position < pending.index else { throw CatalogError.conditionLaterQuestion(pending.location, question: target) }
            guard let question = known[target]?.question else { return }  // broken itself, and reported
            guard question.kind == .choice || question.kind == .multi else { return }
            for value in pending.condition.namedValues
            where !question.choices.contains(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) {
                throw CatalogError.conditionUnknownChoice(pending.location, value: value, question: target, choices: question.choices)
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
