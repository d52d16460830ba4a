import Foundation
import Yams
import OutreachCore

/// A node of a parsed YAML file that remembers where it came from, so every problem can be
/// reported with file, line and column.
struct YAMLNode {
    let node: Node
    let file: String
    /// Set when checking a file: problems are recorded here and decoding goes on past them.
    var problems: ProblemCollector?

    init(node: Node, file: String, problems: ProblemCollector? = nil) {
        self.node = node
        self.file = file
        self.problems = problems
    }

    /// A node inside this one, collecting problems into the same place.
    func child(_ node: Node) -> YAMLNode { YAMLNode(node: node, file: file, problems: problems) }

    /// Runs `body`. When collecting, a problem it throws is recorded and nil is returned, so the
    /// caller can go on to the next key or entry; otherwise the problem is thrown as usual.
    func recover<T>(_ body: () throws -> T) throws -> T? {
        guard let problems else { return try body() }
        do { return try body() } catch let error as CatalogError {
            problems.record(error)
            return nil
        } catch is ProblemCollector.AlreadyRecorded {
            return nil
        }
    }

    /// Decodes each entry of a list, skipping (when collecting) those with problems.
    func each<T>(_ nodes: [YAMLNode], _ decode: (YAMLNode) throws -> T) throws -> [T] {
        try nodes.compactMap { node in try recover { try decode(node) } }
    }

    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// Parses a whole file. Malformed YAML becomes `CatalogError.malformedYAML` at the problem's position;
    /// a file over `YAMLLimits.standard` becomes `CatalogError.yamlLimit` before anything else is done with it.
    static func parse(contentsOf url: URL, displayName: String, problems: ProblemCollector? = nil) throws -> YAMLNode {
        try parse(try read(url, displayName: displayName), file: displayName, problems: problems)
    }

    static func parse(_ text: String, file: String, problems: ProblemCollector? = nil) throws -> YAMLNode {
        try YAMLBudget.check(text, file: file)
        do {
            guard let node = try Yams.compose(yaml: text) else { throw CatalogError.emptyFile(file: file) }
            return YAMLNode(node: node, file: file, problems: problems)
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        }
    }

    /// The file's text, reading no more than one byte past the size limit.
    private static func read(_ url: URL, displayName: String) throws -> String {
        let limit = YAMLLimits.standard.bytes
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw CatalogError.unreadable(file: displayName, reason: (error as NSError).localizedDescription)
        }
        guard data.count <= limit else {
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? data.count
            throw CatalogError.yamlLimit(SourceLocation(file: displayName, line: 1, column: 1),
                                         .bytes(found: max(size, data.count), limit: limit))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CatalogError.unreadable(file: displayName, reason: "it is not UTF-8 text; save it as UTF-8")
        }
        return text
    }

    private static func describe(_ error: YamlError, file: String) -> CatalogError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            // At the end of the file (an unclosed quote, say), the place the construct began is the useful one.
            let lineCount = Self.yamlLineCount(of: error)
            let place = (mark.line > lineCount ? context?.mark : nil) ?? mark
            return .malformedYAML(SourceLocation(file: file, line: place.line, column: place.column), problem: detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .malformedYAML(
                SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                problem: "the key '\(duplicates.joined(separator: "', '"))' appears twice in one mapping")
        default:
            return .malformedYAML(SourceLocation(file: file, line: 1, column: 1), problem: "\(error)")
        }
    }

    private static func yamlLineCount(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, _, let yaml), .parser(_, _, _, let yaml), .composer(_, _, _, let yaml):
            yaml.split(separator: "\n", omittingEmptySubsequences: false).count - (yaml.hasSuffix("\n") ? 1 : 0)
        default: Int.max
        }
    }

    /// The node as a mapping whose keys are all in `allowed`. `needs` names the keys it must have,
    /// for the message when the node is not a mapping at all (default: every allowed key).
    /// When collecting, unknown keys are recorded and left out instead of stopping the check.
    func mapping(_ context: String, allowed: [String], needs: [String]? = nil) throws -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw CatalogError.notMapping(location, context: context, needs: needs ?? allowed)
        }
        var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        var misspelt: Set<String> = []
        let written = Set(mapping.keys.compactMap { $0.scalar?.string })
        for (key, value) in mapping {
            let keyNode = child(key)
            if let name = key.scalar?.string, !allowed.contains(name),
               let meant = Suggestions.closest(to: name, in: allowed, limit: 1).first, !written.contains(meant) {
                misspelt.insert(meant)
            }
            let name = try recover { () throws -> String in
                guard let name = key.scalar?.string else {
                    throw CatalogError.wrongType(keyNode.location, key: context, expected: "a mapping with plain keys")
                }
                guard allowed.contains(name) else {
                    throw CatalogError.unknownKey(keyNode.location, key: name, allowed: allowed,
                                                  advice: KeyAdvice.advice(for: name, in: context, allowed: allowed))
                }
                return name
            }
            if let name { entries.append((name, keyNode, child(value))) }
        }
        return YAMLMapping(owner: self, context: context, entries: entries, misspelt: misspelt)
    }

    static let listForm = "a list: lines starting with '- ', or [a, b] on one line"

    func string(key: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw CatalogError.wrongType(location, key: key, expected: "text") }
        return scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func sequence(key: String) throws -> [YAMLNode] {
        guard case .sequence(let sequence) = node else {
            throw CatalogError.wrongType(location, key: key, expected: YAMLNode.listForm)
        }
        return sequence.map(child)
    }
}

