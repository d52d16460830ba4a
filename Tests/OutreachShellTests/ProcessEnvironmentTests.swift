import Foundation
import Testing
@testable import OutreachShell

@Suite("Process environment")
struct ProcessEnvironmentTests {
    @Test func matchesFoundationsView() {
        #expect(ProcessEnvironment.current() == ProcessInfo.processInfo.environment)
    }

    @Test func aVariableSetNowIsSeenWithItsValueAfterTheFirstEquals() {
        setenv("OUTREACH_TEST_ENVIRONMENT", "a=b c", 1)
        defer { unsetenv("OUTREACH_TEST_ENVIRONMENT") }
        #expect(ProcessEnvironment.current()["OUTREACH_TEST_ENVIRONMENT"] == "a=b c")
    }
}
