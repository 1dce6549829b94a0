/// Scores and rank order of the selected rows of a column store, as flat arrays: what
/// ``TOPSIS/rank(columnMajor:criteria:selection:)`` and
/// ``WeightedSum/rank(columnMajor:criteria:selection:)`` give where a ``MCDAResult`` would build
/// one ``ScoredAlternative`` (an id, a score, a rank, terms) per alternative: for a million rows
/// those structures cost more than the scoring. Alternatives are the store's rows; ties (scores
/// equal under ``CompetitionRanking/relativeTolerance``) are ordered by row, as a stable sort of
/// the rows by score would.
public struct RowRanking: Sendable, Hashable {
  /// The method used.
  public var method: MCDAMethod
  /// The weights used, normalised to sum 1, in criterion order.
  public var weights: [Double]
  /// The rows scored, ascending (the selection's rows).
  public var rows: [Int32]
  /// `scores[k]` is the score of `rows[k]`, in [0, 1]; higher is better.
  public var scores: [Double]
  /// Indices into ``rows`` and ``scores``, best first.
  public var order: [Int32]
  /// `ranks[p]`: the competition rank ("1224") of `order[p]`.
  public var ranks: [Int32]

  init(method: MCDAMethod, weights: [Double], selection: RowSelection, scores: [Double]) {
    let ordering = CompetitionRanking.rowOrdering(scores: scores)
    self.method = method
    self.weights = weights
    self.rows = selection.rows
    self.scores = scores
    self.order = ordering.indices
    self.ranks = ordering.ranks
  }

  /// The checks of ``DecisionMatrix``'s initialisers that do not read the values: criteria,
  /// a non-empty selection, one value per row and criterion.
  static func check(values: [Double], criteria: [DecisionCriterion], selection: RowSelection) throws(MCDAError) {
    try DecisionMatrix.checkCriteria(criteria)
    guard !selection.rows.isEmpty else { throw .noAlternatives }
    guard values.count == selection.rowCount * criteria.count else {
      throw .rowLength(alternative: "(values)", expected: selection.rowCount * criteria.count, actual: values.count)
    }
  }

  /// Throws for the first NaN or infinite value (column by column, then row by row, as
  /// ``DecisionMatrix`` reports it) among the scored rows of each column whose summary (its sum of
  /// squares plus `min − min` plus `max − max`) is not finite. A column of finite values can
  /// still sum to infinity; it is then read again and accepted.
  static func checkFinite<Rows: ScoredRows>(
    values: UnsafePointer<Double>, stride: Int, rows: Rows, criteria: [DecisionCriterion], summaries: [Double]
  ) throws(MCDAError) {
    for (j, summary) in summaries.enumerated() where !summary.isFinite {
      let column = values + j * stride
      for k in 0..<rows.count where !column[rows.row(k)].isFinite {
        throw .nonFiniteValue(alternative: "row \(rows.row(k))", criterion: criteria[j].name)
      }
    }
  }
}
