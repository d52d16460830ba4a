import Foundation

/// Dates as the store and bundles write them, to the millisecond in UTC, converted by arithmetic.
///
/// Foundation's formatters go through ICU and cost several microseconds a date on Linux, most of
/// an import's time. These give the same text: `yyyy-MM-dd HH:mm:ss.SSS` (GRDB's storage form) and
/// `yyyy-MM-ddTHH:mm:ss.SSSZ` (the bundle form), rounded to the nearest millisecond so that a date
/// read back writes the same text again.
public enum Timestamp {
    /// The storage text of a date in years 1 to 9999, else nil.
    public static func storage(_ date: Date) -> String? { format(date, separator: 0x20, zone: nil) }

    /// The bundle text of a date in years 1 to 9999, else nil.
    static func bundle(_ date: Date) -> String? { format(date, separator: 0x54, zone: 0x5A) }

    /// The date of bundle text in exactly the form `bundle(_:)` writes, else nil.
    public static func parseBundle(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 24, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
                  bytes[16] == 0x3A, bytes[19] == 0x2E, bytes[23] == 0x5A else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<(start + count) {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                  let minute = number(14, 2), let second = number(17, 2), let millisecond = number(20, 3),
                  (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
                  hour < 24, minute < 60, second < 60 else { return nil }
            let seconds = ((days(year: year, month: month, day: day) * 24 + hour) * 60 + minute) * 60 + second
            return Date(timeIntervalSince1970: (Double(seconds * 1000 + millisecond)) / 1000)
        }
    }

    private static func format(_ date: Date, separator: UInt8, zone: UInt8?) -> String? {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (dayNumber, inDay) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let day = Int(inDay < 0 ? dayNumber - 1 : dayNumber), time = Int(inDay < 0 ? inDay + 86_400_000 : inDay)
        let (year, month, dayOfMonth) = civil(day)
        guard (1...9999).contains(year) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func append(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 { bytes.append(UInt8(0x30 + value / divisor % 10)); divisor /= 10 }
        }
        append(year, 4); bytes.append(0x2D); append(month, 2); bytes.append(0x2D); append(dayOfMonth, 2)
        bytes.append(separator)
        append(time / 3_600_000, 2); bytes.append(0x3A); append(time / 60_000 % 60, 2); bytes.append(0x3A)
        append(time / 1000 % 60, 2); bytes.append(0x2E); append(time % 1000, 3)
        if let zone { bytes.append(zone) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let year = month <= 2 ? year - 1 : year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month and day of a day number (days since 1970-01-01).
    static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (month <= 2 ? yearOfEra + era * 400 + 1 : yearOfEra + era * 400, month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
