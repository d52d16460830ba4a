import Foundation

/// Collects the problems of one file while it is checked, so `plugin check` and `playbook check`
/// can report every one in a single run instead of stopping at the first.
final class ProblemCollector {
    /// Thrown to abandon an entry whose problems were already recorded.
    struct AlreadyRecorded: Error {}

    private(set) var problems: [CatalogError] = []

    func record(_ problem: CatalogError) {
        if !problems.contains(problem) { problems.append(problem) }
    }

    /// The problems in the order of the file: by line, then column.
    var sorted: [CatalogError] {
        problems.enumerated().sorted { a, b in
            let (la, lb) = (a.element.location, b.element.location)
            let ka = (la?.line ?? 0, la?.column ?? 0, a.offset), kb = (lb?.line ?? 0, lb?.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
    }
}

/// The outcome of checking one file: what it decoded to, if anything, and every problem found.
public struct CheckResult<Value> {
    /// The decoded plugin or playbook; nil when there are problems.
    public var value: Value?
    /// Every problem, sorted by line then column. A YAML syntax error stops the check, so it is alone.
    public var problems: [CatalogError]

    /// True when checking stopped early: the YAML is malformed, too large, or of a newer format.
    public var stoppedEarly: Bool {
        guard problems.count == 1 else { return false }
        switch problems[0] {
        case .malformedYAML, .yamlLimit, .newerFormat, .emptyFile, .unreadable: return true
        default: return false
        }
    }

    /// Runs a decode that records into `collector`, turning a problem that stops it into the result.
    static func run(_ collector: ProblemCollector, _ decode: () throws -> Value) -> CheckResult {
        do {
            let value = try decode()
            let problems = collector.sorted
            return CheckResult(value: problems.isEmpty ? value : nil, problems: problems)
        } catch let error as CatalogError {
            collector.record(error)
        } catch {
            // AlreadyRecorded: the problems are in the collector.
        }
        return CheckResult(value: nil, problems: collector.sorted)
    }
}
