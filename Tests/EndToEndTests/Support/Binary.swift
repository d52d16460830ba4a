import Foundation
import OutreachTestSupport

/// The built `outreach` executable and a private data folder for one test.
struct OutreachBinary {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Next to the test bundle (same build folder), else the package's debug folder.
    static var path: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("outreach").path,
            repositoryRoot.appendingPathComponent(".build/debug/outreach").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    /// Removed when the last copy of this binary's description goes, at the end of its test.
    private let temporary = TemporaryFolder("e2e")
    var dataFolder: URL { temporary.url }

    init() {}

    var databasePath: String { dataFolder.appendingPathComponent("outreach/outreach.sqlite").path }

    var environment: [String: String] {
        ["XDG_DATA_HOME": dataFolder.path, "HOME": dataFolder.path, "TERM": "xterm", "LANG": "C.UTF-8",
         "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
    }

    /// Runs the binary without a terminal; returns status and output. A run still going after
    /// `timeout` seconds is killed, so a hang fails the test instead of stalling the suite.
    func run(_ arguments: [String], stdin: String? = nil, extraEnvironment: [String: String] = [:],
             timeout: TimeInterval = 120) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.path)
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
