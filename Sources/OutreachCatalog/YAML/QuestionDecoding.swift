import Foundation
import OutreachCore

/// Reads one question mapping; shared by plugin question sets and inline playbook questions.
enum QuestionDecoding {
    static let pluginKeys = ["id", "text", "tip", "kind", "choices", "scale", "required", "tags", "captures"]
    static let playbookKeys = pluginKeys + ["when"]
    static let idRule = "use lowercase letters, digits, '-', '_' and '.', such as 'housing.listen.funding'"

    static func question(from node: YAMLNode, allowed: [String], conditions: Bool) throws -> (Question, YAMLNode) {
        let map = try node.mapping("a question", allowed: allowed)
        let idNode = try map.required("id")
        let id = try map.string("id")
        guard isValidQuestionID(id) else { throw CatalogError.invalidID(idNode.location, id: id, rule: idRule) }
        let kind = try map.enumeration("kind", as: Question.Kind.self, default: .text)
        let choices = try map.stringList("choices")
        switch kind {
        case .choice, .multi:
            if choices.count < 2 { throw CatalogError.choicesRequired(map["choices"]?.location ?? map.location, question: id) }
        default:
            if map.has("choices") {
                throw CatalogError.choicesNotAllowed(map["choices"]!.location, question: id, kind: kind.rawValue)
            }
        }
        var scale: Question.Scale?
        if let scaleNode = map["scale"] {
            let scaleMap = try scaleNode.mapping("the scale", allowed: ["min", "max", "low", "high"])
            scale = Question.Scale(
                min: try scaleMap.optionalInt("min") ?? 1, max: try scaleMap.optionalInt("max") ?? 5,
                low: try scaleMap.optionalString("low"), high: try scaleMap.optionalString("high"))
            if scale!.min >= scale!.max {
                throw CatalogError.wrongType(scaleNode.location, key: "scale", expected: "a range whose 'min' is below its 'max'")
            }
        }
        let condition = conditions ? try map["when"].map(condition(from:)) : nil
        let question = Question(
            id: id, text: try map.string("text"), tip: try map.optionalString("tip"), kind: kind,
            choices: choices, scale: scale, required: try map.bool("required", default: false), condition: condition,
            tags: try tags(from: map), captures: try map.optionalEnumeration("captures", as: Question.Captures.self))
        return (question, idNode)
    }

    static let tagRule = "a list of lowercase words made of letters, digits and '-', such as [ask, risk, next-steps]"

    /// The question's `tags`: plain lowercase words, each kept once, in the order written.
    static func tags(from map: YAMLMapping) throws -> [String] {
        var tags: [String] = []
        for node in try map.list("tags") {
            let tag = try node.string(key: "tags")
            guard isValidPlainID(tag) else {
                throw CatalogError.invalidTag(node.location, tag: tag, rule: tagRule)
            }
            if !tags.contains(tag) { tags.append(tag) }
        }
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
