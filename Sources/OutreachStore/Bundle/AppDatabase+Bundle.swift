import Foundation
import GRDB
import OutreachCore

extension AppDatabase {
    // MARK: - Export

    /// Writes everything (or one partner's records) as a bundle. `redact` leaves out every
    /// private note and any reference to one.
    public func exportBundle(to url: URL, partnerID: UUID? = nil, redact: Bool) throws -> Int {
        let lines: [Bundle.Line] = try writer.read { db in
            let partnerKey = partnerID?.uuidString.lowercased()
            func mine<T: TableRecord>(_ type: T.Type) -> QueryInterfaceRequest<T> {
                partnerKey.map { T.filter(Column("partnerID") == $0) } ?? T.all()
            }
            let partners = try (partnerKey.map { Partner.filter(key: $0) } ?? Partner.all()).order(Column.rowID).fetchAll(db)
            let sessions = try mine(Session.self).order(Column.rowID).fetchAll(db)
            let sessionKeys = sessions.map { $0.id.uuidString.lowercased() }
            let answers = try Answer.filter(sessionKeys.contains(Column("sessionID"))).order(Column.rowID).fetchAll(db)
            var notes = try mine(Note.self).order(Column.rowID).fetchAll(db)
            if redact { notes.removeAll(where: \.isPrivate) }
            let kept = Set(notes.map(\.id))
            var values = try mine(ValueItem.self).order(Column.rowID).fetchAll(db)
            if redact { for index in values.indices { values[index].evidence.removeAll { !kept.contains($0) } } }
            return partners.map(Bundle.Line.partner) + sessions.map(Bundle.Line.session) + answers.map(Bundle.Line.answer)
                + notes.map(Bundle.Line.note) + (try mine(Term.self).order(Column.rowID).fetchAll(db)).map(Bundle.Line.term)
                + values.map(Bundle.Line.value) + (try mine(ActionItem.self).order(Column.rowID).fetchAll(db)).map(Bundle.Line.action)
        }
        let encoder = Bundle.encoder
        var text = String(decoding: try encoder.encode(Bundle.Header(
            format: Bundle.formatName, version: Bundle.version, createdAt: Date(), redacted: redact,
            partner: partnerID?.uuidString.lowercased())), as: UTF8.self) + "\n"
        for line in lines { text += String(decoding: try encoder.encode(line), as: UTF8.self) + "\n" }
        text += String(decoding: try encoder.encode(Bundle.End(end: true, records: lines.count)), as: UTF8.self) + "\n"
        try FileAccess.preparePrivateFile(at: url.path)
        try Data(text.utf8).write(to: url, options: .atomic)
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return lines.count
    }

    // MARK: - Import

