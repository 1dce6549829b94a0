import SovereignCatalog
import SovereignExposure

/// The result of ranking a catalog against ``Requirements``: every offering, eligible ones first
/// in rank order, then excluded ones by id, each with its gate verdicts and (when eligible) the
/// arithmetic of its score. Encodes to the documented JSON of `sovereign rank --format json`
/// (field names are stable; see `docs/ranking.md`).
public struct Ranking: Sendable, Hashable, Encodable {
  /// Version of the JSON layout; bumped on any incompatible change.
  public static let schemaVersion = 1

  /// The date facts were judged against (stale facts, expired certificates).
  public var date: CalendarDate
  /// The requirements as understood (e.g. the HDS activities implied by `data.kind: health`).
  public var requirements: Requirements
  public var method: MCDAMethod
  /// The criteria with normalised weights, in the requirements' order.
  public var criteria: [RankingCriterion]
  /// Eligible offerings in rank order, then excluded offerings by id.
  public var offerings: [RankedOffering]
  /// Ids of ``misses``: when no offering is eligible, or when misses were asked for.
  public var nearestMisses: [String]
  /// How many offerings are proven, unverified, excluded by facts, excluded by unknowns.
  public var summary: RankingSummary = RankingSummary()
  /// The excluded offerings closest to passing, with the facts to find (see ``NearMiss``).
  public var misses: [NearMiss] = []
  /// Notes on reading the scores (e.g. only one or two offerings passed).
  public var notes: [String] = []
  /// `rank --robustness N`: SMAA-2 indices (JSON `robustness`, absent otherwise; docs/robustness.md).
  public var robustness: RobustnessReport? = nil
  /// `rank --sweep`: weight sweeps (JSON `sweeps`, absent otherwise; docs/robustness.md).
  public var sweeps: [WeightSweepResult]? = nil
  /// The what-if values the ranking rests on (`--assume`); JSON `assumptions`, present only when
  /// there is one. Offerings and gates resting on one say `assumed: true`.
  public var assumptions: [Assumption] = []

  /// The proven offerings (every gate passes on facts), in rank order.
  public var proven: [RankedOffering] { offerings.filter { $0.standing == .proven } }
  /// The offerings that pass only because unknown facts were tolerated, in rank order.
  public var unverified: [RankedOffering] { offerings.filter { $0.standing == .unverified } }

  /// The eligible offerings, in rank order.
  public var eligible: [RankedOffering] { offerings.filter(\.eligible) }
  /// The excluded offerings, by id.
  public var excluded: [RankedOffering] { offerings.filter { !$0.eligible } }

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case date, requirements, method, normalization, criteria, offerings
    case nearestMisses = "nearest_misses"
    case summary, misses, notes, assumptions
    case robustness, sweeps
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Self.schemaVersion, forKey: .schemaVersion)
    try container.encode(date, forKey: .date)
    try container.encode(requirements, forKey: .requirements)
    try container.encode(method, forKey: .method)
    try container.encode(method.normalizationName, forKey: .normalization)
    try container.encode(criteria, forKey: .criteria)
    try container.encode(offerings, forKey: .offerings)
    try container.encode(nearestMisses, forKey: .nearestMisses)
    try container.encode(summary, forKey: .summary)
    try container.encode(misses, forKey: .misses)
    try container.encode(notes, forKey: .notes)
    try container.encodeIfPresent(robustness, forKey: .robustness)
    try container.encodeIfPresent(sweeps, forKey: .sweeps)
    if !assumptions.isEmpty { try container.encode(assumptions, forKey: .assumptions) }
  }
}

/// The headline of a ranking: how many offerings pass every gate on facts, pass only because
/// unknowns are tolerated, are excluded by a fact, or only by unknowns.
public struct RankingSummary: Sendable, Hashable, Encodable {
  public var proven = 0
  public var unverified = 0
  public var excludedByFact = 0
  public var excludedByUnknown = 0

  public init(proven: Int = 0, unverified: Int = 0, excludedByFact: Int = 0, excludedByUnknown: Int = 0) {
    self.proven = proven
    self.unverified = unverified
    self.excludedByFact = excludedByFact
    self.excludedByUnknown = excludedByUnknown
  }

