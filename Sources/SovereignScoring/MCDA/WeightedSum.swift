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

  /// One pass per column for its min and max, then one over the rows for the scores.
  static func pass(_ matrix: DecisionMatrix) throws(MCDAError) -> (weights: [Double], lows: [Double], highs: [Double], scores: [Double]) {
    let weights = try WeightNormalization.normalize(matrix.criteria)
    let n = matrix.alternatives.count
    let m = matrix.criteria.count
    var lows = [Double](repeating: 0, count: m)
    var highs = [Double](repeating: 0, count: m)
    var scores = [Double](repeating: 0, count: n)
    matrix.columnMajorValues.withUnsafeBufferPointer { x in
      let x = UncheckedBox(x)
      lows.withUnsafeMutableBufferPointer { lows in
        highs.withUnsafeMutableBufferPointer { highs in
          let out = (SharedBuffer(base: lows.baseAddress!), SharedBuffer(base: highs.baseAddress!))
          ParallelBlocks.run(count: m, work: n * m) { columns in
            for j in columns {
              let (_, low, high) = ColumnSummary.of(x.value.baseAddress! + j * n, count: n)
              out.0.base[j] = low
              out.1.base[j] = high
            }
          }
        }
      }
      let lows = lows
      let highs = highs
      scores.withUnsafeMutableBufferPointer { scores in
        let out = SharedBuffer(base: scores.baseAddress!)
        ParallelBlocks.run(count: n, work: n * m) { rows in
          for k in rows { out.base[k] = 0 }
          for j in 0..<m {
            let column = x.value.baseAddress! + j * n
            let weight = weights[j]
            let (low, high) = (lows[j], highs[j])
            let range = high - low
            if !(high > low) {
              let contribution = weight * 1.0
              for k in rows { out.base[k] += contribution }
            } else if matrix.criteria[j].direction == .benefit {
              for k in rows { out.base[k] += weight * ((column[k] - low) / range) }
            } else {
              for k in rows { out.base[k] += weight * ((high - column[k]) / range) }
            }
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
