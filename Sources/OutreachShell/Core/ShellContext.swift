import Foundation
import OutreachCatalog
import OutreachCore
import OutreachSessions
import OutreachStore

/// What a command runs with: the session engine (store, catalog, the current partner and the
/// running session) and the console (output, style, whether a person is there to answer).
/// Commands change the session and the current partner only through the engine's transitions.
public final class ShellContext {
    public let engine: SessionEngine
    public let console: ShellConsole
    /// Set by `quit`.
    public internal(set) var wantsToQuit = false

    public init(engine: SessionEngine, console: ShellConsole) {
        self.engine = engine
        self.console = console
    }

    /// `catalog` is read when a command first needs it.
    public convenience init(database: any Store, catalog: @autoclosure @escaping () -> Catalog, output: TextOutput, style: Style,
                            isInteractive: Bool, confirm: @escaping (String) -> Bool = { _ in false }) {
        self.init(engine: SessionEngine(database: database, catalog: catalog()),
                  console: ShellConsole(output: output, style: style, isInteractive: isInteractive, confirm: confirm))
    }

    public var database: any Store { engine.database }
    public var catalog: Catalog { engine.catalog }
    public var activeRun: ActiveSession? { engine.active }
    public var currentPartner: Partner? { engine.currentPartner }

    public var output: TextOutput { console.output }
    public var style: Style {
        get { console.style }
        set { console.style = newValue }
    }
    public var isInteractive: Bool { console.isInteractive }
    public func confirm(_ question: String) -> Bool { console.confirm(question) }

    public func print(_ text: String = "") { console.print(text) }
    public func printError(_ message: String) { console.printError(message) }
    public func printWarning(_ message: String) { console.printWarning(message) }
}
