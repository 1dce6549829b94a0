/// Alternatives (rows) scored on criteria (columns): the input of ``TOPSIS`` and ``WeightedSum``.
///
/// Construction checks the shape and that every value is finite, so scoring never meets NaN.
public struct DecisionMatrix: Sendable, Hashable {
  /// Alternative ids, one per row; unique.
  public let alternatives: [String]
  /// The criteria, one per column; names unique.
  public let criteria: [DecisionCriterion]
  /// `values[i][j]`: raw value of alternative `i` on criterion `j`.
  public let values: [[Double]]

  public init(alternatives: [String], criteria: [DecisionCriterion], values: [[Double]]) throws(MCDAError) {
    guard !criteria.isEmpty else { throw .noCriteria }
    guard !alternatives.isEmpty else { throw .noAlternatives }
    var seenCriteria = Set<String>()
    for criterion in criteria where !seenCriteria.insert(criterion.name).inserted {
      throw .duplicateCriterion(criterion.name)
    }
    var seenAlternatives = Set<String>()
    for id in alternatives where !seenAlternatives.insert(id).inserted {
      throw .duplicateAlternative(id)
    }
    guard values.count == alternatives.count else {
      throw .rowLength(alternative: "(rows)", expected: alternatives.count, actual: values.count)
    }
    for (row, id) in zip(values, alternatives) {
      guard row.count == criteria.count else {
        throw .rowLength(alternative: id, expected: criteria.count, actual: row.count)
      }
      for (value, criterion) in zip(row, criteria) where !value.isFinite {
        throw .nonFiniteValue(alternative: id, criterion: criterion.name)
      }
    }
    self.alternatives = alternatives
    self.criteria = criteria
    self.values = values
  }

  /// The raw values of criterion `j`, one per alternative.
  public func column(_ j: Int) -> [Double] { values.map { $0[j] } }
}
