import Foundation
import OutreachCore

/// What to say about an unknown key: where it belongs when it is a known misplacement, else the
/// allowed key it most likely misspells.
public enum KeyAdvice {
    /// A key people write in the wrong place, and where it goes instead.
    public struct Misplacement: Sendable, Equatable {
        /// The key as written.
        public let key: String
        /// The mapping it was found in, as the loaders name it ("the plugin", "a question"); nil for anywhere.
        public let context: String?
        public let advice: String
    }

    /// Known misplacements, most specific first. Data, so adding one is one line.
    public static let misplacements: [Misplacement] = [
        Misplacement(key: "background", context: "the plugin", advice: "a sector plugin's background goes in 'summary'"),
        Misplacement(key: "description", context: "the plugin", advice: "a plugin's description goes in 'summary'"),
        Misplacement(key: "description", context: "the playbook", advice: "a playbook's description goes in 'summary'"),
        Misplacement(key: "question", context: "the plugin", advice: "questions go under 'questions', in a list for each step, such as 'questions: {listen: [...]}'"),
        Misplacement(key: "questions", context: "a step", advice: "a plugin's questions go under the top-level 'questions', keyed by this step's id"),
        Misplacement(key: "tip", context: "the plugin", advice: "general advice goes in the 'tips' list; advice for one question goes in that question's 'tip'"),
        Misplacement(key: "terms", context: "the plugin", advice: "jargon goes in 'glossary', a list of 'term' and 'meaning'"),
        Misplacement(key: "sector", context: "the plugin", advice: "a sector plugin's sector is its 'id'; set 'kind: sector'"),
        Misplacement(key: "sector", context: "the playbook", advice: "a playbook lists its sectors in 'sectors', such as 'sectors: [housing]'"),
        Misplacement(key: "options", context: "a question", advice: "a question's options go in 'choices', with 'kind: choice'"),
        Misplacement(key: "type", context: "a question", advice: "a question's type is its 'kind' (text, choice, multi, scale, list, ...)"),
        Misplacement(key: "hint", context: "a question", advice: "advice for asking a question goes in 'tip'"),
        Misplacement(key: "when", context: "a question", advice: "only playbook questions take a condition 'when'; plugin question sets have none"),
        Misplacement(key: "include", context: "a question", advice: "only playbooks include question sets, as '- include: plugin.step'"),
        Misplacement(key: "definition", context: "a glossary term", advice: "a term's definition goes in 'meaning'"),
    ]

    /// Advice for `key` found in `context`, or nil when there is nothing useful to say.
    public static func advice(for key: String, in context: String, allowed: [String]) -> String? {
        if let known = misplacements.first(where: { $0.key == key && ($0.context == nil || $0.context == context) }) {
            return known.advice
        }
        return Suggestions.phrase(for: key, in: allowed)
    }
}
