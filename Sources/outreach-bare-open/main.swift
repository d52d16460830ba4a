import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The start-up reference of `make bench`: what any GRDB program must do to use an outreach
/// database (open it in WAL mode as a pool, read which migrations it has) and nothing more.
/// Exits 1 when the file has fewer migrations than the current schema.
let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    print("usage: outreach-bare-open DATABASE")
    exit(2)
}
do {
    let pool = try DatabasePool(path: arguments[1])
    let applied = try pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
    exit(applied.count >= 6 ? 0 : 1)
} catch {
    print("error: \(error)")
    exit(1)
}
