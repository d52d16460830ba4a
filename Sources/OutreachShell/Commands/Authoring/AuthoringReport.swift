import Foundation
import OutreachCatalog
import OutreachCore

/// How `plugin check`, `playbook check` and their `lint` twins report a file: one line per problem
/// (`FILE:LINE:COLUMN: message`, in file order) and a count, so a draft is fixed in one pass.
enum AuthoringReport {
    /// The problems of a file that failed its check, as the error text of the command.
    static func problems(_ problems: [CatalogError], in file: String, stoppedEarly: Bool, command: String) -> String {
        var lines = problems.map { $0.errorDescription ?? $0.message }
        let count = Plural.count(problems.count, "problem")
        if stoppedEarly, case .malformedYAML = problems.first {
            lines.append("\(count) in \(file): checking stops at the first YAML syntax error; fix it and run '\(command)' again to find any others.")
        } else {
            lines.append("\(count) in \(file).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Fails the command with the check's problems when it has any; returns the decoded value otherwise.
    static func require<Value>(_ result: CheckResult<Value>, file: String, command: String) throws -> Value {
        if let value = result.value, result.problems.isEmpty { return value }
        throw CommandLineFailure(text: problems(result.problems, in: file, stoppedEarly: result.stoppedEarly, command: command))
    }

    /// Prints the lint warnings and a count; with `strict`, any warning fails the command.
    static func lint(_ warnings: [LintWarning], file: String, strict: Bool, in context: ShellContext) throws {
        for warning in warnings {
            context.print("\(warning.location): " + context.style.warn("warning: ") + "\(warning.message) [\(warning.ruleID)]")
        }
        guard !warnings.isEmpty else {
            context.print("ok: \(file) follows the content guidelines.")
            return
        }
        let summary = "\(Plural.count(warnings.count, "warning")) in \(file)."
        if strict { throw ShellError.usage(summary + " (--strict fails on any warning.)") }
        context.print(summary)
    }
}
