// libyaml's event parser comes with Yams (its `CYaml` module). Yams' own composer copies the
// node behind every alias and hashes mapping keys in full, so a few hundred bytes of nested
// aliases take minutes there; reading libyaml's events takes time in proportion to the text.
import CYaml

/// Checks a YAML text against `YAMLLimits` before it is composed into nodes.
enum YAMLBudget {
    /// Throws `CatalogError.yamlLimit` at the first place the text goes over a limit. A syntax
    /// error ends the check quietly: composing the text then reports it in the usual words.
    static func check(_ text: String, file: String, limits: YAMLLimits = .standard) throws {
        let bytes = text.utf8.count
        guard bytes <= limits.bytes else {
            throw CatalogError.yamlLimit(SourceLocation(file: file, line: 1, column: 1), .bytes(found: bytes, limit: limits.bytes))
        }
        guard bytes > 0 else { return }
        var text = text
        try text.withUTF8 { try scan($0, file: file, limits: limits) }
    }

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLimits) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var counter = ExpansionCounter(limits: limits)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let place = SourceLocation(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_SCALAR_EVENT:
                try counter.scalar(anchor: name(event.data.scalar.anchor), at: place)
            case YAML_ALIAS_EVENT:
                try counter.alias(name(event.data.alias.anchor), at: place)
            case YAML_SEQUENCE_START_EVENT:
                try counter.open(anchor: name(event.data.sequence_start.anchor), at: place)
            case YAML_MAPPING_START_EVENT:
                try counter.open(anchor: name(event.data.mapping_start.anchor), at: place)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                counter.close()
            default:
                continue
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

/// Counts nodes as composing would make them, without making them: each anchored node's
/// expanded size is kept once, and each alias adds that size.
struct ExpansionCounter {
    let limits: YAMLLimits
    private var anchorSizes: [String: Int] = [:]
    /// The lists and mappings open at this point, with their expanded size so far.
    private var open: [(anchor: String?, size: Int)] = []
    private var total = 0
    private var aliases = 0

    init(limits: YAMLLimits) { self.limits = limits }

    mutating func scalar(anchor: String?, at place: SourceLocation) throws {
        try count(1, at: place)
        attach(1)
        if let anchor { anchorSizes[anchor] = 1 }
    }

    mutating func alias(_ anchor: String?, at place: SourceLocation) throws {
        aliases += 1
        guard aliases <= limits.aliases else { throw CatalogError.yamlLimit(place, .aliases(limit: limits.aliases)) }
        // An unknown anchor is reported by the composer; count it as one node meanwhile.
        let size = anchor.flatMap { anchorSizes[$0] } ?? 1
        try count(size, at: place)
        attach(size)
    }

    mutating func open(anchor: String?, at place: SourceLocation) throws {
        guard open.count < limits.depth else { throw CatalogError.yamlLimit(place, .depth(limit: limits.depth)) }
        try count(1, at: place)
        open.append((anchor, 1))
    }

    mutating func close() {
        guard let closed = open.popLast() else { return }
        if let anchor = closed.anchor { anchorSizes[anchor] = closed.size }
        attach(closed.size)
    }

    /// Adds nodes to the file's total. No size exceeds the total, which stays within the limit,
    /// so nothing overflows.
    private mutating func count(_ nodes: Int, at place: SourceLocation) throws {
        total += nodes
        guard total <= limits.expandedNodes else {
            throw CatalogError.yamlLimit(place, .expandedNodes(limit: limits.expandedNodes))
        }
    }

    /// Adds a finished node's size to the collection it is in.
    private mutating func attach(_ size: Int) {
        if !open.isEmpty { open[open.count - 1].size += size }
    }
}
