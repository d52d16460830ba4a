import Foundation
import OutreachStore
import Testing

/// Answers survive a killed process: every answer whose next question had appeared is stored.
@Suite struct CrashTests {
    /// A running `outreach` reading commands from a pipe, whose output can be watched.
    final class PipedShell: @unchecked Sendable {
        let process = Process()
        private let input = Pipe()
        private let output = Pipe()
        private let lock = NSLock()
        private var received = ""
        private var closed = false

        init(binary: OutreachBinary, arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: OutreachBinary.path)
            process.arguments = arguments
            process.environment = binary.environment
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.lock()
                if data.isEmpty { self.closed = true } else { self.received += String(decoding: data, as: UTF8.self) }
                self.lock.unlock()
                if data.isEmpty { handle.readabilityHandler = nil }
            }
        }

        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return received
        }

        func send(_ line: String) {
            input.fileHandleForWriting.write(Data((line + "\n").utf8))
        }

        /// Waits until `count` question ids have been shown (each as an indented `[id]` line);
        /// false when the output ends or `timeout` seconds pass first.
        func waitForQuestions(_ count: Int, timeout: TimeInterval = 20) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                lock.lock()
                let (shown, ended) = (received.components(separatedBy: "\n  [").count - 1, closed)
                lock.unlock()
                if shown >= count { return true }
                if ended { return false }
                usleep(2_000)
            }
            return false
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    @Test func killedAtRandomPointsLosesNoAcknowledgedAnswer() throws {
        let binary = OutreachBinary()
        let setup = try binary.run(["-c", #"partner add "Riverside HA" --sector housing"#])
        #expect(setup.status == 0)
        // The kill points come from a seed that is printed, so a failure can be replayed with
        // OUTREACH_CRASH_SEED=<seed> swift test --filter CrashTests.
        let seed = ProcessInfo.processInfo.environment["OUTREACH_CRASH_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        print("CrashTests seed: \(seed)")
        var generator = SeededGenerator(seed: seed)
        var acknowledged: [Int64: [String: String]] = [:]
        for round in 1...50 {
            let shell = try PipedShell(binary: binary, arguments: ["--db", binary.databasePath])
            shell.send(#"start dash --partner "Riverside HA""#)
            #expect(shell.waitForQuestions(1), "seed \(seed), round \(round): no first question")
            let answers = Int.random(in: 0...4, using: &generator)
            var saved: [String] = []
            for index in 0..<answers {
                let answer = "round \(round) answer \(index)"
                shell.send(answer)
                guard shell.waitForQuestions(index + 2) else { break }
                saved.append(answer)
            }
            // One more answer in flight, then the kill lands at a random moment around it.
            shell.send("round \(round) answer in flight")
            usleep(UInt32.random(in: 0...3000, using: &generator))
            shell.kill()
            acknowledged[Int64(round)] = Dictionary(uniqueKeysWithValues: saved.enumerated().map { (String($0.offset), $0.element) })
        }

        let database = try AppDatabase.open(path: binary.databasePath)
        for (number, expected) in acknowledged {
            let session = try database.session(number: number)
            let stored = Set(try database.answers(sessionID: session.id).compactMap(\.value))
            for answer in expected.values {
                #expect(stored.contains(answer), "session \(number) lost '\(answer)' (seed \(seed))")
            }
        }
        #expect(try database.healthReport().isHealthy)
    }

    @Test func twoProcessesWritingAtOnceLoseNothing() throws {
        let binary = OutreachBinary()
        #expect(try binary.run(["-c", "partner add Metro --sector police"]).status == 0)
        let count = 150
        let scripts = ["a", "b"].map { name in
            (1...count).map { "note \"writer \(name) note \($0) #load\" --partner Metro" }.joined(separator: "\n") + "\n"
        }
        let group = DispatchGroup()
        let statuses = LockedArray()
        for script in scripts {
            group.enter()
            DispatchQueue.global().async {
                let result = try? binary.run(["--bail"], stdin: script)
                statuses.append(result?.status ?? -1)
                group.leave()
            }
        }
        #expect(group.wait(timeout: .now() + 120) == .success, "the two writers did not finish within two minutes")
        #expect(statuses.values == [0, 0])
        let notes = try AppDatabase.open(path: binary.databasePath).notes()
        #expect(notes.count == 2 * count)
        #expect(Set(notes.map(\.text)).count == 2 * count)
    }
}

/// SplitMix64: the same seed gives the same kill points.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A small thread-safe collector for results from concurrent work.
final class LockedArray: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int32] = []

    func append(_ value: Int32) {
        lock.lock()
        storage.append(value)
        lock.unlock()
    }

    var values: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
