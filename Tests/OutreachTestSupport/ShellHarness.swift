import Foundation
import OutreachCatalog
import OutreachShell
import OutreachStore

/// A shell on an in-memory database with captured output, fed lines as a script would be.
public final class ShellHarness {
    public let output = BufferOutput()
    public let context: ShellContext
    public let shell: Shell

    public init(catalog: Catalog = builtinCatalog, database: AppDatabase? = nil, confirmAnswer: Bool = false) throws {
        context = ShellContext(
            database: try database ?? AppDatabase.inMemory(), catalog: catalog, output: output, style: .plain,
            isInteractive: false, confirm: { _ in confirmAnswer })
        shell = Shell(context: context)
    }

    /// Runs the lines and returns the exit status.
    @discardableResult
    public func run(_ lines: [String], bail: Bool = false) -> Int32 {
        shell.run(reader: ListLineReader(lines), bail: bail)
    }

    public var text: String { output.text }
    public var errors: String { output.errors }
}
