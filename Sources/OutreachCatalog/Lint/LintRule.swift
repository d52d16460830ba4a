import Foundation
import OutreachCore

/// One content guideline from `docs/plugins.md` or `docs/playbooks.md`, described as data: its id,
/// what it checks, and YAML examples that must and must not trigger it (the tests run them all).
public struct LintRule: Sendable {
    public let id: String
    /// One line for `lint --rules` and the docs.
    public let summary: String
    public let kinds: Set<LintDocument.Kind>
    /// Files (or fragments of files) that must get at least one warning from this rule.
    public let triggering: [Example]
    /// Files (or fragments of files) that must get none.
    public let nonTriggering: [Example]
    let check: @Sendable (LintDocument) -> [(SourceLocation, String)]

    public func warnings(in document: LintDocument) -> [LintWarning] {
        guard kinds.contains(document.kind) else { return [] }
        return check(document).map { LintWarning(location: $0.0, message: $0.1, ruleID: id) }
    }
}

extension LintRule {
    /// A YAML example for a rule, read as a plugin or a playbook.
    public struct Example: Sendable, CustomStringConvertible {
        public let kind: LintDocument.Kind
        public let yaml: String

        public static func plugin(_ yaml: String) -> Example { Example(kind: .plugin, yaml: yaml) }
        public static func playbook(_ yaml: String) -> Example { Example(kind: .playbook, yaml: yaml) }

        public var description: String { "\(kind.rawValue): \(yaml)" }
    }
}

public enum Lint {
    /// Every warning for the document from every rule, sorted by line then column.
    public static func warnings(in document: LintDocument, rules: [LintRule] = Lint.rules) -> [LintWarning] {
        rules.flatMap { $0.warnings(in: document) }.enumerated().sorted { a, b in
            (a.element.location.line, a.element.location.column, a.offset) < (b.element.location.line, b.element.location.column, b.offset)
        }.map(\.element)
    }

    /// The minimum counts of the content guidelines for a sector plugin (docs/plugins.md).
    public static let sectorMinimums: [(key: String, minimum: Int, noun: String)] = [
        ("drivers", 6, "drivers"), ("glossary", 8, "glossary terms"), ("values", 4, "values"),
    ]
    public static let sectorMinimumQuestions = 12
    public static let placeholders = ["to be written", "todo", "tbd", "lorem", "xxx"]

