/// One question an outreach lead asks (or researches) during a playbook.
public struct Question: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case text, choice, multi, scale, list
    }

    /// What each line of an answer declares, for the engine to record: a glossary term
    /// (`TERM = meaning`), an action (`task; owner; due`) or a value.
    public enum Captures: String, Codable, CaseIterable, Sendable {
        case terms, actions, values
    }

    /// The range and labels of a `scale` question.
    public struct Scale: Codable, Hashable, Sendable {
        public var min: Int
        public var max: Int
        public var low: String?
        public var high: String?

        public init(min: Int = 1, max: Int = 5, low: String? = nil, high: String? = nil) {
            self.min = min
            self.max = max
            self.low = low
            self.high = high
        }
    }

    public var id: String
    public var text: String
    public var tip: String?
    public var kind: Kind
    public var choices: [String]
    public var scale: Scale?
    public var required: Bool
    public var condition: Condition?
    /// Plain words saying what the question is for (`ask`, `risk`, `success`, `failure`, `terms`,
    /// `next-steps`), so rules and reports find questions by meaning, never by id.
    public var tags: [String]
    /// What each line of the answer declares, if anything.
    public var captures: Captures?

    public init(
        id: String, text: String, tip: String? = nil, kind: Kind = .text,
        choices: [String] = [], scale: Scale? = nil, required: Bool = false,
        condition: Condition? = nil, tags: [String] = [], captures: Captures? = nil
    ) {
        self.id = id
        self.text = text
        self.tip = tip
        self.kind = kind
        self.choices = choices
        self.scale = scale
        self.required = required
        self.condition = condition
        self.tags = tags
        self.captures = captures
    }

    public func hasTag(_ tag: String) -> Bool { tags.contains(tag) }

    enum CodingKeys: String, CodingKey {
        case id, text, tip, kind, choices, scale, required, condition, tags, captures
    }

    /// Reads snapshots of every version: sessions stored before tags and captures existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        tip = try container.decodeIfPresent(String.self, forKey: .tip)
        kind = try container.decode(Kind.self, forKey: .kind)
        choices = try container.decodeIfPresent([String].self, forKey: .choices) ?? []
        scale = try container.decodeIfPresent(Scale.self, forKey: .scale)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        condition = try container.decodeIfPresent(Condition.self, forKey: .condition)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        captures = try container.decodeIfPresent(Captures.self, forKey: .captures)
    }

    /// Writes `tags` only when there are some, and `captures` only when set, so a snapshot of an
    /// untagged question (and the digest of its playbook) is the same as before either existed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(tip, forKey: .tip)
        try container.encode(kind, forKey: .kind)
        try container.encode(choices, forKey: .choices)
        try container.encodeIfPresent(scale, forKey: .scale)
        try container.encode(required, forKey: .required)
        try container.encodeIfPresent(condition, forKey: .condition)
        if !tags.isEmpty { try container.encode(tags, forKey: .tags) }
        try container.encodeIfPresent(captures, forKey: .captures)
    }

    /// The scale in effect for a `scale` question (1 to 5 unless the question says otherwise).
    public var effectiveScale: Scale { scale ?? Scale() }
}
