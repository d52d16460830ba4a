import OutreachCore

/// The one line on page one that says what to do next, by the first rule that applies:
///
/// 1. a value lands in the wrong pocket: talk with the payer about what is in it for them;
/// 2. a member partner gains nothing recorded: ask them what would be in it for them;
/// 3. the next steps agreed in the latest conversation (a question tagged `next-steps`);
/// 4. the open action due first;
/// 5. otherwise, agree a next step with each partner.
enum NextConversation {
    static func advice(for brief: Brief, agreedNextSteps: [String]) -> String {
        if let value = brief.wrongPocket.first {
            let payers = brief.names(value.payerIDs).joined(separator: " and ")
            return "Talk with \(payers) about '\(value.text)': they pay for it but gain none of it. Agree what is in it for them, or who else should carry the cost."
        }
        let gaining = Set(brief.values.flatMap(\.beneficiaryIDs))
        if let quiet = brief.parties.first(where: { $0.isMember && $0.kind == .partner && !gaining.contains($0.id) }) {
            return "Ask \(quiet.name) what would be in it for them: no value is recorded yet where they gain."
        }
        if let agreed = agreedNextSteps.last {
            return "Follow the next steps agreed: " + agreed.split(whereSeparator: \.isNewline).joined(separator: "; ")
        }
        if let action = brief.actions.first {
            return "Follow up: \(action.text) (\(action.owner)" + (action.due.map { ", due \($0)" } ?? "") + ")."
        }
        return "Agree a next step with each partner and record it with 'action add'."
    }
}
