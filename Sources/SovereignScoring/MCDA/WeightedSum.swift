/// Weighted sum of min-max normalised values: `score = sum over criteria of w × r`, with `r` from
/// ``Normalization/minMax(_:direction:)`` and weights normalised to sum 1, so scores are in [0, 1].
///
/// The score is computed as the sum of the per-criterion contributions, in criterion order,
/// starting from 0: the explanation's contributions add up to the score exactly, in floating point.
/// Agrees with pymcdm 1.4.0 `WSM(minmax_normalization)`, including its constant-column rule (1).
///
/// `explain: false` gives the same scores (still summed from the same contributions) without
/// keeping the per-criterion terms, for very large matrices.
///
/// Runs like ``TOPSIS``: one pass per column for its min and max (``ColumnSummary``), then one
/// pass over the matrix in blocks of rows, each row's contributions added in criterion order (bit
/// for bit the sum of its explanation), shared among the cores for large matrices.
public enum WeightedSum {
  public static func score(_ matrix: DecisionMatrix, explain: Bool = true) throws(MCDAError) -> MCDAResult {
    let (weights, lows, highs, scores) = try pass(matrix)
    let n = matrix.alternatives.count
    let m = matrix.criteria.count
    let ordering = CompetitionRanking.ordering(ids: matrix.alternatives, scores: scores)
    let alternatives = ordering.map(work: n * m) { i, rank -> ScoredAlternative in
      var terms: [CriterionTerm] = []
      if explain {
        terms.reserveCapacity(m)
        for (j, criterion) in matrix.criteria.enumerated() {
          let raw = matrix.columnMajorValues[j * n + i]
          let (low, high) = (lows[j], highs[j])
          let normalized =
            !(high > low) ? 1 : criterion.direction == .benefit ? (raw - low) / (high - low) : (high - raw) / (high - low)
          let contribution = weights[j] * normalized
          terms.append(
            CriterionTerm(
              criterion: criterion.name, raw: raw, normalized: normalized, weight: weights[j], weighted: contribution,
              contribution: contribution, idealTerm: nil, antiIdealTerm: nil))
        }
      }
      return ScoredAlternative(id: matrix.alternatives[i], score: scores[i], rank: rank, terms: terms, distances: nil)
    }
    return MCDAResult(method: .weightedSum, criteria: matrix.criteria, weights: weights, alternatives: alternatives)
  }

  /// The scores alone, in alternative order (no rank order, no result): what
  /// `Ranker.scoreBounds` needs for each changed row.
  static func scores(_ matrix: DecisionMatrix) throws(MCDAError) -> [Double] { try pass(matrix).scores }

  /// The weighted sum over the selected rows of a column store, read in place: scores and rank
  /// order without one result per alternative (see ``RowRanking``). Bit for bit the scores of
  /// ``score(_:explain:)`` on a ``DecisionMatrix`` of the selected rows; ties are ordered by row.
  /// Same layout and checks as ``TOPSIS/rank(columnMajor:criteria:selection:)``.
  public static func rank(columnMajor values: [Double], criteria: [DecisionCriterion], selection: RowSelection) throws(MCDAError) -> RowRanking {
    try RowRanking.check(values: values, criteria: criteria, selection: selection)
    let (weights, _, _, scores) = try values.withUnsafeBufferPointer { values throws(MCDAError) in
      try selection.rows.withUnsafeBufferPointer { rows throws(MCDAError) in
        try pass(values: values.baseAddress!, stride: selection.rowCount, rows: ChosenRows(rows: rows), criteria: criteria, checkFinite: true)
      }
    }
    return RowRanking(method: .weightedSum, weights: weights, selection: selection, scores: scores)
  }