    public static let rules: [LintRule] = [
        LintRule(
            id: "placeholder-text",
            summary: "text still holding a placeholder such as 'To be written', 'TODO', 'TBD', 'lorem' or 'xxx'",
            kinds: [.plugin, .playbook],
            triggering: [
                .plugin("summary: To be written."),
                .plugin("drivers:\n  - {topic: funding, title: Budgets, detail: TODO ask finance}"),
                .playbook("steps:\n  - id: listen\n    questions:\n      - {id: p.q, text: Lorem ipsum?}"),
                .plugin("summary: Rents are xxx per month."),
            ],
            nonTriggering: [
                .plugin("summary: Housing authorities run public housing and vouchers."),
                .playbook("summary: A todolist is not a placeholder, nor is the TBDA acronym."),
                .playbook("steps:\n  - id: todo\n    questions:\n      - {id: a.todo, text: What is left to do?, tags: [todo]}"),
            ],
            check: { document in
                document.texts.compactMap { text in
                    placeholder(in: text.text).map { (text.location, "'\($0)' is placeholder text; write the real content here") }
                }
            }),
        LintRule(
            id: "sector-minimums",
            summary: "a sector plugin with fewer than 6 drivers, 8 glossary terms, 4 values or 12 questions, or no homework or value question",
            kinds: [.plugin],
            triggering: [
                .plugin("kind: sector\ndrivers: [a, b]"),
                .plugin("kind: sector\nquestions:\n  listen: [{id: x.listen.a, text: A?}]"),
            ],
            nonTriggering: [
                .plugin("kind: method\ndrivers: [a]"),
                .plugin("""
                kind: sector
                drivers: [a, b, c, d, e, f]
                glossary: [a, b, c, d, e, f, g, h]
                values: [a, b, c, d]
                questions:
                  homework: [{id: x.1, text: A?}, {id: x.2, text: B?}, {id: x.3, text: C?}, {id: x.4, text: D?}]
                  listen: [{id: x.5, text: E?}, {id: x.6, text: F?}, {id: x.7, text: G?}, {id: x.8, text: H?}]
                  value: [{id: x.9, text: I?}, {id: x.10, text: J?}, {id: x.11, text: K?}, {id: x.12, text: L?}]
                """),
            ],
            check: { document in
                guard document.topText("kind") == "sector" else { return [] }
                var found: [(SourceLocation, String)] = []
                for (key, minimum, noun) in sectorMinimums {
                    let count = document.topList(key).count
                    if count < minimum {
                        found.append((document.place(of: key), "a sector plugin needs at least \(minimum) \(noun); this one has \(count)"))
                    }
                }
                let questions = document.questions.filter { DashStep(rawValue: $0.step) != nil }
                if questions.count < sectorMinimumQuestions {
                    found.append((document.place(of: "questions"),
                                  "a sector plugin needs at least \(sectorMinimumQuestions) questions over homework, listen and value; this one has \(questions.count)"))
                }
                for step in [DashStep.homework, .value] where !questions.contains(where: { $0.step == step.rawValue }) {
                    found.append((document.place(of: "questions"), "a sector plugin needs at least one '\(step.rawValue)' question"))
                }
                return found
            }),
        LintRule(
            id: "summary-length",
            summary: "a sector plugin summary shorter than three sentences or longer than six",
            kinds: [.plugin],
            triggering: [
                .plugin("kind: sector\nsummary: Libraries lend books."),
                .plugin("kind: sector\nsummary: One. Two. Three. Four. Five. Six. Seven."),
            ],
            nonTriggering: [
                .plugin("kind: sector\nsummary: Libraries lend books. They are run by cities, e.g. Boston. Most have boards."),
                .plugin("kind: method\nsummary: General questions."),
            ],
            check: { document in
                guard document.topText("kind") == "sector", let summary = document.topText("summary") else { return [] }
                let count = sentenceCount(summary)
                guard count < 3 || count > 6 else { return [] }
                return [(document.place(of: "summary"),
                         "the summary has \(Plural.count(count, "sentence")); write three to six with practical substance: who runs the organisations, how they are funded, and what they can share")]
            }),
        LintRule(
            id: "listen-questions",
            summary: "a sector plugin with no 'listen' questions, the heart of a first meeting",
            kinds: [.plugin],
            triggering: [.plugin("kind: sector\nquestions:\n  homework: [{id: x.homework.a, text: Who funds them?}]")],
            nonTriggering: [
                .plugin("kind: sector\nquestions:\n  listen: [{id: x.listen.a, text: What keeps you up at night?}]"),
                .plugin("kind: method\nquestions:\n  homework: [{id: x.homework.a, text: Who funds them?}]"),
            ],
            check: { document in
                guard document.topText("kind") == "sector", !document.questions.contains(where: { $0.step == "listen" }) else { return [] }
                return [(document.place(of: "questions"),
                         "a sector plugin has no 'listen' questions; add some under 'questions: listen:' to ask in the meeting itself")]
            }),
        LintRule(
            id: "question-tip",
            summary: "a sector plugin question without a 'tip' on how to ask it",
            kinds: [.plugin],
            triggering: [.plugin("kind: sector\nquestions:\n  listen:\n    - id: x.listen.a\n      text: What keeps you up at night?")],
            nonTriggering: [
                .plugin("kind: sector\nquestions:\n  listen:\n    - id: x.listen.a\n      text: What keeps you up at night?\n      tip: Ask it early and wait."),
                .plugin("kind: method\nquestions:\n  listen:\n    - id: x.listen.a\n      text: What keeps you up at night?"),
            ],
            check: { document in
                guard document.topText("kind") == "sector" else { return [] }
                return document.questions.filter { $0.tip == nil }.map {
                    ($0.location, "the question '\($0.id)' has no tip; add a 'tip' with practical advice for asking it (shown by /tip)")
                }
            }),
        LintRule(
            id: "glossary-elsewhere",
            summary: "a sector plugin glossary in which no term says what it means 'elsewhere', in other sectors",
            kinds: [.plugin],
            triggering: [.plugin("kind: sector\nglossary:\n  - {term: PHA, meaning: Public housing authority.}")],
            nonTriggering: [
                .plugin("""
                kind: sector
                glossary:
                  - {term: PHA, meaning: Public housing authority.}
                  - term: case
                    meaning: A household's file.
                    elsewhere: [{sector: police, meaning: An investigation.}]
                """),
                .plugin("kind: method\nglossary:\n  - {term: PHA, meaning: Public housing authority.}"),
            ],
            check: { document in
                let terms = document.glossary
                guard document.topText("kind") == "sector", !terms.isEmpty, !terms.contains(where: \.hasElsewhere) else { return [] }
                return [(document.place(of: "glossary"),
                         "no glossary term has an 'elsewhere' meaning; add one for each term that means something else in another sector, such as 'case'")]
            }),
        LintRule(
            id: "duplicate-question-text",
            summary: "two questions in one file asking the same thing in the same words",
            kinds: [.plugin, .playbook],
            triggering: [
                .plugin("questions:\n  listen:\n    - {id: x.a, text: Who funds you?}\n    - {id: x.b, text: who funds  you?}"),
                .playbook("steps:\n  - id: one\n    questions: [{id: a, text: Who decides?}]\n  - id: two\n    questions: [{id: b, text: Who decides?}]"),
            ],
            nonTriggering: [.plugin("questions:\n  listen:\n    - {id: x.a, text: Who funds you?}\n    - {id: x.b, text: Who decides?}")],
            check: { document in
                var first: [String: QuestionLine] = [:]
                var found: [(SourceLocation, String)] = []
                for question in document.questions {
                    guard let text = question.text else { continue }
                    let key = text.text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    if let earlier = first[key] {
                        found.append((text.location, "the question '\(question.id)' asks the same as '\(earlier.id)' on line \(earlier.line); reword or remove one"))
                    } else {
                        first[key] = QuestionLine(id: question.id, line: text.location.line)
                    }
                }
                return found
            }),
        LintRule(
            id: "next-steps-question",
            summary: "a playbook with no question tagged 'next-steps', so a meeting ends without agreed next steps",
            kinds: [.playbook],
            triggering: [.playbook("steps:\n  - id: wrap-up\n    questions:\n      - {id: a.wrap, text: Anything else?}")],
            nonTriggering: [.playbook("steps:\n  - id: wrap-up\n    questions:\n      - {id: a.next, text: What are the next steps?, tags: [next-steps]}")],
            check: { document in
                if document.questions.contains(where: { $0.tags.contains("next-steps") }) { return [] }
                for include in document.includes {
                    let parts = include.text.split(separator: ".", maxSplits: 1).map(String.init)
                    guard parts.count == 2, let plugin = document.plugins?.plugin(parts[0]),
                          let questions = plugin.questions(for: parts[1]) else { continue }
                    if questions.contains(where: { $0.tags.contains("next-steps") }) { return [] }
                }
                return [(document.place(of: "steps"),
                         "no question is tagged 'next-steps'; end with one that records who does what by when, with 'tags: [next-steps]'")]
            }),
    ]

