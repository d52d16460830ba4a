import Foundation

/// The process's environment variables, read straight from `environ`.
///
/// `ProcessInfo.processInfo.environment` gives the same dictionary, but on Linux it first sets up
/// `ProcessInfo` and goes through Foundation's locks and bridging: a measurable part of starting
/// `outreach -c quit`. A name given twice keeps its first value, as `getenv` does.
public enum ProcessEnvironment {
    public static func current() -> [String: String] {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "="), variables[String(text[..<equals])] == nil {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return variables
    }
}
