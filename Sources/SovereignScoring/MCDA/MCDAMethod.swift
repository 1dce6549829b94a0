/// The aggregation method of a ranking.
public enum MCDAMethod: String, Sendable, Hashable, Codable, CaseIterable {
  /// Textbook TOPSIS: vector normalisation, weighted, Euclidean distances to the ideal and
  /// anti-ideal points, score = closeness `D− / (D+ + D−)`. Same scores as pymcdm 1.4.0
  /// `TOPSIS(vector_normalization)`.
  case topsis
  /// Weighted sum of min-max normalised values. Same scores as pymcdm 1.4.0
  /// `WSM(minmax_normalization)`.
  case weightedSum = "weighted-sum"

  /// Scores `matrix` with this method.
  public func score(_ matrix: DecisionMatrix) throws(MCDAError) -> MCDAResult {
    switch self {
    case .topsis: try TOPSIS.score(matrix)
    case .weightedSum: try WeightedSum.score(matrix)
    }
  }

  /// Scores the selected rows of a column store with this method (see ``RowRanking``).
  public func rank(columnMajor values: [Double], criteria: [DecisionCriterion], selection: RowSelection) throws(MCDAError) -> RowRanking {
    switch self {
    case .topsis: try TOPSIS.rank(columnMajor: values, criteria: criteria, selection: selection)
    case .weightedSum: try WeightedSum.rank(columnMajor: values, criteria: criteria, selection: selection)
    }
  }

  /// The scores alone, in alternative order: no rank order, no explanation (the score bounds
  /// of a ranking rescore changed rows this way).
  func scores(_ matrix: DecisionMatrix) throws(MCDAError) -> [Double] {
    switch self {
    case .topsis: try TOPSIS.scores(matrix)
    case .weightedSum: try WeightedSum.scores(matrix)
    }
  }

  /// The normalisation this method applies, named for explanations.
  public var normalizationName: String {
    switch self {
    case .topsis: "vector normalisation (x / sqrt(sum of x²))"
    case .weightedSum: "min-max normalisation ((x − min)/(max − min), reversed for costs)"
    }
  }
}
