import Foundation

/// Who a value benefits, decided from the words typed in `--benefits`.
///
/// A beneficiary is your own organisation when, lowercased with punctuation and extra spaces
/// removed (and a leading "the" dropped), it is one of `ownPhrases`, or the name of a partner you
/// ran a self-assessment for. Anything else, such as "the partner", "tenants" or "the wider
/// community", counts as someone other than you.
public enum Beneficiary {
    public static let ownPhrases: Set<String> = [
        "us", "we", "ours", "ourselves", "self", "me", "myself",
        "our organisation", "our organization", "our org", "our own organisation", "our own organization",
        "own organisation", "own organization", "my organisation", "my organization",
        "our team", "our staff", "our agency", "our office", "our department", "our program", "our programme",
        "our collaborative", "our collaboration", "our coalition", "our partnership", "our side", "my team",
    ]

    /// Words for the partner you are talking to.
    public static let partnerPhrases: Set<String> = [
        "partner", "the partner", "them", "they", "their organisation", "their organization", "partner organisation",
        "partner organization", "the partner organisation", "the partner organization",
    ]

    /// Whether the words mean the partner of the conversation ("the partner", "them").
    public static func isPartner(_ text: String) -> Bool {
        partnerPhrases.contains(normalized(text)) || partnerPhrases.contains("the " + normalized(text))
    }

    public static func isOwn(_ text: String, ownNames: [String] = []) -> Bool {
        let phrase = normalized(text)
        return ownPhrases.contains(phrase) || ownNames.map(normalized).contains(phrase)
    }

    public static func normalized(_ text: String) -> String {
        let spaced = String(text.lowercased().map { (character: Character) -> Character in
            character.isLetter || character.isNumber ? character : " "
        })
        var words = spaced.split(separator: " ").map(String.init)
        if words.first == "the" { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
