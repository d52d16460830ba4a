import Foundation
import OutreachCatalog

/// The repository root, found from this file's path.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built-in catalog, loaded once for all tests.
public let builtinCatalog = Catalog(paths: SearchPaths(builtin: repositoryRoot, dataDirectory: URL(fileURLWithPath: "/nonexistent/outreach-tests")))

/// A folder of its own for one test, removed when the test's body returns (or throws).
public func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}
