import Foundation
import OutreachCore
import OutreachTestSupport
@testable import OutreachPostgres
@testable import OutreachStore

/// Fresh team databases on the throwaway server `make test` starts; without it these tests fail
/// (never skip), saying to run `make test`.
enum TeamRest {
    /// A new, empty database on the server, migrated by `TeamDatabase.open` as its owner.
    static func database() throws -> TeamDatabase {
        let database = try TestPostgres.server().freshDatabase()
        return try database.openAsOwner()
    }

    /// Every value, read directly.
    static func values(_ database: TeamDatabase) throws -> [ValueItem] {
        try ValueItem.all(database.rows("SELECT * FROM valueItem ORDER BY seq"))
    }

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int
    }
}
