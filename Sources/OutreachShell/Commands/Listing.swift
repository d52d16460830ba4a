import ArgumentParser
import Foundation
import OutreachCore
import OutreachStore

/// `--limit N` and `--all`, for listings whose rows have no date to start from.
struct PageOptions: ParsableArguments {
    @Option(help: "Show at most N rows (default \(PageRequest.defaultLimit)).") var limit: Int?
    @Flag(help: "Show every row.") var all = false

    /// The page asked for; an error for a limit below 1 or --all with --limit.
    func request() throws -> PageRequest {
        try Listing.request(limit: limit, all: all, since: nil)
    }
}

/// `--limit N`, `--all` and `--since YYYY-MM-DD`, for listings of dated rows.
struct DatedPageOptions: ParsableArguments {
    @Option(help: "Show at most N rows (default \(PageRequest.defaultLimit)).") var limit: Int?
    @Flag(help: "Show every row.") var all = false
    @Option(help: "Only rows from this day on (YYYY-MM-DD, UTC).") var since: String?

    /// The page asked for; an error for a limit below 1, --all with --limit, or a day that is not YYYY-MM-DD.
    func request() throws -> PageRequest {
        try Listing.request(limit: limit, all: all, since: since)
    }
}

/// The rule every listing follows: a bounded page in a stable order, and a line saying how many
/// more rows there are and how to see them.
enum Listing {
    static func request(limit: Int?, all: Bool, since: String?) throws -> PageRequest {
        if all, limit != nil { throw ShellError.usage("give --all or --limit N, not both.") }
        if let limit, limit < 1 { throw ShellError.usage("--limit takes a number of rows, 1 or more.") }
        var request = all ? PageRequest.all : PageRequest(limit: limit ?? PageRequest.defaultLimit)
        if let since {
            guard let day = Day.validated(since), let date = day.utcMidnight else {
                throw ShellError.usage("'\(since)' is not a day: give --since as YYYY-MM-DD, such as --since 2026-01-31.")
            }
            request.since = date
        }
        return request
    }

    /// "Showing the newest 50 of 200,000 notes; add --all, --since YYYY-MM-DD or --limit N", or nil
    /// when the page holds every matching row. `order` is how the page was chosen ("newest", "first").
    static func footer<Element>(_ page: Page<Element>, noun: String, order: String = "newest", dated: Bool = true) -> String? {
        guard page.isPartial else { return nil }
        let hint = dated ? "add --all, --since YYYY-MM-DD or --limit N" : "add --all or --limit N"
        return "Showing the \(order) \(grouped(page.rows.count)) of \(grouped(page.total)) \(noun); \(hint)"
    }

    /// A count with thousands separated by commas, whatever the locale: 200,000.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var output = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { output.append(",") }
            output.append(digit)
        }
        return (number < 0 ? "-" : "") + output
    }
}

extension String {
    /// Midnight UTC of a `yyyy-MM-dd` day.
    fileprivate var utcMidnight: Date? {
        let parts = split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}
