import Foundation
import Testing
@testable import OutreachCatalog

// Where the built-in Plugins/ and playbooks/ are found: OUTREACH_HOME, else beside or above the
// running executable (the test runner lives in the package's build folder).

@Suite("Built-in folder")
struct BuiltinFolderTests {
    @Test func outreachHomeWins() {
        let folder = SearchPaths.builtinFolder(environment: ["OUTREACH_HOME": "/opt/outreach-content"])
        #expect(folder?.path == "/opt/outreach-content")
    }

    @Test func withoutOutreachHomeTheFolderAboveTheExecutableIsFound() throws {
        let folder = try #require(SearchPaths.builtinFolder(environment: [:]))
        #expect(Fixtures.samePath(folder, Fixtures.repoRoot))
    }

    @Test func theExecutablePathIsAbsoluteWithLinksResolved() throws {
        let path = try #require(SearchPaths.executablePath())
        #expect(path.hasPrefix("/"))
        #expect(path == URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
    }

    @Test(arguments: [
        ("/usr/local/bin/outreach", "/usr/local/bin"),
        ("/usr/local/bin", "/usr/local"),
        ("/outreach", "/"),
        ("/", "/"),
    ])
    func parentFolders(path: String, parent: String) {
        #expect(SearchPaths.parent(of: path) == parent)
    }
}
