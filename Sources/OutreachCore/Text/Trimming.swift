extension StringProtocol {
    /// The text without the whitespace (spaces, tabs, line breaks, any Unicode white space) at
    /// either end. Foundation's `trimmingCharacters(in:)` goes through `NSString` on Linux, which
    /// costs more than the rest of reading a line; the shell trims every line it reads with this.
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
