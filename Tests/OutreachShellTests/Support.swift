import Foundation
import OutreachCatalog
import OutreachStore
@testable import OutreachShell

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built-in catalog, loaded once for all tests.
let builtinCatalog = Catalog(paths: SearchPaths(builtin: repositoryRoot, dataDirectory: URL(fileURLWithPath: "/nonexistent/outreach-tests")))

/// A shell on an in-memory database with captured output, fed lines as a script would be.
final class ShellHarness {
    let output = BufferOutput()
    let context: ShellContext
    let shell: Shell

    init(catalog: Catalog = builtinCatalog, database: AppDatabase? = nil, confirmAnswer: Bool = false) throws {
        context = ShellContext(
            database: try database ?? AppDatabase.inMemory(), catalog: catalog, output: output, style: .plain,
            isInteractive: false, confirm: { _ in confirmAnswer })
        shell = Shell(context: context)
    }

    /// Runs the lines and returns the exit status.
    @discardableResult
    func run(_ lines: [String], bail: Bool = false) -> Int32 {
        shell.run(reader: ListLineReader(lines), bail: bail)
    }

    var text: String { output.text }
    var errors: String { output.errors }
}
