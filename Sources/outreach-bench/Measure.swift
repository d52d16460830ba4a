import Foundation

/// Timing helpers: monotonic clock, medians and percentiles.
enum Measure {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Seconds taken by `body`.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return Double(now() - start) / 1e9
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank]
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 50) }

    /// Runs a program to completion, discarding its output; returns the wall time in seconds.
    static func runProcess(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = now()
        try process.run()
        process.waitUntilExit()
        let elapsed = Double(now() - start) / 1e9
        guard process.terminationStatus == 0 else {
            throw BenchError.failed("\(path) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return elapsed
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
}

enum BenchError: Error, CustomStringConvertible {
    case failed(String)
    var description: String { switch self { case .failed(let message): message } }
}

/// One line of the results table.
struct Figure {
    var name: String
    var value: String
    var reference: String
    var ratio: String
    var goal: String
    var met: Bool
}