    /// Merges a bundle by id in one transaction: new records are added, a newer copy of a record
    /// replaces an older one, and a partner already present under the same name is matched to it.
    /// A file that is not a complete, valid bundle changes nothing.
    public func importBundle(from url: URL) throws -> ImportSummary {
        let lines = try Self.readBundle(url)
        return try write { db in
            var summary = ImportSummary()
            var partnerIDs: [UUID: UUID] = [:]
            for line in lines {
                switch line {
                case .partner(var partner):
                    if let existing = try Partner.fetchOne(db, key: partner.id.uuidString.lowercased()) {
                        partnerIDs[partner.id] = partner.id
                        try merge(partner, over: existing, updatedAt: \.updatedAt, in: db, summary: &summary)
                    } else if let sameName = try Partner.filter(Column("name").collating(.nocase) == partner.name).fetchOne(db) {
                        partnerIDs[partner.id] = sameName.id
                        partner.id = sameName.id
                        try merge(partner, over: sameName, updatedAt: \.updatedAt, in: db, summary: &summary)
                    } else {
                        partnerIDs[partner.id] = partner.id
                        try partner.insert(db)
                        summary.inserted += 1
                    }
                case .session(var session):
                    session.partnerID = partnerIDs[session.partnerID] ?? session.partnerID
                    if let existing = try Session.fetchOne(db, key: session.id.uuidString.lowercased()) {
                        session.number = existing.number
                        try merge(session, over: existing, updatedAt: \.updatedAt, in: db, summary: &summary)
                    } else {
                        session.number = (try Int64.fetchOne(db, sql: "SELECT MAX(number) FROM session") ?? 0) + 1
                        try session.insert(db)
                        summary.inserted += 1
                    }
                case .answer(let answer):
                    if try Answer.exists(db, key: answer.id.uuidString.lowercased()) {
                        summary.unchanged += 1
                    } else {
                        try answer.insert(db)
                        summary.inserted += 1
                    }
                case .note(var note):
                    note.partnerID = note.partnerID.map { partnerIDs[$0] ?? $0 }
                    try upsert(note, updatedAt: \.updatedAt, in: db, summary: &summary)
                case .term(var term):
                    term.partnerID = term.partnerID.map { partnerIDs[$0] ?? $0 }
                    try upsert(term, updatedAt: \.updatedAt, in: db, summary: &summary)
                case .value(var value):
                    value.partnerID = value.partnerID.map { partnerIDs[$0] ?? $0 }
                    try upsert(value, updatedAt: \.updatedAt, in: db, summary: &summary)
                case .action(var action):
                    action.partnerID = action.partnerID.map { partnerIDs[$0] ?? $0 }
                    try upsert(action, updatedAt: \.updatedAt, in: db, summary: &summary)
                }
            }
            return summary
        }
    }

    private func upsert<T: FetchableRecord & PersistableRecord & Identifiable & Equatable>(
        _ record: T, updatedAt: KeyPath<T, Date>, in db: Database, summary: inout ImportSummary
    ) throws where T.ID == UUID {
        if let existing = try T.fetchOne(db, key: record.id.uuidString.lowercased()) {
            try merge(record, over: existing, updatedAt: updatedAt, in: db, summary: &summary)
        } else {
            try record.insert(db)
            summary.inserted += 1
        }
    }

    private func merge<T: PersistableRecord & Equatable>(
        _ incoming: T, over existing: T, updatedAt: KeyPath<T, Date>, in db: Database, summary: inout ImportSummary
    ) throws {
        // Compare at the store's precision (milliseconds), so a record read back equals itself.
        let newer = (incoming[keyPath: updatedAt].timeIntervalSince1970 * 1000).rounded()
            > (existing[keyPath: updatedAt].timeIntervalSince1970 * 1000).rounded()
        if newer {
            try incoming.update(db)
            summary.updated += 1
        } else {
            summary.unchanged += 1
        }
    }

    /// Reads and checks a whole bundle before anything is written.
    static func readBundle(_ url: URL) throws -> [Bundle.Line] {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.badBundle(path: path, line: 0, reason: "the file cannot be read")
        }
        let rows = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        let decoder = Bundle.decoder
        guard let first = rows.first,
              let header = try? decoder.decode(Bundle.Header.self, from: Data(first.utf8)),
              header.format == Bundle.formatName else {
            throw StoreError.badBundle(path: path, line: 1, reason: "it does not start with an outreach bundle header")
        }
        guard header.version <= Bundle.version else {
            throw StoreError.badBundle(path: path, line: 1, reason: "it is bundle version \(header.version), newer than this outreach reads; update outreach")
        }
        var lines: [Bundle.Line] = []
        for (offset, row) in rows.enumerated().dropFirst() {
            let data = Data(row.utf8)
            if let end = try? decoder.decode(Bundle.End.self, from: data), end.end {
                guard offset == rows.count - 1, end.records == lines.count else {
                    throw StoreError.badBundle(path: path, line: offset + 1, reason: "the record count does not match the end line")
                }
                return lines
            }
            do {
                lines.append(try decoder.decode(Bundle.Line.self, from: data))
            } catch {
                throw StoreError.badBundle(path: path, line: offset + 1, reason: "the record cannot be read")
            }
        }
        throw StoreError.badBundle(path: path, line: rows.count, reason: "the file ends early, without its end line")
    }
}
