import Foundation
import OutreachStore
import Testing

/// Answers survive a killed process: every answer whose next question had appeared is stored.
@Suite struct CrashTests {
    /// A running `outreach` reading commands from a pipe, whose output can be watched.
    final class PipedShell {
        let process = Process()
        private let input = Pipe()
        private let output = Pipe()
        private(set) var text = ""

        init(binary: OutreachBinary, arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: OutreachBinary.path)
            process.arguments = arguments
            process.environment = binary.environment
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func send(_ line: String) {
            input.fileHandleForWriting.write(Data((line + "\n").utf8))
        }

        /// Reads until `count` question ids have been shown (each as an indented `[id]` line).
        func waitForQuestions(_ count: Int) -> Bool {
            while questionCount < count {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { return false }
                text += String(decoding: data, as: UTF8.self)
            }
            return true
        }

        var questionCount: Int { text.components(separatedBy: "\n  [").count - 1 }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    @Test func killedAtRandomPointsLosesNoAcknowledgedAnswer() throws {
        let binary = OutreachBinary()
        let setup = try binary.run(["-c", #"partner add "Riverside HA" --sector housing"#])
        #expect(setup.status == 0)
        var generator = SystemRandomNumberGenerator()
        var acknowledged: [Int64: [String: String]] = [:]
        for round in 1...50 {
            let shell = try PipedShell(binary: binary, arguments: ["--db", binary.databasePath])
            shell.send(#"start dash --partner "Riverside HA""#)
            #expect(shell.waitForQuestions(1))
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
                #expect(stored.contains(answer), "session \(number) lost '\(answer)'")
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
        group.wait()
        #expect(statuses.values == [0, 0])
        let notes = try AppDatabase.open(path: binary.databasePath).notes()
        #expect(notes.count == 2 * count)
        #expect(Set(notes.map(\.text)).count == 2 * count)
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
