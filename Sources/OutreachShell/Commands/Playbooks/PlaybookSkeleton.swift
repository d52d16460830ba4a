import Foundation

/// The commented starting point `playbook new` writes.
enum PlaybookSkeleton {
    static func text(id: String) -> String {
        """
        # A playbook: the script of one outreach conversation. See docs/playbooks.md.
        format: 1
        id: \(id)
        title: \(id.replacingOccurrences(of: "-", with: " ").capitalized)
        summary: >
          One or two sentences on when to use this playbook and what it is for.
        version: 0.1.0
        # The sectors it suits: [any], or sector ids such as [housing, hospitals].
        sectors: [any]
        steps:
          - id: homework
            title: Do your homework
            intro: >
              What to find out before the first meeting.
            questions:
              # The general questions of the DASH method for this step:
              - include: dash.homework
              # The partner's sector questions, chosen when the session starts:
              - include: "{sector}.homework"
          - id: listen
            title: Reach out and listen
            questions:
              - include: dash.listen
              # A question written here. Kinds: text, choice, multi, scale, list.
              - id: \(id).shared-before
                text: Has the partner shared data with another organization before?
                kind: choice
                choices: ["yes", "no", "not sure"]
                required: true
              # Asked only when the answer above is "yes":
              - id: \(id).agreement
                text: What agreement covered that sharing, and who signed it?
                tip: Ask whether the agreement could serve as a template.
                when: {question: \(id).shared-before, equals: "yes"}
          - id: value
            title: Identify shared value
            questions:
              - include: dash.value
              # End with the agreed next steps; 'tags: [next-steps]' marks the question that records them.
              - id: \(id).next-steps
                text: What are the agreed next steps, and who owns each one?
                tip: Read each step back with its owner and date before the meeting ends.
                kind: list
                tags: [next-steps]
                captures: actions
        """
    }
}