  init(_ offerings: [RankedOffering]) {
    for offering in offerings {
      switch offering.standing {
      case .proven: proven += 1
      case .unverified: unverified += 1
      case .excludedByFact: excludedByFact += 1
      case .excludedByUnknown: excludedByUnknown += 1
      }
    }
  }

  /// One sentence, e.g. `3 proven (pass every gate on facts), 31 unverified (...), ...`.
  public var headline: String {
    "\(proven) proven (pass every gate on facts), \(unverified) unverified (pass only because unknown facts are tolerated), "
      + "\(excludedByFact) excluded by facts, \(excludedByUnknown) excluded by unknown facts"
  }

  enum CodingKeys: String, CodingKey {
    case proven, unverified
    case excludedByFact = "excluded_by_fact"
    case excludedByUnknown = "excluded_by_unknown"
  }
}

/// Where an offering stands after the gates.
public enum Standing: String, Sendable, Hashable, Codable, CaseIterable {
  /// Every gate passes on facts.
  case proven
  /// Eligible only because the `tolerant` policy let unknown facts pass.
  case unverified
  /// A gate fails on a fact.
  case excludedByFact = "excluded-by-fact"
  /// No gate fails on a fact, but an unknown one excludes it (`conservative` or `strict`).
  case excludedByUnknown = "excluded-by-unknown"
}

/// The worst and best score an offering could have if each of its unknown facts took its worst /
/// best value (the other offerings as they are).
public struct ScoreBounds: Sendable, Hashable, Encodable {
  public var worst: Double
  public var best: Double

  public init(worst: Double, best: Double) {
    self.worst = worst
    self.best = best
  }

  /// True when the two ranges share a point: the facts do not separate the two offerings.
  public func overlaps(_ other: ScoreBounds) -> Bool { worst <= other.best && other.worst <= best }
}

/// A criterion of a ranking.
public struct RankingCriterion: Sendable, Hashable, Encodable {
  public var name: String
  /// Normalised weight (all weights sum to 1).
  public var weight: Double
  /// The weight as written in the requirements.
  public var givenWeight: Double
  public var direction: CriterionDirection
  /// What the raw value measures.
  public var definition: String

  enum CodingKeys: String, CodingKey {
    case name, weight
    case givenWeight = "given_weight"
    case direction, definition
  }
}

/// One offering in a ranking.
public struct RankedOffering: Sendable, Hashable, Encodable {
  /// Competition rank (1, 2, 2, 4); nil when excluded.
  public var rank: Int?
  public var providerID: String
  public var providerName: String
  public var offeringID: String
  public var offeringName: String
  /// Score in [0, 1]; nil when excluded.
  public var score: Double?
  /// True when no gate failed or stayed unknown (under the `tolerant` policy, unknown passes).
  public var eligible: Bool
  public var gates: [GateResult]
  /// Per-criterion arithmetic (empty when excluded).
  public var criteria: [CriterionExplanation]
  /// TOPSIS only: distances to the ideal and anti-ideal points.
  public var distances: TOPSISDistances?
  /// Stale facts, expired certificates and certificates expiring within 90 days.
  public var flags: [String]
  /// Proven, unverified, excluded by fact or by unknown.
  public var standing: Standing = .excludedByUnknown
  /// Ranked offerings: the score if every unknown fact were bad / good; nil when excluded.
  public var bounds: ScoreBounds? = nil
  /// Ranked offerings whose bounds overlap this one's: the facts do not separate them.
  public var notSeparableFrom: [String] = []
  /// Sourced facts contradicting the offering's SecNumCloud qualification, and how each was decided.
  public var conflicts: [AttestationConflict] = []

  /// True when a gate or a criterion of the offering rests on an assumption (`--assume`).
  public var assumed: Bool { gates.contains { $0.assumed } || criteria.contains { $0.sources.restsOnAssumption } }

