/// How much YAML the program agrees to read from one file. Checked before the file is composed
/// into nodes, so a file crafted to expand (an "alias bomb") or to nest without end is refused
/// in about the time it takes to read it.
///
/// The built-in content's largest file is 27,388 bytes, 542 nodes, 7 levels deep, with no
/// anchors or aliases; every limit is far above that (see docs/plugins.md).
public struct YAMLLimits: Hashable, Sendable {
    /// Bytes in the file.
    public var bytes: Int
    /// Alias uses (`*name`) in the file.
    public var aliases: Int
    /// Nodes (scalars, lists and mappings) with every alias counted as the nodes it stands for.
    public var expandedNodes: Int
    /// Lists and mappings inside one another.
    public var depth: Int

    public init(bytes: Int, aliases: Int, expandedNodes: Int, depth: Int) {
        self.bytes = bytes
        self.aliases = aliases
        self.expandedNodes = expandedNodes
        self.depth = depth
    }

    /// The limits for every plugin, playbook and answers file.
    public static let standard = YAMLLimits(bytes: 1_048_576, aliases: 1_000, expandedNodes: 100_000, depth: 64)

    /// One limit that a file went over, with the value it may not exceed.
    public enum Exceeded: Hashable, Sendable {
        case bytes(found: Int, limit: Int)
        case aliases(limit: Int)
        case expandedNodes(limit: Int)
        case depth(limit: Int)

        /// What was too much and what to do about it.
        var explanation: String {
            switch self {
            case .bytes(let found, let limit):
                "the file is \(found) bytes, over the limit of \(limit) bytes for a YAML file; split it into smaller files"
            case .aliases(let limit):
                "the file uses more than \(limit) YAML aliases ('*name'), the limit for a YAML file; write the repeated values out instead"
            case .expandedNodes(let limit):
                "with its aliases ('*name') expanded, the file holds more than \(limit) values, the limit for a YAML file; "
                    + "write the values out instead of repeating anchors ('&name'), or split the file"
            case .depth(let limit):
                "lists and mappings are nested more than \(limit) levels deep here, the limit for a YAML file; flatten them"
            }
        }
    }
}
