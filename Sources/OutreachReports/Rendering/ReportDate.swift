import Foundation
import OutreachCore

/// Dates in reports: ISO 8601 in UTC, to the second.
enum ReportDate {
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: date)
    }

    static func day(_ date: Date) -> String { Day.string(from: date) }
}