  /// One pass per column for its min and max, then one over the rows for the scores.
  static func pass(_ matrix: DecisionMatrix) throws(MCDAError) -> (weights: [Double], lows: [Double], highs: [Double], scores: [Double]) {
    let n = matrix.alternatives.count
    return try matrix.columnMajorValues.withUnsafeBufferPointer { x throws(MCDAError) in
      try pass(values: x.baseAddress!, stride: n, rows: AllRows(count: n), criteria: matrix.criteria, checkFinite: false)
    }
  }

  /// The passes over `rows` of the columns at `values + j × stride`; with `checkFinite`, a NaN
  /// or infinite value read throws (a ``DecisionMatrix`` was checked when made).
  static func pass<Rows: ScoredRows>(
    values: UnsafePointer<Double>, stride: Int, rows: Rows, criteria: [DecisionCriterion], checkFinite: Bool
  ) throws(MCDAError) -> (weights: [Double], lows: [Double], highs: [Double], scores: [Double]) {
    let weights = try WeightNormalization.normalize(criteria)
    let n = rows.count
    let m = criteria.count
    let x = UncheckedBox(values)
    var lows = [Double](repeating: 0, count: m)
    var highs = [Double](repeating: 0, count: m)
    var summaries = [Double](repeating: 0, count: m)
    lows.withUnsafeMutableBufferPointer { lows in
      highs.withUnsafeMutableBufferPointer { highs in
        summaries.withUnsafeMutableBufferPointer { summaries in
          let out = (SharedBuffer(base: lows.baseAddress!), SharedBuffer(base: highs.baseAddress!), SharedBuffer(base: summaries.baseAddress!))
          ParallelBlocks.run(count: m, work: n * m) { columns in
            for j in columns {
              let summary = rows.summary(of: x.value + j * stride)
              out.0.base[j] = summary.min
              out.1.base[j] = summary.max
              out.2.base[j] = ColumnSummary.probe(summary)
            }
          }
        }
      }
    }
    if checkFinite {
      try RowRanking.checkFinite(values: values, stride: stride, rows: rows, criteria: criteria, summaries: summaries)
    }
    // Every score is written once by the pass below: no zeros first (see FilledArrays).
    let scores = FilledArrays.one(count: n) { [lows, highs] scores in
      let out = SharedBuffer(base: scores)
      ParallelBlocks.run(count: n, work: n * m) { block in
        // Blocks of rows small enough for their sums and a gathered column block to stay in
        // the L1 cache; rows close together in the store are read straight from the columns
        // (see TOPSIS).
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * TOPSIS.blockRows) { buffer in
          let sums = buffer.baseAddress!
          let gathered = buffer.baseAddress! + 2 * TOPSIS.blockRows
          var start = block.lowerBound
          while start < block.upperBound {
            let count = min(TOPSIS.blockRows, block.upperBound - start)
            let (first, span) = rows.span(from: start, count: count)
            let direct = span <= 2 * TOPSIS.blockRows
            let width = direct ? span : count
            for k in 0..<width { sums[k] = 0 }
            for j in 0..<m {
              let weight = weights[j]
              let (low, high) = (lows[j], highs[j])
              let range = high - low
              if !(high > low) {
                let contribution = weight * 1.0
                for k in 0..<width { sums[k] += contribution }
                continue
              }
              let column =
                direct
                ? x.value + j * stride + first
                : rows.values(of: x.value + j * stride, from: start, count: count, buffer: gathered)
              if criteria[j].direction == .benefit {
                for k in 0..<width { sums[k] += weight * ((column[k] - low) / range) }
              } else {
                for k in 0..<width { sums[k] += weight * ((high - column[k]) / range) }
              }
            }
            for k in 0..<count { out.base[start + k] = sums[direct ? rows.row(start + k) - first : k] }
            start += count
          }
        }
      }
    }
    return (weights, lows, highs, scores)
  }

  /// The fixed-order sum used for scores: `((0 + c₁) + c₂) + …`. Re-summing an explanation's
  /// contributions with this function reproduces the score bit for bit.
  public static func sum(_ contributions: [Double]) -> Double {
    var total = 0.0
    for value in contributions { total += value }
    return total
  }
}
