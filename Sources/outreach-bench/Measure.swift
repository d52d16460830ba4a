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

    /// Runs a program to completion with posix_spawn (Foundation's Process adds tens of
    /// milliseconds of its own), standard input from `input`, output discarded; returns the wall
    /// time in seconds.
    static func runProcess(_ path: String, _ arguments: [String], input: String = "/dev/null",
                           environment: [String: String]? = nil) throws -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + env).forEach { free($0) } }
        var pid: pid_t = 0
        let start = now()
        guard posix_spawn(&pid, path, &actions, nil, argv, env) == 0 else { throw BenchError.failed("cannot start \(path)") }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let elapsed = Double(now() - start) / 1e9
        guard status == 0 else { throw BenchError.failed("\(path) \(arguments.joined(separator: " ")) exited \(status >> 8)") }
        return elapsed
    }

    /// Like `runProcess`, with standard input from `input` (a file, or /dev/null), and also the
    /// child's peak resident memory in megabytes. The child runs under GNU `time -f %M`, which forks
    /// it: a child started straight from here with posix_spawn (glibc uses vfork) would report this
    /// process's own memory as its peak, since Linux records the old address space's high-water mark
    /// at exec.
    static func runProcessUsage(_ path: String, _ arguments: [String], input: String = "/dev/null",
                                environment: [String: String]? = nil) throws -> (seconds: Double, megabytes: Double) {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-bench-time-\(getpid())").path
        defer { unlink(report) }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            throw BenchError.failed("cannot start /usr/bin/time (apt-get install time)")
        }
        let elapsed = try runProcess("/usr/bin/time", ["-f", "%M", "-o", report, path] + arguments, input: input, environment: environment)
        let kilobytes = (try? String(contentsOfFile: report, encoding: .utf8)).flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard let kilobytes else { throw BenchError.failed("no peak memory reported for \(path)") }
        return (elapsed, kilobytes / 1024)
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
