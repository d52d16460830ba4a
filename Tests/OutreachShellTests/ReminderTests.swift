import Foundation
import OutreachCore
import OutreachStore
import OutreachTestSupport
import Testing
@testable import OutreachShell

@Suite struct ReminderTests {
    @Test func theReminderCountsOverdueActions() throws {
        let database = try AppDatabase.inMemory()
        let today = ReportFixture.at(0)
        #expect(OverdueReminder.line(database: database, today: today, style: .plain) == nil)
        try database.addAction(ActionItem(partnerID: nil, text: "Send minutes", owner: "Maria", due: "2026-01-04"))
        try database.addAction(ActionItem(partnerID: nil, text: "Due today", owner: "Maria", due: "2026-01-05"))
        #expect(OverdueReminder.line(database: database, today: today, style: .plain)
            == "Reminder: 1 action is overdue. Type 'actions --overdue' to see it.")
    }
}
