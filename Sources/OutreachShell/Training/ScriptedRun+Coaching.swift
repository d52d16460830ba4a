import OutreachCatalog
import OutreachStore

extension ScriptedRun {
    /// The coaching summary lines for the recorded session.
    static func coaching(sessionNumber: Int64, database: AppDatabase, catalog: Catalog) throws -> [String] {
        []
    }
}
