/// Text on its way to a terminal. Stored text can hold anything (a partner's name with an escape
/// sequence that retitles the window or clears the screen), so every control character is shown
/// visibly, in caret notation (`^[`, `^G`, `^?`) or as `<U+0085>` for C1 controls. The program's
/// own colours are marked with a private-use character while text is assembled and become real
/// escape sequences only here, so stored text can never forge one.
public enum TerminalText {
    /// Marks the start of one of the program's own SGR sequences (`marker` + code + `m`).
    static let marker: Character = "\u{E000}"

    /// The program's own colour code, as `Style` emits it.
    static func colour(_ code: String) -> String { "\(marker)\(code)m" }

    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { isControl($0) && $0 != "\n" && $0 != "\t" }
    }

    /// For a terminal: controls made visible, markers turned into escape sequences. Otherwise
    /// (a file, a pipe) the text as stored, with only the program's own markers removed.
    public static func render(_ text: String, toTerminal: Bool) -> String {
        if !toTerminal, !text.contains(marker) { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\u{E000}", let code = ownCode(in: scalars, at: index) {
                // Only the exact sequences `Style` emits become escapes.
                if toTerminal { output.append(contentsOf: "\u{1B}[\(code)m".unicodeScalars) }
                index += code.unicodeScalars.count + 1
            } else if !toTerminal || scalar == "\n" || scalar == "\t" || !isControl(scalar) {
                output.append(scalar)
            } else {
                output.append(contentsOf: visible(scalar).unicodeScalars)
            }
        }
        return String(output)
    }

    /// The code of one of `Style`'s sequences starting at `index` (after a marker), if it is one.
    private static func ownCode(in scalars: [Unicode.Scalar], at index: Int) -> String? {
        let digits = scalars[index...].prefix { $0.properties.numericType != nil && $0.isASCII }.prefix(3)
        let end = index + digits.count
        guard end < scalars.count, scalars[end] == "m" else { return nil }
        let code = String(String.UnicodeScalarView(digits))
        return ownCodes.contains(code) ? code : nil
    }

    /// The SGR codes `Style` uses: reset, bold, dim, red, green, yellow, cyan.
    static let ownCodes: Set<String> = ["0", "1", "2", "31", "32", "33", "36"]

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x7F: "^?"
        case 0..<0x20: "^" + String(Character(Unicode.Scalar(UInt8(scalar.value + 0x40))))
        default: "<U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + ">"
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
