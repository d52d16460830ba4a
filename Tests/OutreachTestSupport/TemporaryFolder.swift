import Foundation

/// A folder of its own under the system's temporary folder, removed with everything in it when the
/// object goes. A suite keeps one as a stored property: Swift Testing makes a new instance of the
/// suite for each test and lets it go afterwards, so each test's files go with it.
public final class TemporaryFolder: Sendable {
    public let url: URL

    /// `outreach-NAME-UUID`; the folder itself is made by whoever writes into it first.
    public init(_ name: String) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-\(name)-\(UUID().uuidString)")
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
