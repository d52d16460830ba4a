/// The script of one outreach conversation, as written in a playbook file.
public struct Playbook: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var version: String
    /// Sector ids the playbook suits; empty means any sector.
    public var sectors: [String]
    public var steps: [Step]

    public init(id: String, title: String, summary: String, version: String, sectors: [String], steps: [Step]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.version = version
        self.sectors = sectors
        self.steps = steps
    }

    public struct Step: Codable, Hashable, Sendable {
        public var id: String
        public var title: String
        public var intro: String?
        public var items: [Item]

        public init(id: String, title: String, intro: String?, items: [Item]) {
            self.id = id
            self.title = title
            self.intro = intro
            self.items = items
        }
    }

    /// A step's entry: a question written inline, or a reference to a plugin's question set.
    public enum Item: Codable, Hashable, Sendable {
        case question(Question)
        /// `plugin.step`, where the plugin may be `{sector}` (the partner's sector).
        case include(String)
    }

    /// Whether any include refers to the partner's sector.
    public var isSectorAware: Bool {
        steps.contains { $0.items.contains { if case .include(let ref) = $0 { ref.hasPrefix("{sector}.") } else { false } } }
    }
}

/// A playbook with every include replaced by its questions: exactly what a session asks.
public struct ResolvedPlaybook: Codable, Hashable, Sendable {
    public struct Step: Codable, Hashable, Sendable {
        public var id: String
        public var title: String
        public var intro: String?
        public var questions: [Question]

        public init(id: String, title: String, intro: String?, questions: [Question]) {
            self.id = id
            self.title = title
            self.intro = intro
            self.questions = questions
        }
    }

    public var id: String
    public var title: String
    public var version: String
    public var sector: String?
    public var steps: [Step]

    public init(id: String, title: String, version: String, sector: String?, steps: [Step]) {
        self.id = id
        self.title = title
        self.version = version
        self.sector = sector
        self.steps = steps
    }

    /// Every question in order, with the index of its step.
    public var flattened: [(step: Int, question: Question)] {
        steps.enumerated().flatMap { index, step in step.questions.map { (index, $0) } }
    }
}
