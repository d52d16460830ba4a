/// How value is realised, as the DASH paper separates it from the lens: money (fiscal growth),
/// better results for people (improved outcomes), or standing (external recognition).
public enum ValueWay: String, Codable, CaseIterable, Sendable {
    case fiscal, outcomes, recognition
}

/// Whose point of view a value is seen from: clients and families, the partner's staff, the
/// organisation as a whole, or the wider community.
public enum ValuePerspective: String, Codable, CaseIterable, Sendable {
    case clients, staff, organisation, community
}
