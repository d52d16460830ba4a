import Foundation

/// A value the partnership could create, as the DASH paper defines it: what it is, who reaps it
/// and who pays for it (parties), through which lenses (not mutually exclusive), how soon, how it
/// is realised and from whose perspective, and the notes that are evidence for it.
public struct ValueItem: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var partnerID: UUID?
    public var partnershipID: UUID?
    public var sessionID: UUID?
    public var questionID: String?
    public var value: String
    /// The beneficiaries' names as shown when the value was recorded (search and old readers);
    /// `beneficiaryIDs` is what counts.
    public var benefits: [String]
    /// The first lens, kept for readers of the first schema; `lenses` holds them all.
    public var lens: ValueLens
    public var lenses: [ValueLens]
    public var horizon: ValueHorizon
    public var way: ValueWay?
    public var perspective: ValuePerspective?
    /// Parties that gain.
    public var beneficiaryIDs: [UUID]
    /// Parties that invest money, staff time or data.
    public var payerIDs: [UUID]
    /// Ids of notes that support this value.
    public var evidence: [UUID]
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID = UUID(), partnerID: UUID?, partnershipID: UUID? = nil, sessionID: UUID? = nil, questionID: String? = nil,
        value: String, benefits: [String], lenses: [ValueLens], horizon: ValueHorizon, way: ValueWay? = nil,
        perspective: ValuePerspective? = nil, beneficiaryIDs: [UUID] = [], payerIDs: [UUID] = [], evidence: [UUID] = [],
        createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.id = id
        self.partnerID = partnerID
        self.partnershipID = partnershipID
        self.sessionID = sessionID
        self.questionID = questionID
        self.value = value
        self.benefits = benefits
        self.lens = lenses.first ?? .economic
        self.lenses = lenses.isEmpty ? [.economic] : lenses
        self.horizon = horizon
        self.way = way
        self.perspective = perspective
        self.beneficiaryIDs = beneficiaryIDs
        self.payerIDs = payerIDs
        self.evidence = evidence
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// The value with one lens, as the first schema recorded it.
    public init(
        id: UUID = UUID(), partnerID: UUID?, sessionID: UUID? = nil, questionID: String? = nil,
        value: String, benefits: [String], lens: ValueLens, horizon: ValueHorizon, evidence: [UUID] = [],
        createdAt: Date = Date(), updatedAt: Date? = nil
    ) {
        self.init(id: id, partnerID: partnerID, sessionID: sessionID, questionID: questionID, value: value, benefits: benefits,
                  lenses: [lens], horizon: horizon, evidence: evidence, createdAt: createdAt, updatedAt: updatedAt)
    }

    /// Someone pays and none of the payers gains: the wrong pocket problem.
    public var isWrongPocket: Bool {
        !payerIDs.isEmpty && Set(payerIDs).isDisjoint(with: beneficiaryIDs)
    }

    enum CodingKeys: String, CodingKey {
        case id, partnerID, partnershipID, sessionID, questionID, value, benefits, lens, lenses, horizon, way, perspective
        case beneficiaryIDs, payerIDs, evidence, createdAt, updatedAt
    }

    /// Reads records of every schema version: fields added later default to empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        partnerID = try container.decodeIfPresent(UUID.self, forKey: .partnerID)
        partnershipID = try container.decodeIfPresent(UUID.self, forKey: .partnershipID)
        sessionID = try container.decodeIfPresent(UUID.self, forKey: .sessionID)
        questionID = try container.decodeIfPresent(String.self, forKey: .questionID)
        value = try container.decode(String.self, forKey: .value)
        benefits = try container.decodeIfPresent([String].self, forKey: .benefits) ?? []
        lens = try container.decode(ValueLens.self, forKey: .lens)
        let lenses = try container.decodeIfPresent([ValueLens].self, forKey: .lenses) ?? []
        self.lenses = lenses.isEmpty ? [lens] : lenses
        horizon = try container.decode(ValueHorizon.self, forKey: .horizon)
        way = try container.decodeIfPresent(ValueWay.self, forKey: .way)
        perspective = try container.decodeIfPresent(ValuePerspective.self, forKey: .perspective)
        beneficiaryIDs = try container.decodeIfPresent([UUID].self, forKey: .beneficiaryIDs) ?? []
        payerIDs = try container.decodeIfPresent([UUID].self, forKey: .payerIDs) ?? []
        evidence = try container.decodeIfPresent([UUID].self, forKey: .evidence) ?? []
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }
}
