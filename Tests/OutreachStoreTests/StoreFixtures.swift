import Foundation
import OutreachCore
@testable import OutreachStore

/// Shared pieces for the store's tests.
enum Fixture {
    /// A playbook snapshot a session can run: three text questions, `dash.q1` to `dash.q3`.
    static let snapshot: Data = {
        let questions = (1...3).map { Question(id: "dash.q\($0)", text: "Question \($0)?") }
        let playbook = ResolvedPlaybook(id: "dash", title: "Dashboard", version: "1.0.0", sector: nil,
                                        steps: [.init(id: "listen", title: "Listen", intro: nil, questions: questions)])
        return (try? JSONEncoder().encode(playbook)) ?? Data()
    }()

    static func session(id: UUID = UUID(), partnerID: UUID, updatedAt: Date? = nil, position: Int = 0) -> Session {
        Session(id: id, partnerID: partnerID, playbookID: "dash", playbookVersion: "1.0.0", playbookDigest: "abc",
                snapshot: snapshot, position: position, createdAt: updatedAt ?? Date(), updatedAt: updatedAt)
    }

    /// The bytes of a file, or nil when it does not exist.
    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int
    }
}
