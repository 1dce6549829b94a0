/// How `sovereign rank --robustness N` varies a ranking (the `robustness:` key of a requirements
/// file; see `docs/robustness.md`): the weights, and the unknown facts.
public struct RobustnessSettings: Sendable, Hashable, Codable {
  /// How the weights vary from one scenario to the next.
  public enum Weights: Sendable, Hashable {
    /// Uniform on the simplex (no preference information): the default when the file gives no `criteria`.
    case uniform
    /// The file's weights in every scenario (only the unknown facts vary).
    case fixed
    /// Each given weight times `1 + spread·u`, `u` uniform on [−1, 1], then renormalised: the
    /// default, with spread 0.25, when the file gives `criteria`.
    case spread(Double)
    /// Ordinal: uniform over the weights with `w[order[0]] ≥ w[order[1]] ≥ …`; lists every criterion once.
    case order([CriterionKind])
  }

  public var weights: Weights
  /// The probability that an unknown deciding fact turns out favourable, independently per fact
  /// and per offering; nil when unknown facts are not varied (the unknown policy then decides).
  public var unknownFacts: Double?

  /// The spread used when the file gives weights but no `robustness.weights`: 0.25 (±25 %).
  public static let defaultSpread = 0.25
  /// The default probability that an unknown fact is favourable: 0.5.
  public static let defaultProbability = 0.5

  public init(weights: Weights = .uniform, unknownFacts: Double? = RobustnessSettings.defaultProbability) {
    self.weights = weights
    self.unknownFacts = unknownFacts
  }

  enum CodingKeys: String, CodingKey {
    case weights
    case unknownFacts = "unknown_facts"
  }

  enum WeightKeys: String, CodingKey { case spread, order }
  enum FactKeys: String, CodingKey { case p }

  /// `weights`: `"uniform"`, `"fixed"`, `{"spread": s}` or `{"order": [...]}`; `unknown_facts`:
  /// `{"p": p}` or `false` (the file's own forms).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch weights {
    case .uniform: try container.encode("uniform", forKey: .weights)
    case .fixed: try container.encode("fixed", forKey: .weights)
    case .spread(let spread):
      var nested = container.nestedContainer(keyedBy: WeightKeys.self, forKey: .weights)
      try nested.encode(spread, forKey: .spread)
    case .order(let order):
      var nested = container.nestedContainer(keyedBy: WeightKeys.self, forKey: .weights)
      try nested.encode(order, forKey: .order)
    }
    if let p = unknownFacts {
      var nested = container.nestedContainer(keyedBy: FactKeys.self, forKey: .unknownFacts)
      try nested.encode(p, forKey: .p)
    } else {
      try container.encode(false, forKey: .unknownFacts)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if let word = try? container.decode(String.self, forKey: .weights) {
      weights = word == "fixed" ? .fixed : .uniform
    } else {
      let nested = try container.nestedContainer(keyedBy: WeightKeys.self, forKey: .weights)
      if let spread = try nested.decodeIfPresent(Double.self, forKey: .spread) {
        weights = .spread(spread)
      } else {
        weights = .order(try nested.decode([CriterionKind].self, forKey: .order))
      }
    }
    if (try? container.decode(Bool.self, forKey: .unknownFacts)) != nil {
      unknownFacts = nil
    } else {
      unknownFacts = try container.nestedContainer(keyedBy: FactKeys.self, forKey: .unknownFacts).decode(Double.self, forKey: .p)
    }
  }
}
