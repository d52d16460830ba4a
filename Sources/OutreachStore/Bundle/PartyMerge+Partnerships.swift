import Foundation
import OutreachCore

extension PartyMerge {
    // MARK: - Partnerships and members

    /// Merges a bundle's partnership with the one here of the same id or name.
    package mutating func merge(_ incoming: Partnership) throws -> MergeOutcome {
        var copies: [UUID: (content: Partnership, stored: Partnership?)] = [:]
        for row in [try storage.partnership(id: incoming.id), try storage.partnership(named: incoming.name)].compactMap({ $0 }) {
            copies[row.id] = (row, row)
        }
        if let copy = copies[incoming.id] {
            if try MergeRule.wins(incoming, over: copy.content, updatedAt: \.updatedAt) { copies[incoming.id]?.content = incoming }
        } else {
            copies[incoming.id] = (incoming, nil)
        }
        let keptID = copies.keys.min { Self.key($0) < Self.key($1) } ?? incoming.id
        guard let kept = copies[keptID] else { return .unchanged }
        let dropped = copies.filter { $0.key != keptID && $0.value.stored != nil }.keys.sorted { Self.key($0) < Self.key($1) }
        let standIn = storage.checksConstraintsAtOnce && kept.stored == nil && !dropped.isEmpty
        if standIn {
            try storage.insert(Partnership(id: keptID, name: "merging \(Self.key(keptID))", ask: nil,
                                           createdAt: kept.content.createdAt, updatedAt: kept.content.updatedAt))
        }
        for id in dropped { try storage.repointPartnership(id, to: keptID) }
        if kept.stored == nil, !standIn {
            try storage.insert(kept.content)
        } else if standIn || kept.stored != kept.content {
            try storage.update(kept.content)
        }
        for (bundleID, localID) in partnershipIDs where localID != keptID && copies[localID] != nil { partnershipIDs[bundleID] = keptID }
        partnershipIDs[incoming.id] = keptID
        if copies[incoming.id]?.stored == nil, keptID == incoming.id { return .inserted }
        return !dropped.isEmpty || kept.stored != kept.content ? .updated : .unchanged
    }

    /// Memberships are a union; a membership known twice keeps its earliest `createdAt`.
    package func merge(_ member: PartnershipMember) throws -> MergeOutcome {
        guard let existing = try storage.member(partnershipID: member.partnershipID, partyID: member.partyID) else {
            try storage.insert(member)
            return .inserted
        }
        guard MergeRule.milliseconds(member.createdAt) < MergeRule.milliseconds(existing.createdAt) else { return .unchanged }
        try storage.update(member)
        return .updated
    }
}