  /// The gates that failed or whose verdict is unknown, as `gate: verdict (detail)`.
  public var reasons: [String] {
    gates.filter { $0.verdict != .pass }.map { "\($0.gate): \($0.verdict.rawValue) (\($0.detail))" }
  }

  enum CodingKeys: String, CodingKey {
    case rank
    case providerID = "provider_id"
    case providerName = "provider_name"
    case offeringID = "offering_id"
    case offeringName = "offering_name"
    case score, eligible, gates, criteria, distances, flags
    case standing, bounds
    case notSeparableFrom = "not_separable_from"
    case conflicts, assumed
  }

  enum DistanceKeys: String, CodingKey {
    case toIdeal = "to_ideal"
    case toAntiIdeal = "to_anti_ideal"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(rank, forKey: .rank)
    try container.encode(providerID, forKey: .providerID)
    try container.encode(providerName, forKey: .providerName)
    try container.encode(offeringID, forKey: .offeringID)
    try container.encode(offeringName, forKey: .offeringName)
    try container.encode(score, forKey: .score)
    try container.encode(eligible, forKey: .eligible)
    try container.encode(gates, forKey: .gates)
    try container.encode(criteria, forKey: .criteria)
    if let distances {
      var nested = container.nestedContainer(keyedBy: DistanceKeys.self, forKey: .distances)
      try nested.encode(distances.toIdeal, forKey: .toIdeal)
      try nested.encode(distances.toAntiIdeal, forKey: .toAntiIdeal)
    } else {
      try container.encodeNil(forKey: .distances)
    }
    try container.encode(flags, forKey: .flags)
    try container.encode(standing, forKey: .standing)
    try container.encode(bounds, forKey: .bounds)
    try container.encode(notSeparableFrom, forKey: .notSeparableFrom)
    try container.encode(conflicts, forKey: .conflicts)
    if assumed { try container.encode(true, forKey: .assumed) }
  }
}

/// How one criterion entered one offering's score: the arithmetic (``CriterionTerm``: raw value in
/// [0, 1] from catalog facts, normalised value, weight, contribution or TOPSIS terms) and where the
/// raw value came from. The term's fields read directly, e.g. `criterion.contribution`.
@dynamicMemberLookup
public struct CriterionExplanation: Sendable, Hashable, Encodable {
  /// The arithmetic of the scoring method for this criterion.
  public var term: CriterionTerm
  /// How the raw value was computed.
  public var explanation: String
  /// The facts' sources.
  public var sources: [Source]
  /// The raw value if every unknown fact behind it were bad / good (equal to `raw` when none is unknown).
  public var rawWorst: Double
  public var rawBest: Double

  public init(term: CriterionTerm, explanation: String, sources: [Source], rawWorst: Double? = nil, rawBest: Double? = nil) {
    self.term = term
    self.explanation = explanation
    self.sources = sources
    self.rawWorst = rawWorst ?? term.raw
    self.rawBest = rawBest ?? term.raw
  }

  public subscript<Value>(dynamicMember keyPath: KeyPath<CriterionTerm, Value>) -> Value { term[keyPath: keyPath] }

  enum CodingKeys: String, CodingKey {
    case criterion, raw, normalized, weight, weighted, contribution
    case idealTerm = "ideal_term"
    case antiIdealTerm = "anti_ideal_term"
    case explanation, sources
    case rawWorst = "raw_worst"
    case rawBest = "raw_best"
  }

  /// One flat object (JSON `schema_version` 1): the term's fields, then explanation and sources.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(term.criterion, forKey: .criterion)
    try container.encode(term.raw, forKey: .raw)
    try container.encode(term.normalized, forKey: .normalized)
    try container.encode(term.weight, forKey: .weight)
    try container.encode(term.weighted, forKey: .weighted)
    try container.encode(term.contribution, forKey: .contribution)
    try container.encode(term.idealTerm, forKey: .idealTerm)
    try container.encode(term.antiIdealTerm, forKey: .antiIdealTerm)
    try container.encode(explanation, forKey: .explanation)
    try container.encode(sources, forKey: .sources)
    try container.encode(rawWorst, forKey: .rawWorst)
    try container.encode(rawBest, forKey: .rawBest)
  }
}
