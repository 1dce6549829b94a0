/// One column of a decision matrix: a name, a weight as given (any non-negative number) and a
/// direction.
public struct DecisionCriterion: Sendable, Hashable, Codable {
  /// Stable name, e.g. `sovereignty`.
  public var name: String
  /// The weight as given by the user; weights are normalised to sum 1 before scoring.
  public var weight: Double
  /// Benefit (more is better) or cost (less is better).
  public var direction: CriterionDirection

  public init(_ name: String, weight: Double, direction: CriterionDirection = .benefit) {
    self.name = name
    self.weight = weight
    self.direction = direction
  }
}
