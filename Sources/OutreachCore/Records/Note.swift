import Foundation

/// Free text about a partner, optionally tied to a session and question. Private notes are need-to-know.
public struct Note: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var partnerID: UUID?
    /// The partnership it belongs to, if any.
    public var partnershipID: UUID?
    public var sessionID: UUID?
    public var questionID: String?
    public var text: String
    public var isPrivate: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), partnerID: UUID?, sessionID: UUID? = nil, questionID: String? = nil,
        text: String, isPrivate: Bool = false, partnershipID: UUID? = nil, createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.partnershipID = partnershipID
        self.id = id
        self.partnerID = partnerID
        self.sessionID = sessionID
        self.questionID = questionID
        self.text = text
        self.isPrivate = isPrivate
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// `#tags` in the text, lowercased, without the `#`.
    public var tags: [String] {
        var tags: [String] = []
        for word in text.split(whereSeparator: { $0.isWhitespace }) where word.hasPrefix("#") && word.count > 1 {
            let tag = word.dropFirst().lowercased().trimmingCharacters(in: .punctuationCharacters)
            if !tag.isEmpty, !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }
}
