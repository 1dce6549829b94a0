/// The outcome of sweeping one criterion's weight (see ``WeightSweep``).
public struct WeightSweepResult: Sendable, Hashable {
  /// The criterion swept.
  public var criterion: String
  /// Its weight in the baseline (normalised to sum 1).
  public var weight: Double
  /// The baseline winner (the first by id when several tie at the baseline).
  public var winner: String
  /// Every alternative first at the baseline (more than one when they tie).
  public var baselineWinners: [String]
  /// The interval of the swept weight `t` over which ``winner`` stays first (ties included:
  /// at a finite end it ties with whoever takes over).
  public var lower: Double
  public var upper: Double
  /// What happens below ``lower`` (nil when `lower` is 0).
  public var below: WeightFlip?
  /// What happens above ``upper`` (nil when `upper` is 1).
  public var above: WeightFlip?
  /// Who is first over the whole of [0, 1], as consecutive intervals.
  public var segments: [WeightSegment]
  /// True for the weighted sum (flip points solved from the linear scores), false for TOPSIS
  /// (flip points located by bisection to ``WeightSweep/tolerance``).
  public var exact: Bool
}

/// A flip point of a sweep.
public struct WeightFlip: Sendable, Hashable {
  /// The weight at which the winner changes.
  public var at: Double
  /// The alternatives tied first exactly at the flip point (the winner and its challengers).
  public var tied: [String]
  /// Who is first just beyond it (several when they stay tied).
  public var takers: [String]
}

/// An interval of the swept weight and who is first over it.
public struct WeightSegment: Sendable, Hashable {
  public var from: Double
  public var to: Double
  public var winners: [String]
}

extension WeightSweepResult: Encodable {
  enum CodingKeys: String, CodingKey {
    case criterion, weight, winner
    case baselineWinners = "baseline_winners"
    case lower, upper, below, above, segments, exact
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(criterion, forKey: .criterion)
    try c.encode(weight, forKey: .weight)
    try c.encode(winner, forKey: .winner)
    try c.encode(baselineWinners, forKey: .baselineWinners)
    try c.encode(lower, forKey: .lower)
    try c.encode(upper, forKey: .upper)
    try c.encode(below, forKey: .below)
    try c.encode(above, forKey: .above)
    try c.encode(segments, forKey: .segments)
    try c.encode(exact, forKey: .exact)
  }
}

extension WeightFlip: Encodable {}
extension WeightSegment: Encodable {}
