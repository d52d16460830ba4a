/// One question an outreach lead asks (or researches) during a playbook.
public struct Question: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case text, choice, multi, scale, list
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

    public init(
        id: String, text: String, tip: String? = nil, kind: Kind = .text,
        choices: [String] = [], scale: Scale? = nil, required: Bool = false,
        condition: Condition? = nil
    ) {
        self.id = id
        self.text = text
        self.tip = tip
        self.kind = kind
        self.choices = choices
        self.scale = scale
        self.required = required
        self.condition = condition
    }

    /// The scale in effect for a `scale` question (1 to 5 unless the question says otherwise).
    public var effectiveScale: Scale { scale ?? Scale() }
}
