/// Column normalisations used by the scoring methods, with their degenerate cases defined.
public enum Normalization {
  /// Vector normalisation (TOPSIS, Hwang & Yoon): `r = x / sqrt(sum of x²)`, whatever the direction
  /// (the direction is applied when choosing the ideal point).
  ///
  /// Degenerate case: an all-zero column gives `0` for every alternative (pymcdm 1.4.0 gives NaN);
  /// the column then separates no one and adds nothing to any distance.
  ///
  /// The sum of squares is ``ColumnSummary``'s (eight partial sums), the one ``TOPSIS`` uses, so
  /// both give the same bits.
  public static func vector(_ column: [Double]) -> [Double] {
    guard !column.isEmpty else { return [] }
    let norm = column.withUnsafeBufferPointer { ColumnSummary.of($0.baseAddress!, count: $0.count).sumOfSquares }.squareRoot()
    guard norm > 0 else { return column.map { _ in 0 } }
    return column.map { $0 / norm }
  }

  /// Min-max normalisation (weighted sum): `(x − min)/(max − min)` for a benefit criterion,
  /// `(max − x)/(max − min)` for a cost criterion, so the best value maps to 1 and the worst to 0.
  ///
  /// Degenerate case, as in pymcdm 1.4.0: a constant column (including a single alternative)
  /// gives `1` for every alternative.
  public static func minMax(_ column: [Double], direction: CriterionDirection) -> [Double] {
    guard let low = column.min(), let high = column.max(), high > low else {
      return column.map { _ in 1 }
    }
    let range = high - low
    switch direction {
    case .benefit: return column.map { ($0 - low) / range }
    case .cost: return column.map { (high - $0) / range }
    }
  }
}