    struct QuestionLine { let id: String; let line: Int }

    /// Sentences in a text: ends of sentence followed by a space or the end, not counting abbreviations.
    static func sentenceCount(_ text: String) -> Int {
        var cleaned = " " + text.trimmingCharacters(in: .whitespacesAndNewlines)
        for abbreviation in ["e.g.", "i.e.", "etc.", "vs.", "Dr.", "St.", "Mr.", "Ms.", "No."] {
            cleaned = cleaned.replacingOccurrences(of: " " + abbreviation, with: " abbreviation")
        }
        let characters = Array(cleaned)
        return characters.indices.filter { index in
            ".!?".contains(characters[index]) && (index + 1 == characters.count || characters[index + 1].isWhitespace)
        }.count
    }

    /// The placeholder a text holds, as written, if any (whole words only, so 'todolist' is fine).
    static func placeholder(in text: String) -> String? {
        let lowered = text.lowercased()
        for word in placeholders {
            var searchRange = lowered.startIndex..<lowered.endIndex
            while let range = lowered.range(of: word, range: searchRange) {
                let before = range.lowerBound == lowered.startIndex ? nil : lowered[lowered.index(before: range.lowerBound)]
                let after = range.upperBound == lowered.endIndex ? nil : lowered[range.upperBound]
                if !(before?.isLetter ?? false), !(after?.isLetter ?? false) {
                    return String(text[range])
                }
                searchRange = range.upperBound..<lowered.endIndex
            }
        }
        return nil
    }
}
