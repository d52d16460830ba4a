import Foundation
import GRDB
import Testing
@testable import OutreachStore

/// The arithmetic timestamps write exactly what the formatters they replace would.
@Suite struct TimestampTests {
    static let dates: [Date] = {
        var generator = SystemRandomNumberGenerator()
        let fixed = [0, 951_782_400.5, 951_868_799.999, 1_709_164_800.123, -86_400.25, 4_102_444_799.999, 1_760_000_000.0005]
        let random = (0..<2000).map { _ in Double(Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator)) / 1000 }
        return (fixed + random).map { Date(timeIntervalSince1970: $0) }
    }()

    @Test func storageTextIsGRDBsOwnForm() throws {
        for date in Self.dates {
            let milliseconds = Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
            let grdb = try #require(String.fromDatabaseValue(milliseconds.databaseValue))
            #expect(Timestamp.storage(milliseconds) == grdb)
        }
    }

    @Test func bundleTextReadsBackToTheSameMillisecond() throws {
        for date in Self.dates {
            let text = try #require(Timestamp.bundle(date))
            #expect(text == Bundle.timestamp.string(from: try #require(Timestamp.parseBundle(text))))
            let back = try #require(Timestamp.parseBundle(text))
            #expect(abs(back.timeIntervalSince1970 - date.timeIntervalSince1970) <= 0.0005 + 1e-6)
            #expect(Timestamp.bundle(back) == text)
        }
        #expect(Timestamp.parseBundle("2026-02-30T00:00:00.000Z") == nil)
        #expect(Timestamp.parseBundle("2026-01-01 00:00:00.000Z") == nil)
    }
}
