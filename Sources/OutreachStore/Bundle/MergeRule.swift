import Foundation

/// The parts of the merge rule that every kind of record and both engines' imports share.
package enum MergeRule {
    /// Whether `incoming` replaces `existing`: the newer `updatedAt` (to the store's millisecond),
    /// and for equal times the copy whose bundle encoding sorts last, so every database keeps the
    /// same copy whatever order bundles arrive in.
    package static func wins<T: Encodable>(_ incoming: T, over existing: T, updatedAt: KeyPath<T, Date>) throws -> Bool {
        let new = milliseconds(incoming[keyPath: updatedAt]), old = milliseconds(existing[keyPath: updatedAt])
        if new != old { return new > old }
        let encoder = Bundle.encoder
        return try encoder.encode(existing).lexicographicallyPrecedes(try encoder.encode(incoming))
    }

    /// A time as the stores keep it: whole milliseconds.
    package static func milliseconds(_ date: Date) -> Double { (date.timeIntervalSince1970 * 1000).rounded() }

    /// Ids in their first order, each once: a value's beneficiaries or payers after two parties
    /// became one.
    package static func unique(_ ids: [UUID]) -> [UUID] {
        var seen = Set<UUID>()
        return ids.filter { seen.insert($0).inserted }
    }
}
