/// A sector or method plugin: background knowledge and question sets, loaded from a YAML file.
public struct Plugin: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case sector, method
    }

    public var id: String
    public var name: String
    public var version: String
    public var kind: Kind
    public var stakeholder: String?
    public var summary: String
    public var drivers: [Driver]
    public var glossary: [GlossaryEntry]
    public var values: [ValueProposition]
    public var steps: [StepInfo]
    public var lenses: [Lens]
    public var tips: [Tip]
    public var questionSets: [QuestionSet]

    public init(
        id: String, name: String, version: String, kind: Kind, stakeholder: String? = nil,
        summary: String, drivers: [Driver] = [], glossary: [GlossaryEntry] = [],
        values: [ValueProposition] = [], steps: [StepInfo] = [], lenses: [Lens] = [],
        tips: [Tip] = [], questionSets: [QuestionSet] = []
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.kind = kind
        self.stakeholder = stakeholder
        self.summary = summary
        self.drivers = drivers
        self.glossary = glossary
        self.values = values
        self.steps = steps
        self.lenses = lenses
        self.tips = tips
        self.questionSets = questionSets
    }

    /// The questions of one step, or nil when the plugin has no set for it.
    public func questions(for step: String) -> [Question]? {
        questionSets.first { $0.step == step }?.questions
    }

    public var allQuestions: [Question] { questionSets.flatMap(\.questions) }
}

/// The questions a plugin supplies for one step, referenced from playbooks as `plugin.step`.
public struct QuestionSet: Codable, Hashable, Sendable {
    public var step: String
    public var questions: [Question]

    public init(step: String, questions: [Question]) {
        self.step = step
        self.questions = questions
    }
}

/// What drives or worries organisations in a sector.
public struct Driver: Codable, Hashable, Sendable {
    public enum Topic: String, Codable, CaseIterable, Sendable {
        case financing, incentives, accountability, regulation, competitors, culture, capacity
    }

    public var topic: Topic
    public var title: String
    public var detail: String

    public init(topic: Topic, title: String, detail: String) {
        self.topic = topic
        self.title = title
        self.detail = detail
    }
}

/// A word of a sector's jargon, what it means there, and where it means something else.
public struct GlossaryEntry: Codable, Hashable, Sendable {
    public struct Elsewhere: Codable, Hashable, Sendable {
        public var sector: String
        public var meaning: String

        public init(sector: String, meaning: String) {
            self.sector = sector
            self.meaning = meaning
        }
    }

    public var term: String
    public var meaning: String
    public var elsewhere: [Elsewhere]

    public init(term: String, meaning: String, elsewhere: [Elsewhere] = []) {
        self.term = term
        self.meaning = meaning
        self.elsewhere = elsewhere
    }
}

/// The four lenses through which DASH looks at value.
public enum ValueLens: String, Codable, CaseIterable, Sendable {
    case economic, financial, operational, altruistic
}

/// Whether value arrives soon or over years.
public enum ValueHorizon: String, Codable, CaseIterable, Sendable {
    case short, long
}

/// A value a partnership with this sector typically creates.
public struct ValueProposition: Codable, Hashable, Sendable {
    public var value: String
    public var benefits: [String]
    public var lens: ValueLens
    public var horizon: ValueHorizon
    public var detail: String?
    /// How the value is realised (money, better outcomes, recognition), when the plugin says.
    public var way: ValueWay?
    /// Whose point of view the value is seen from, when the plugin says.
    public var perspective: ValuePerspective?

    public init(
        value: String, benefits: [String], lens: ValueLens, horizon: ValueHorizon, detail: String? = nil,
        way: ValueWay? = nil, perspective: ValuePerspective? = nil
    ) {
        self.value = value
        self.benefits = benefits
        self.lens = lens
        self.horizon = horizon
        self.detail = detail
        self.way = way
        self.perspective = perspective
    }
}

public struct Lens: Codable, Hashable, Sendable {
    public var id: ValueLens
    public var title: String
    public var detail: String

    public init(id: ValueLens, title: String, detail: String) {
        self.id = id
        self.title = title
        self.detail = detail
    }
}

public struct Tip: Codable, Hashable, Sendable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}
