import Foundation
import OutreachCore

/// Reads one question mapping; shared by plugin question sets and inline playbook questions.
enum QuestionDecoding {
    static let pluginKeys = ["id", "text", "tip", "kind", "choices", "scale", "required", "tags", "captures"]
    static let playbookKeys = pluginKeys + ["when"]
    static let idRule = "use lowercase letters, digits, '-', '_' and '.', such as 'housing.listen.funding'"

    static func question(from node: YAMLNode, allowed: [String], conditions: Bool) throws -> (Question, YAMLNode) {
        let map = try node.mapping("a question", allowed: allowed, needs: ["id", "text"])
        let idNode = try map.recover { try map.required("id") }
        let id = try map.recover { () throws -> String? in
            guard let idNode else { return nil }
            let id = try map.string("id")
            guard isValidQuestionID(id) else { throw CatalogError.invalidID(idNode.location, id: id, rule: idRule) }
            return id
        }
        let named = (id ?? nil) ?? "(this question)"
        let kind = try map.recover { try map.enumeration("kind", as: Question.Kind.self, default: .text) }
        let choices = try map.recover { () throws -> [String] in
            let choices = try map.stringList("choices")
            switch kind {
            case .choice, .multi:
                if choices.count < 2 { throw CatalogError.choicesRequired(map["choices"]?.location ?? map.location, question: named) }
            case nil: break
            default:
                if map.has("choices") {
                    throw CatalogError.choicesNotAllowed(map["choices"]!.location, question: named, kind: kind!.rawValue)
                }
            }
            return choices
        }
        let scale = try map.recover { () throws -> Question.Scale? in
            guard let scaleNode = map["scale"] else { return nil }
            let scaleMap = try scaleNode.mapping("the scale", allowed: ["min", "max", "low", "high"], needs: ["min", "max"])
            let scale = Question.Scale(
                min: try scaleMap.optionalInt("min") ?? 1, max: try scaleMap.optionalInt("max") ?? 5,
                low: try scaleMap.optionalString("low"), high: try scaleMap.optionalString("high"))
            if scale.min >= scale.max {
                throw CatalogError.wrongType(scaleNode.location, key: "scale", expected: "a range whose 'min' is below its 'max'")
            }
            return scale
        }
        let condition = try map.recover { () throws -> Condition? in
            guard conditions, let when = map["when"] else { return nil }
            return try Self.condition(from: when)
        }
        let text = try map.recover { try map.string("text") }
        let tip = try map.recover { try map.optionalString("tip") }
        let required = try map.recover { try map.bool("required", default: false) }
        let tags = try map.recover { try Self.tags(from: map) }
        let captures = try map.recover { try map.optionalEnumeration("captures", as: Question.Captures.self) }
        guard let idNode, let id = id ?? nil, let kind, let choices, let scale, let condition, let text, let tip, let required, let tags, let captures else {
            throw ProblemCollector.AlreadyRecorded()
        }
        let question = Question(
            id: id, text: text, tip: tip, kind: kind, choices: choices, scale: scale, required: required,
            condition: condition, tags: tags, captures: captures)
        return (question, idNode)
    }

    static let tagRule = "a list of lowercase words made of letters, digits and '-', such as [ask, risk, next-steps]"

    /// The question's `tags`: plain lowercase words, each kept once, in the order written.
    static func tags(from map: YAMLMapping) throws -> [String] {
        var tags: [String] = []
        var broken = false
        for node in try map.list("tags") {
            let tag = try node.recover { () throws -> String in
                let tag = try node.string(key: "tags")
                guard isValidPlainID(tag) else { throw CatalogError.invalidTag(node.location, tag: tag, rule: tagRule) }
                return tag
            }
            guard let tag else { broken = true; continue }
            if !tags.contains(tag) { tags.append(tag) }
        }
        if broken { throw ProblemCollector.AlreadyRecorded() }
        return tags
    }

    static func condition(from node: YAMLNode) throws -> Condition {
        let map = try node.mapping("the condition 'when'", allowed: ["question", "equals", "in", "answered"])
        let question = try map.string("question")
        let tests = ["equals", "in", "answered"].filter(map.has)
        guard tests.count == 1 else {
            throw CatalogError.missingKey(map.location, key: "equals', 'in' or 'answered", context: "the condition (exactly one of them)")
        }
        switch tests[0] {
        case "equals": return Condition(question: question, test: .equals(try map.string("equals")))
        case "in":
            let values = try map.stringList("in")
            if values.isEmpty { throw CatalogError.tooFew(try map.required("in").location, key: "in", minimum: 1) }
            return Condition(question: question, test: .oneOf(values))
        default:
            guard try map.bool("answered", default: true) else {
                throw CatalogError.invalidValue(try map.required("answered").location, key: "answered", value: "false", allowed: ["true"])
            }
            return Condition(question: question, test: .answered)
        }
    }

    static func isValidQuestionID(_ id: String) -> Bool {
        !id.isEmpty && id.first!.isLetter && !id.hasSuffix(".")
            && id.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }
            && isASCII(id)
    }

    private static func isASCII(_ id: String) -> Bool { id.unicodeScalars.allSatisfy(\.isASCII) }

    static func isValidPlainID(_ id: String) -> Bool {
        !id.isEmpty && id.first!.isLetter && id.unicodeScalars.allSatisfy(\.isASCII)
            && id.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" }
    }
}
