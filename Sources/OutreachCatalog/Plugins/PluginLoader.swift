import Foundation
import OutreachCore

/// Reads and validates plugin files (`Plugins/<id>/plugin.yaml`).
public enum PluginLoader {
    public static let supportedFormat = 1
    static let topKeys = [
        "format", "id", "name", "version", "kind", "stakeholder", "summary", "drivers", "glossary",
        "values", "steps", "lenses", "tips", "questions",
    ]

    /// Loads a plugin from a folder holding `plugin.yaml`, or from the YAML file itself; throws its first problem.
    public static func load(from url: URL, displayName: String? = nil) throws -> Plugin {
        try load(from: url, displayName: displayName, problems: nil)
    }

    public static func load(yaml: String, file: String) throws -> Plugin {
        try decode(try YAMLNode.parse(yaml, file: file))
    }

    /// Checks a plugin folder or file and reports every problem, sorted by line and column.
    /// Malformed YAML stops the check at its first syntax error.
    public static func check(from url: URL, displayName: String? = nil) -> CheckResult<Plugin> {
        let collector = ProblemCollector()
        return .run(collector) { try load(from: url, displayName: displayName, problems: collector) }
    }

    public static func check(yaml: String, file: String) -> CheckResult<Plugin> {
        let collector = ProblemCollector()
        return .run(collector) { try decode(try YAMLNode.parse(yaml, file: file, problems: collector)) }
    }

    private static func load(from url: URL, displayName: String?, problems: ProblemCollector?) throws -> Plugin {
        let file = resolveFile(url)
        let root = try YAMLNode.parse(contentsOf: file, displayName: displayName ?? file.path, problems: problems)
        let folder = file.deletingLastPathComponent().lastPathComponent
        if file.lastPathComponent == "plugin.yaml", case .mapping(let mapping) = root.node,
           let idNode = mapping.first(where: { $0.key.scalar?.string == "id" }).map({ root.child($0.value) }),
           let id = try? idNode.string(key: "id"), !id.isEmpty, id != folder {
            let mismatch = CatalogError.invalidID(idNode.location, id: id, rule: "a plugin's id must match its folder name '\(folder)'; rename one of them")
            // Loading reports the file's own problems first; checking reports this one among them.
            if let problems { problems.record(mismatch) } else { _ = try decode(root); throw mismatch }
        }
        return try decode(root)
    }

