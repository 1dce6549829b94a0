/// Turns user weights (any non-negative numbers, at least one positive) into weights summing to 1.
public enum WeightNormalization {
  /// Divides each weight by the sum of all weights (summed in the given order).
  ///
  /// Throws ``MCDAError`` for a negative, NaN or infinite weight, or when every weight is zero.
  /// A weight of zero is allowed: its criterion is shown in explanations but does not count.
  public static func normalize(_ criteria: [DecisionCriterion]) throws(MCDAError) -> [Double] {
    guard !criteria.isEmpty else { throw .noCriteria }
    for criterion in criteria {
      guard criterion.weight.isFinite else { throw .nonFiniteWeight(criterion: criterion.name) }
      guard criterion.weight >= 0 else {
        throw .negativeWeight(criterion: criterion.name, weight: criterion.weight)
      }
    }
    let total = criteria.reduce(0.0) { $0 + $1.weight }
    guard total > 0 else { throw .allWeightsZero }
    guard total.isFinite else { throw .nonFiniteWeight(criterion: criteria.map(\.name).joined(separator: "+")) }
    return criteria.map { $0.weight / total }
  }
}
