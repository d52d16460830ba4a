import Foundation
import OutreachCore

/// Reads and validates plugin files (`Plugins/<id>/plugin.yaml`).
public enum PluginLoader {
    public static let supportedFormat = 1
    static let topKeys = [
        "format", "id", "name", "version", "kind", "stakeholder", "summary", "drivers", "glossary",
        "values", "steps", "lenses", "tips", "questions",
    ]

    /// Loads a plugin from a folder holding `plugin.yaml`, or from the YAML file itself.
    public static func load(from url: URL, displayName: String? = nil) throws -> Plugin {
        let file = resolveFile(url)
        let root = try YAMLNode.parse(contentsOf: file, displayName: displayName ?? file.path)
        let plugin = try decode(root)
        let folder = file.deletingLastPathComponent().lastPathComponent
        if file.lastPathComponent == "plugin.yaml", folder != plugin.id {
            let idNode = try root.mapping("the plugin", allowed: topKeys).required("id")
            throw CatalogError.invalidID(idNode.location, id: plugin.id, rule: "a plugin's id must match its folder name '\(folder)'; rename one of them")
        }
        return plugin
    }

    public static func load(yaml: String, file: String) throws -> Plugin {
        try decode(try YAMLNode.parse(yaml, file: file))
    }

    public static func resolveFile(_ url: URL) -> URL {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return url.appendingPathComponent("plugin.yaml")
        }
        return url
    }

    static func decode(_ root: YAMLNode) throws -> Plugin {
        try YAMLMapping.checkFormat(of: root, supported: supportedFormat)
        let map = try root.mapping("the plugin", allowed: topKeys)
        let idNode = try map.required("id")
        let id = try map.string("id")
        guard QuestionDecoding.isValidPlainID(id) else {
            throw CatalogError.invalidID(idNode.location, id: id, rule: "use lowercase letters, digits and '-', starting with a letter")
        }
        let kind = try map.enumeration("kind", as: Plugin.Kind.self)
        if kind == .sector, !map.has("stakeholder") {
            throw CatalogError.missingKey(map.location, key: "stakeholder", context: "a sector plugin")
        }
        let steps = try map.list("steps").map(step(from:))
        let plugin = Plugin(
            id: id, name: try map.string("name"), version: try map.string("version"), kind: kind,
            stakeholder: try map.optionalString("stakeholder"), summary: try map.string("summary"),
            drivers: try map.list("drivers").map(driver(from:)),
            glossary: try map.list("glossary").map(glossaryEntry(from:)),
            values: try map.list("values").map(valueProposition(from:)),
            steps: steps,
            lenses: try map.list("lenses").map(lens(from:)),
            tips: try map.list("tips").map(tip(from:)),
            questionSets: try questionSets(map["questions"], pluginID: id, extraSteps: steps.map(\.id)))
        return plugin
    }

    private static func questionSets(_ node: YAMLNode?, pluginID: String, extraSteps: [String]) throws -> [QuestionSet] {
        guard let node else { return [] }
        let allowed = DashStep.allCases.map(\.rawValue) + extraSteps
        guard case .mapping(let mapping) = node.node else {
            throw CatalogError.wrongType(node.location, key: "questions", expected: "a mapping from step ids to lists of questions")
        }
        var sets: [QuestionSet] = []
        var seen: [String: Int] = [:]
        for (key, value) in mapping {
            let keyNode = YAMLNode(node: key, file: node.file)
            let step = try keyNode.string(key: "questions")
            guard allowed.contains(step) else { throw CatalogError.unknownStep(keyNode.location, step: step, allowed: allowed) }
            var questions: [Question] = []
            for item in try YAMLNode(node: value, file: node.file).sequence(key: step) {
                let (question, idNode) = try QuestionDecoding.question(from: item, allowed: QuestionDecoding.pluginKeys, conditions: false)
                if let first = seen[question.id] {
                    throw CatalogError.duplicateID(idNode.location, id: question.id, firstLine: first)
                }
                guard question.id.hasPrefix(pluginID + ".") else {
                    throw CatalogError.invalidID(idNode.location, id: question.id, rule: "a plugin's question ids start with its own id, such as '\(pluginID).\(step).topic'")
                }
                seen[question.id] = idNode.location.line
                questions.append(question)
            }
            sets.append(QuestionSet(step: step, questions: questions))
        }
        return sets
    }

    private static func step(from node: YAMLNode) throws -> StepInfo {
        let map = try node.mapping("a step", allowed: ["id", "title", "intro"])
        let id = try map.string("id")
        guard QuestionDecoding.isValidPlainID(id) else {
            throw CatalogError.invalidID(try map.required("id").location, id: id, rule: "use lowercase letters, digits and '-'")
        }
        return StepInfo(id: id, title: try map.string("title"), intro: try map.optionalString("intro"))
    }

    private static func driver(from node: YAMLNode) throws -> Driver {
        let map = try node.mapping("a driver", allowed: ["topic", "title", "detail"])
        return Driver(topic: try map.enumeration("topic", as: Driver.Topic.self), title: try map.string("title"), detail: try map.string("detail"))
    }

    private static func glossaryEntry(from node: YAMLNode) throws -> GlossaryEntry {
        let map = try node.mapping("a glossary term", allowed: ["term", "meaning", "elsewhere"])
        let elsewhere = try map.list("elsewhere").map { item in
            let other = try item.mapping("an 'elsewhere' entry", allowed: ["sector", "meaning"])
            return GlossaryEntry.Elsewhere(sector: try other.string("sector"), meaning: try other.string("meaning"))
        }
        return GlossaryEntry(term: try map.string("term"), meaning: try map.string("meaning"), elsewhere: elsewhere)
    }

    private static func valueProposition(from node: YAMLNode) throws -> ValueProposition {
        let map = try node.mapping("a value", allowed: ["value", "benefits", "lens", "horizon", "detail", "way", "perspective"])
        let benefits = try map.stringList("benefits")
        if benefits.isEmpty { throw CatalogError.missingKey(map.location, key: "benefits", context: "a value") }
        return ValueProposition(
            value: try map.string("value"), benefits: benefits,
            lens: try map.enumeration("lens", as: ValueLens.self),
            horizon: try map.enumeration("horizon", as: ValueHorizon.self),
            detail: try map.optionalString("detail"),
            way: try map.optionalEnumeration("way", as: ValueWay.self),
            perspective: try map.optionalEnumeration("perspective", as: ValuePerspective.self))
    }

    private static func lens(from node: YAMLNode) throws -> Lens {
        let map = try node.mapping("a lens", allowed: ["id", "title", "detail"])
        return Lens(id: try map.enumeration("id", as: ValueLens.self), title: try map.string("title"), detail: try map.string("detail"))
    }

    private static func tip(from node: YAMLNode) throws -> Tip {
        let map = try node.mapping("a tip", allowed: ["id", "text"])
        return Tip(id: try map.string("id"), text: try map.string("text"))
    }
}
