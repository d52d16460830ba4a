import Foundation

/// A one-line progress bar for long work at a terminal (`import`): redrawn in place on standard
/// error, with the rate so far. Never used in scripts or pipes.
final class ProgressBar {
    private let console: ShellConsole
    private let noun: String
    private let started = Date()
    private var drawn = false

    init(console: ShellConsole, noun: String) {
        self.console = console
        self.noun = noun
    }

    func show(_ done: Int, of total: Int) {
        guard total >= 2_000 else { return }
        let seconds = Date().timeIntervalSince(started)
        console.redrawStatus(Self.line(done: done, total: total, seconds: seconds, noun: noun, width: min(console.style.width, 100)))
        drawn = true
    }

    func finish() {
        if drawn { console.redrawStatus(nil) }
    }

    /// `[#########-----------]  42,000 of 200,000 records  21,000/s`, fitted to `width`.
    static func line(done: Int, total: Int, seconds: TimeInterval, noun: String, width: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        func number(_ value: Int) -> String { formatter.string(from: NSNumber(value: value)) ?? String(value) }
        let rate = seconds > 0.05 ? "  \(number(Int(Double(done) / seconds)))/s" : ""
        let text = "  \(number(done)) of \(number(total)) \(noun)\(rate)"
        let barWidth = max(10, width - text.count - 3)
        let filled = total > 0 ? min(barWidth, barWidth * done / total) : 0
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]" + text
    }
}
