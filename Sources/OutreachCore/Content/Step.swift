/// The three steps of the DASH method. Playbooks may add custom steps; plugins may declare their own.
public enum DashStep: String, CaseIterable, Sendable {
    case homework, listen, value

    public var title: String {
        switch self {
        case .homework: "Do your homework"
        case .listen: "Reach out and listen"
        case .value: "Identify shared value"
        }
    }
}

/// A step declared by a method plugin (for example one of the five value-creation cycles).
public struct StepInfo: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var intro: String?

    public init(id: String, title: String, intro: String? = nil) {
        self.id = id
        self.title = title
        self.intro = intro
    }
}