    public static func resolveFile(_ url: URL) -> URL {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return url.appendingPathComponent("plugin.yaml")
        }
        return url
    }

    static let requiredTopKeys = ["format", "id", "name", "version", "kind", "summary"]

    /// Decodes a plugin. Without a collector it throws the first problem; with one it records each
    /// problem, carries on with the next key or entry, and throws `AlreadyRecorded` at the end.
    static func decode(_ root: YAMLNode) throws -> Plugin {
        try YAMLMapping.checkFormat(of: root, supported: supportedFormat)
        let map = try root.mapping("the plugin", allowed: topKeys, needs: requiredTopKeys)
        let id = try map.recover { () throws -> String in
            let idNode = try map.required("id")
            let id = try map.string("id")
            guard QuestionDecoding.isValidPlainID(id) else {
                throw CatalogError.invalidID(idNode.location, id: id, rule: "use lowercase letters, digits and '-', starting with a letter")
            }
            return id
        }
        let kind = try map.recover { try map.enumeration("kind", as: Plugin.Kind.self) }
        if kind == .sector, !map.has("stakeholder") {
            _ = try map.recover { () throws -> Void in throw map.missing("stakeholder", context: "a sector plugin") }
        }
        let steps = try root.each(try map.recover { try map.list("steps") } ?? [], step(from:))
        let name = try map.recover { try map.string("name") }
        let version = try map.recover { try map.string("version") }
        let stakeholder = try map.recover { try map.optionalString("stakeholder") }
        let summary = try map.recover { try map.string("summary") }
        let drivers = try root.each(try map.recover { try map.list("drivers") } ?? [], driver(from:))
        let glossary = try root.each(try map.recover { try map.list("glossary") } ?? [], glossaryEntry(from:))
        let values = try root.each(try map.recover { try map.list("values") } ?? [], valueProposition(from:))
        let lenses = try root.each(try map.recover { try map.list("lenses") } ?? [], lens(from:))
        let tips = try root.each(try map.recover { try map.list("tips") } ?? [], tip(from:))
        let questionSets = try map.recover { try Self.questionSets(map["questions"], pluginID: id, extraSteps: steps.map(\.id)) }
        if root.problems.map({ !$0.problems.isEmpty }) ?? false { throw ProblemCollector.AlreadyRecorded() }
        guard let id, let kind, let name, let version, let stakeholder, let summary, let questionSets else {
            throw ProblemCollector.AlreadyRecorded()
        }
        return Plugin(
            id: id, name: name, version: version, kind: kind, stakeholder: stakeholder, summary: summary,
            drivers: drivers, glossary: glossary, values: values, steps: steps, lenses: lenses, tips: tips,
            questionSets: questionSets)
    }

    /// The question sets; `pluginID` is nil when the plugin's own id is broken (prefixes are then not checked).
    private static func questionSets(_ node: YAMLNode?, pluginID: String?, extraSteps: [String]) throws -> [QuestionSet] {
        guard let node else { return [] }
        let allowed = DashStep.allCases.map(\.rawValue) + extraSteps
        guard case .mapping(let mapping) = node.node else {
            throw CatalogError.wrongType(node.location, key: "questions", expected: "a mapping from step ids to lists of questions, such as 'listen:' followed by lines starting with '- '")
        }
        var sets: [QuestionSet] = []
        var seen: [String: Int] = [:]
        for (key, value) in mapping {
            let keyNode = node.child(key)
            guard let step = try node.recover({ () throws -> String in
                let step = try keyNode.string(key: "questions")
                guard allowed.contains(step) else { throw CatalogError.unknownStep(keyNode.location, step: step, allowed: allowed) }
                return step
            }) else { continue }
            var questions: [Question] = []
            for item in try node.recover({ try node.child(value).sequence(key: step) }) ?? [] {
                _ = try node.recover { () throws -> Void in
                    let (question, idNode) = try QuestionDecoding.question(from: item, allowed: QuestionDecoding.pluginKeys, conditions: false)
                    if let first = seen[question.id] {
                        throw CatalogError.duplicateID(idNode.location, id: question.id, firstLine: first)
                    }
                    seen[question.id] = idNode.location.line
                    if let pluginID, !question.id.hasPrefix(pluginID + ".") {
                        throw CatalogError.invalidID(idNode.location, id: question.id, rule: "a plugin's question ids start with its own id, such as '\(pluginID).\(step).topic'")
                    }
                    questions.append(question)
                }
            }
            sets.append(QuestionSet(step: step, questions: questions))
        }
        return sets
    }

    private static func step(from node: YAMLNode) throws -> StepInfo {
        let map = try node.mapping("a step", allowed: ["id", "title", "intro"], needs: ["id", "title"])
        let id = try map.recover { () throws -> String in
            let id = try map.string("id")
            guard QuestionDecoding.isValidPlainID(id) else {
                throw CatalogError.invalidID(try map.required("id").location, id: id, rule: "use lowercase letters, digits and '-'")
            }
            return id
        }
        let title = try map.recover { try map.string("title") }
        let intro = try map.recover { try map.optionalString("intro") }
        guard let id, let title, let intro else { throw ProblemCollector.AlreadyRecorded() }
        return StepInfo(id: id, title: title, intro: intro)
    }

    private static func driver(from node: YAMLNode) throws -> Driver {
        let map = try node.mapping("a driver", allowed: ["topic", "title", "detail"])
        let topic = try map.recover { try map.enumeration("topic", as: Driver.Topic.self) }
        let title = try map.recover { try map.string("title") }
        let detail = try map.recover { try map.string("detail") }
        guard let topic, let title, let detail else { throw ProblemCollector.AlreadyRecorded() }
        return Driver(topic: topic, title: title, detail: detail)
    }

    private static func glossaryEntry(from node: YAMLNode) throws -> GlossaryEntry {
        let map = try node.mapping("a glossary term", allowed: ["term", "meaning", "elsewhere"], needs: ["term", "meaning"])
        let elsewhere = try node.each(try map.recover { try map.list("elsewhere") } ?? []) { item in
            let other = try item.mapping("an 'elsewhere' entry", allowed: ["sector", "meaning"])
            let sector = try other.recover { try other.string("sector") }
            let meaning = try other.recover { try other.string("meaning") }
            guard let sector, let meaning else { throw ProblemCollector.AlreadyRecorded() }
            return GlossaryEntry.Elsewhere(sector: sector, meaning: meaning)
        }
        let term = try map.recover { try map.string("term") }
        let meaning = try map.recover { try map.string("meaning") }
        guard let term, let meaning else { throw ProblemCollector.AlreadyRecorded() }
        return GlossaryEntry(term: term, meaning: meaning, elsewhere: elsewhere)
    }

    private static func valueProposition(from node: YAMLNode) throws -> ValueProposition {
        let map = try node.mapping("a value", allowed: ["value", "benefits", "lens", "horizon", "detail", "way", "perspective"],
                                   needs: ["value", "benefits", "lens", "horizon"])
        let benefits = try map.recover { () throws -> [String] in
            let benefits = try map.stringList("benefits")
            if benefits.isEmpty { throw CatalogError.missingKey(map.location, key: "benefits", context: "a value") }
            return benefits
        }
        let value = try map.recover { try map.string("value") }
        let lens = try map.recover { try map.enumeration("lens", as: ValueLens.self) }
        let horizon = try map.recover { try map.enumeration("horizon", as: ValueHorizon.self) }
        let detail = try map.recover { try map.optionalString("detail") }
        let way = try map.recover { try map.optionalEnumeration("way", as: ValueWay.self) }
        let perspective = try map.recover { try map.optionalEnumeration("perspective", as: ValuePerspective.self) }
        guard let benefits, let value, let lens, let horizon, let detail, let way, let perspective else {
            throw ProblemCollector.AlreadyRecorded()
        }
        return ValueProposition(value: value, benefits: benefits, lens: lens, horizon: horizon, detail: detail, way: way, perspective: perspective)
    }

    private static func lens(from node: YAMLNode) throws -> Lens {
        let map = try node.mapping("a lens", allowed: ["id", "title", "detail"])
        let id = try map.recover { try map.enumeration("id", as: ValueLens.self) }
        let title = try map.recover { try map.string("title") }
        let detail = try map.recover { try map.string("detail") }
        guard let id, let title, let detail else { throw ProblemCollector.AlreadyRecorded() }
        return Lens(id: id, title: title, detail: detail)
    }

    private static func tip(from node: YAMLNode) throws -> Tip {
        let map = try node.mapping("a tip", allowed: ["id", "text"])
        let id = try map.recover { try map.string("id") }
        let text = try map.recover { try map.string("text") }
        guard let id, let text else { throw ProblemCollector.AlreadyRecorded() }
        return Tip(id: id, text: text)
    }
}
