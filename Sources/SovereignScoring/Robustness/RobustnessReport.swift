/// The outcome of `sovereign rank --robustness N` (``Ranker/robustness(of:scenarios:seed:threads:)``):
/// SMAA-2 indices per offering over N scenarios. Encodes to the `robustness` object of
/// `rank --format json`; every field is documented in `docs/robustness.md`.
public struct RobustnessReport: Sendable, Hashable, Encodable {
  /// How many offerings the pairwise winning indices cover (the first of the baseline ranking).
  public static let pairwiseCount = 10

  public var scenarios: Int
  public var seed: UInt64
  public var method: MCDAMethod
  public var criteria: [String]
  public var weights: RobustnessSettings.Weights
  /// Probability that an unknown fact holds; nil when unknown facts were not varied.
  public var unknownFacts: Double?
  public var choiceEntropy = 0.0
  public var rankingEntropy = 0.0
  public var distinctRankings = 0
  /// By decreasing first-rank acceptability, then holistic acceptability, then id.
  public var offerings: [Offering] = []
  public var pairwise = Pairwise(offeringIDs: [], winningIndex: [])

  public init(
    scenarios: Int, seed: UInt64, method: MCDAMethod, criteria: [String], weights: RobustnessSettings.Weights,
    unknownFacts: Double?
  ) {
    self.scenarios = scenarios
    self.seed = seed
    self.method = method
    self.criteria = criteria
    self.weights = weights
    self.unknownFacts = unknownFacts
  }

  /// One offering's indices.
  public struct Offering: Sendable, Hashable, Encodable {
    public var offeringID: String
    public var offeringName: String
    public var providerName: String
    /// Its rank in the ranking without variation (nil when that ranking excludes it).
    public var baselineRank: Int?
    /// Share of scenarios in which it passes the gates.
    public var eligibility: Double
    /// `b^1 … b^m`: share of scenarios in which it ranks r (sums to ``eligibility``).
    public var rankAcceptability: [Double]
    public var holisticAcceptability: Double
    /// Mean weights over the scenarios in which it ranks first, by criterion; nil when it never does.
    public var centralWeights: [String: Double]?
    /// Share of scenarios in which it ranks first under its central weights; nil without them.
    public var confidenceFactor: Double?
    /// The unknown facts its gates and criteria wait for (e.g. `law:us-cloud-act`).
    public var unknownFacts: [String]

    public var firstRankAcceptability: Double { rankAcceptability.first ?? 0 }

    enum CodingKeys: String, CodingKey {
      case offeringID = "offering_id"
      case offeringName = "offering_name"
      case providerName = "provider_name"
      case baselineRank = "baseline_rank"
      case eligibility
      case firstRankAcceptability = "first_rank_acceptability"
      case rankAcceptability = "rank_acceptability"
      case holisticAcceptability = "holistic_acceptability"
      case centralWeights = "central_weights"
      case confidenceFactor = "confidence_factor"
      case unknownFacts = "unknown_facts"
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(offeringID, forKey: .offeringID)
      try c.encode(offeringName, forKey: .offeringName)
      try c.encode(providerName, forKey: .providerName)
      try c.encode(baselineRank, forKey: .baselineRank)
      try c.encode(eligibility, forKey: .eligibility)
      try c.encode(firstRankAcceptability, forKey: .firstRankAcceptability)
      try c.encode(rankAcceptability, forKey: .rankAcceptability)
      try c.encode(holisticAcceptability, forKey: .holisticAcceptability)
      try c.encode(centralWeights, forKey: .centralWeights)
      try c.encode(confidenceFactor, forKey: .confidenceFactor)
      try c.encode(unknownFacts, forKey: .unknownFacts)
    }
  }

  /// `winningIndex[a][b]`: share of scenarios in which `offeringIDs[a]` ranks strictly better than
  /// `offeringIDs[b]` (an ineligible offering ranks below every eligible one).
  public struct Pairwise: Sendable, Hashable, Encodable {
    public var offeringIDs: [String]
    public var winningIndex: [[Double]]

    enum CodingKeys: String, CodingKey {
      case offeringIDs = "offering_ids"
      case winningIndex = "winning_index"
    }
  }

  enum CodingKeys: String, CodingKey {
    case scenarios, seed, method, criteria, weights
    case unknownFacts = "unknown_facts"
    case choiceEntropy = "choice_entropy"
    case rankingEntropy = "ranking_entropy"
    case distinctRankings = "distinct_rankings"
    case offerings, pairwise
  }

  enum WeightKeys: String, CodingKey { case model, spread, order }
  enum FactKeys: String, CodingKey { case p }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(scenarios, forKey: .scenarios)
    try c.encode(seed, forKey: .seed)
    try c.encode(method, forKey: .method)
    try c.encode(criteria, forKey: .criteria)
    var w = c.nestedContainer(keyedBy: WeightKeys.self, forKey: .weights)
    switch weights {
    case .uniform: try w.encode("uniform", forKey: .model)
    case .fixed: try w.encode("fixed", forKey: .model)
    case .spread(let spread):
      try w.encode("spread", forKey: .model)
      try w.encode(spread, forKey: .spread)
    case .order(let order):
      try w.encode("order", forKey: .model)
      try w.encode(order, forKey: .order)
    }
    if let unknownFacts {
      var f = c.nestedContainer(keyedBy: FactKeys.self, forKey: .unknownFacts)
      try f.encode(unknownFacts, forKey: .p)
    } else {
      try c.encodeNil(forKey: .unknownFacts)
    }
    try c.encode(choiceEntropy, forKey: .choiceEntropy)
    try c.encode(rankingEntropy, forKey: .rankingEntropy)
    try c.encode(distinctRankings, forKey: .distinctRankings)
    try c.encode(offerings, forKey: .offerings)
    try c.encode(pairwise, forKey: .pairwise)
  }
}
