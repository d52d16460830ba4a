import Foundation

/// A follow-up in the action log: what, who, by when, and whether it is done.
public struct ActionItem: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var partnerID: UUID?
    /// The partnership it belongs to, if any.
    public var partnershipID: UUID?
    public var sessionID: UUID?
    public var questionID: String?
    public var text: String
    public var owner: String
    /// The due day as `yyyy-MM-dd`.
    public var due: String?
    public var doneAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), partnerID: UUID?, sessionID: UUID? = nil, questionID: String? = nil,
        text: String, owner: String, due: String? = nil, doneAt: Date? = nil, partnershipID: UUID? = nil,
        createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.partnershipID = partnershipID
        self.id = id
        self.partnerID = partnerID
        self.sessionID = sessionID
        self.questionID = questionID
        self.text = text
        self.owner = owner
        self.due = due
        self.doneAt = doneAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public var isOpen: Bool { doneAt == nil }

    /// Open and due before `today` (`yyyy-MM-dd`).
    public func isOverdue(today: String) -> Bool {
        guard isOpen, let due else { return false }
        return due < today
    }
}

/// Calendar days as `yyyy-MM-dd` in UTC, the form due dates are stored in.
public enum Day {
    public static func string(from date: Date) -> String {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// The day if `text` is a valid `yyyy-MM-dd` date, else nil.
    public static func validated(_ text: String) -> String? {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard text.count == 10, let date = formatter.date(from: text) else { return nil }
        return formatter.string(from: date) == text ? text : nil
    }
}