/// A YAML mapping whose keys were checked against the allowed ones.
struct YAMLMapping {
    let owner: YAMLNode
    let context: String
    let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]
    /// Allowed keys that an unknown key probably misspells; their absence is not reported again.
    var misspelt: Set<String> = []

    var location: SourceLocation { owner.location }

    /// See `YAMLNode.recover`.
    func recover<T>(_ body: () throws -> T) throws -> T? { try owner.recover(body) }

    subscript(key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }

    func has(_ key: String) -> Bool { self[key] != nil }

    func required(_ key: String) throws -> YAMLNode {
        guard let node = self[key] else { throw missing(key, context: context) }
        return node
    }

    /// The problem of a missing key: already told, when an unknown key was reported as its misspelling.
    func missing(_ key: String, context: String) -> Error {
        misspelt.contains(key) ? ProblemCollector.AlreadyRecorded() : CatalogError.missingKey(location, key: key, context: context)
    }

    func string(_ key: String) throws -> String {
        let value = try required(key).string(key: key)
        guard !value.isEmpty else { throw CatalogError.wrongType(try required(key).location, key: key, expected: "non-empty text") }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        guard let node = self[key] else { return nil }
        let value = try node.string(key: key)
        return value.isEmpty ? nil : value
    }

    func int(_ key: String) throws -> Int {
        let node = try required(key)
        guard let value = Int(try node.string(key: key)) else {
            throw CatalogError.wrongType(node.location, key: key, expected: "a whole number")
        }
        return value
    }

    func optionalInt(_ key: String) throws -> Int? {
        self[key] == nil ? nil : try int(key)
    }

    func bool(_ key: String, default defaultValue: Bool) throws -> Bool {
        guard let node = self[key] else { return defaultValue }
        switch try node.string(key: key).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw CatalogError.wrongType(node.location, key: key, expected: "true or false")
        }
    }

    func list(_ key: String) throws -> [YAMLNode] {
        guard let node = self[key] else { return [] }
        return try node.sequence(key: key)
    }

    func stringList(_ key: String) throws -> [String] {
        try list(key).map { try $0.string(key: key) }
    }

    /// A value from a fixed set of words, reported with the allowed ones when it is anything else.
    func enumeration<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type, default defaultValue: T? = nil) throws -> T
    where T.RawValue == String {
        guard let node = self[key] else {
            if let defaultValue { return defaultValue }
            throw missing(key, context: context)
        }
        let raw = try node.string(key: key)
        guard let value = T(rawValue: raw) ?? T(rawValue: raw.lowercased()) else {
            throw CatalogError.invalidValue(node.location, key: key, value: raw, allowed: T.allCases.map(\.rawValue))
        }
        return value
    }

    /// Like `enumeration`, but nil when the key is absent.
    func optionalEnumeration<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws -> T?
    where T.RawValue == String {
        has(key) ? try enumeration(key, as: type) : nil
    }

    /// Checks `format` before anything else, so a newer file is reported as newer rather than as unknown keys.
    static func checkFormat(of node: YAMLNode, supported: Int) throws {
        guard case .mapping(let mapping) = node.node else { return }
        for (key, value) in mapping where key.scalar?.string == "format" {
            let valueNode = node.child(value)
            guard let found = Int(try valueNode.string(key: "format")) else {
                throw CatalogError.wrongType(valueNode.location, key: "format", expected: "a whole number such as \(supported)")
            }
            if found > supported { throw CatalogError.newerFormat(valueNode.location, found: found, supported: supported) }
            if found < 1 {
                throw CatalogError.invalidValue(valueNode.location, key: "format", value: String(found), allowed: ["1"])
            }
            return
        }
        throw CatalogError.missingKey(node.location, key: "format", context: "the file")
    }
}
