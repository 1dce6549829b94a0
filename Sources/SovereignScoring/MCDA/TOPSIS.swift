/// Textbook TOPSIS (Hwang & Yoon 1981).
///
/// 1. `r = x / sqrt(sum of x²)` per column (``Normalization/vector(_:)``);
/// 2. `v = w × r` with weights normalised to sum 1;
/// 3. ideal = column max of `v` for a benefit, min for a cost; anti-ideal the opposite;
/// 4. `D+`, `D−` = Euclidean distances to the ideal and anti-ideal;
/// 5. score = closeness `D− / (D+ + D−)`.
///
/// Agrees with pymcdm 1.4.0 `TOPSIS(vector_normalization)` (which maps costs to `1 − r` and takes
/// the max: an affine map of slope −1, so the same distances). Where pymcdm gives NaN we define a
/// finite value: an all-zero column normalises to 0, and when `D+ + D− = 0` (every alternative
/// equal on every weighted criterion, e.g. a single alternative) the score is `1`: the alternative
/// is at the ideal point, consistent with the weighted sum, which gives 1 in that case.
///
/// `explain: false` computes the same scores and ranks without the per-criterion terms: for very
/// large matrices (a million alternatives × 32 criteria), the terms are most of the memory.
///
/// How it runs at memory speed (the arithmetic, and so every bit of every score, is the
/// textbook order above): one pass per column gives its sum of squares (in eight partial sums,
/// see ``ColumnSummary``), min and max (`v = w × (x / norm)` is monotone in `x`, so the ideal is
/// `w × (max / norm)`); then one pass over the matrix in blocks of rows computes `v` and both
/// squared distances per row, criterion by criterion, in small buffers that stay in the L1
/// cache. Columns, then row blocks, are shared among the cores for large matrices; each value is
/// computed by one thread in the same order whatever the thread count.
public enum TOPSIS {
  /// Scored rows per inner block: the two distance accumulators (for up to twice as many store
  /// rows) and four gathered column blocks (8 × 4 KiB) stay in the L1 cache.
  static let blockRows = 512

  public static func score(_ matrix: DecisionMatrix, explain: Bool = true) throws(MCDAError) -> MCDAResult {
    let pass = try Pass(matrix)
    let (n, m) = (matrix.alternatives.count, matrix.criteria.count)
    let (weights, norms, ideal, antiIdeal) = (pass.weights, pass.norms, pass.ideal, pass.antiIdeal)
    let ordering = CompetitionRanking.ordering(ids: matrix.alternatives, scores: pass.scores)
    let alternatives = ordering.map(work: n * m) { i, rank -> ScoredAlternative in
      var terms: [CriterionTerm] = []
      if explain {
        terms.reserveCapacity(m)
        for (j, criterion) in matrix.criteria.enumerated() {
          let raw = matrix.columnMajorValues[j * n + i]
          let normalized = norms[j] > 0 ? raw / norms[j] : 0
          let v = weights[j] * normalized
          terms.append(
            CriterionTerm(
              criterion: criterion.name, raw: raw, normalized: normalized, weight: weights[j], weighted: v,
              contribution: nil, idealTerm: (v - ideal[j]) * (v - ideal[j]),
              antiIdealTerm: (v - antiIdeal[j]) * (v - antiIdeal[j])))
        }
      }
      return ScoredAlternative(
        id: matrix.alternatives[i], score: pass.scores[i], rank: rank, terms: terms,
        distances: TOPSISDistances(toIdeal: pass.toIdeal[i], toAntiIdeal: pass.toAntiIdeal[i]))
    }
    return MCDAResult(method: .topsis, criteria: matrix.criteria, weights: weights, alternatives: alternatives)
  }

  /// The scores alone, in alternative order (no rank order, no result): what
  /// `Ranker.scoreBounds` needs for each changed row.
  static func scores(_ matrix: DecisionMatrix) throws(MCDAError) -> [Double] { try Pass(matrix, distances: false).scores }

  /// TOPSIS over the selected rows of a column store, read in place: scores and rank order,
  /// without one result per alternative (see ``RowRanking``). Bit for bit the scores of
  /// ``score(_:explain:)`` on a ``DecisionMatrix`` of the selected rows; ties are ordered by row.
  ///
  /// `columnMajor[j × selection.rowCount + i]` is row `i` on criterion `j`. Throws like
  /// ``DecisionMatrix``'s checks: no criterion, no row selected, a repeated criterion name, a bad
  /// weight, the wrong number of values, or a NaN or infinite value in a selected row (rows left
  /// out count for nothing: a NaN there is no error).
  public static func rank(columnMajor values: [Double], criteria: [DecisionCriterion], selection: RowSelection) throws(MCDAError) -> RowRanking {
    try RowRanking.check(values: values, criteria: criteria, selection: selection)
    let pass = try values.withUnsafeBufferPointer { values throws(MCDAError) in
      try selection.rows.withUnsafeBufferPointer { rows throws(MCDAError) in
        try Pass(values: values.baseAddress!, stride: selection.rowCount, rows: ChosenRows(rows: rows), criteria: criteria, checkFinite: true, distances: false)
      }
    }
    return RowRanking(method: .topsis, weights: pass.weights, selection: selection, scores: pass.scores)
  }

  /// The two passes over the matrix: per column its norm and ideal points, per row its distances
  /// and score.
  struct Pass {
    var weights: [Double]
    var norms: [Double]
    var ideal: [Double]
    var antiIdeal: [Double]
    var scores: [Double]
    /// Each row's D+ and D−; empty unless asked for.
    var toIdeal: [Double]
    var toAntiIdeal: [Double]

    init(_ matrix: DecisionMatrix, distances: Bool = true) throws(MCDAError) {
      let n = matrix.alternatives.count
      self = try matrix.columnMajorValues.withUnsafeBufferPointer { x throws(MCDAError) in
        try Pass(values: x.baseAddress!, stride: n, rows: AllRows(count: n), criteria: matrix.criteria, checkFinite: false, distances: distances)
      }
    }

    /// The passes over `rows` of the columns at `values + j × stride`; with `checkFinite`, a NaN
    /// or infinite value read throws (a ``DecisionMatrix`` was checked when made). Without
    /// `distances`, only the scores are kept: for a million rows, first touching the memory of
    /// the two distance arrays costs about as much as computing them.
    init<Rows: ScoredRows>(
      values: UnsafePointer<Double>, stride: Int, rows: Rows, criteria: [DecisionCriterion], checkFinite: Bool,
      distances: Bool
    ) throws(MCDAError) {
      let weights = try WeightNormalization.normalize(criteria)
      let n = rows.count
      let m = criteria.count
      let x = UncheckedBox(values)
      var norms = [Double](repeating: 0, count: m)
      var ideal = [Double](repeating: 0, count: m)
      var antiIdeal = [Double](repeating: 0, count: m)
      var summaries = [Double](repeating: 0, count: m)
      norms.withUnsafeMutableBufferPointer { norms in
        ideal.withUnsafeMutableBufferPointer { ideal in
          antiIdeal.withUnsafeMutableBufferPointer { antiIdeal in
            summaries.withUnsafeMutableBufferPointer { summaries in
              let out = (
                SharedBuffer(base: norms.baseAddress!), SharedBuffer(base: ideal.baseAddress!),
                SharedBuffer(base: antiIdeal.baseAddress!), SharedBuffer(base: summaries.baseAddress!)
              )
              ParallelBlocks.run(count: m, work: n * m) { columns in
                for j in columns {
                  let summary = rows.summary(of: x.value + j * stride)
                  let (sum, low, high) = summary
                  out.3.base[j] = ColumnSummary.probe(summary)
                  let norm = sum.squareRoot()
                  out.0.base[j] = norm
                  let (top, bottom) = norm > 0 ? (weights[j] * (high / norm), weights[j] * (low / norm)) : (0.0, 0.0)
                  let benefit = criteria[j].direction == .benefit
                  out.1.base[j] = benefit ? top : bottom
                  out.2.base[j] = benefit ? bottom : top
                }
              }
            }
          }
        }
      }
      if checkFinite {
        try RowRanking.checkFinite(values: values, stride: stride, rows: rows, criteria: criteria, summaries: summaries)
      }
      // Scores and distances are written once each, by the pass below: no zeros first.
      let (scores, toIdeal, toAntiIdeal) = FilledArrays.three(count: n, keeping: distances ? 3 : 1) { [norms, ideal, antiIdeal] scores, toIdeal, toAntiIdeal in
        let out = (SharedBuffer(base: scores), SharedBuffer(base: toIdeal), SharedBuffer(base: toAntiIdeal))
        let blocks = (n + blockRows - 1) / blockRows
        ParallelBlocks.run(count: blocks, work: n * m) { range in
          withUnsafeTemporaryAllocation(of: Double.self, capacity: 8 * blockRows) { buffer in
            let plus = buffer.baseAddress!
            let minus = buffer.baseAddress! + 2 * blockRows
            let gathered = buffer.baseAddress! + 4 * blockRows
            for block in range {
              let start = block * blockRows
              let count = min(blockRows, n - start)
              // Where the block's rows lie close together in the store (every row of a matrix;
              // most rows of a store after the gates), the sums are computed for every row of
              // their span, read straight from the columns, and the scored ones kept: fewer
              // operations per value than gathering them first. Else the values are gathered.
              let (first, span) = rows.span(from: start, count: count)
              let direct = span <= 2 * blockRows
              let width = direct ? span : count
              let column = { (j: Int, slot: Int) -> UnsafePointer<Double> in
                direct
                  ? x.value + j * stride + first
                  : rows.values(of: x.value + j * stride, from: start, count: count, buffer: gathered + slot * blockRows)
              }
              for k in 0..<width {
                plus[k] = 0
                minus[k] = 0
              }
              // Four columns at a time where their norms are positive: each row's two sums
              // take the four terms in column order in registers (the same additions in the
              // same order as one column at a time), and are loaded and stored once.
              var j = 0
              while j < m {
                if j + 4 <= m, norms[j] > 0, norms[j + 1] > 0, norms[j + 2] > 0, norms[j + 3] > 0 {
                  let (c0, c1, c2, c3) = (column(j, 0), column(j + 1, 1), column(j + 2, 2), column(j + 3, 3))
                  let (w0, w1, w2, w3) = (weights[j], weights[j + 1], weights[j + 2], weights[j + 3])
                  let (n0, n1, n2, n3) = (norms[j], norms[j + 1], norms[j + 2], norms[j + 3])
                  let (b0, b1, b2, b3) = (ideal[j], ideal[j + 1], ideal[j + 2], ideal[j + 3])
                  let (a0, a1, a2, a3) = (antiIdeal[j], antiIdeal[j + 1], antiIdeal[j + 2], antiIdeal[j + 3])
                  for k in 0..<width {
                    var p = plus[k]
                    var q = minus[k]
                    let v0 = w0 * (c0[k] / n0)
                    p += (v0 - b0) * (v0 - b0)
                    q += (v0 - a0) * (v0 - a0)
                    let v1 = w1 * (c1[k] / n1)
                    p += (v1 - b1) * (v1 - b1)
                    q += (v1 - a1) * (v1 - a1)
                    let v2 = w2 * (c2[k] / n2)
                    p += (v2 - b2) * (v2 - b2)
                    q += (v2 - a2) * (v2 - a2)
                    let v3 = w3 * (c3[k] / n3)
                    p += (v3 - b3) * (v3 - b3)
                    q += (v3 - a3) * (v3 - a3)
                    plus[k] = p
                    minus[k] = q
                  }
                  j += 4
                  continue
                }
                let norm = norms[j]
                let weight = weights[j]
                let best = ideal[j]
                let worst = antiIdeal[j]
                if norm > 0 {
                  let values = column(j, 0)
                  for k in 0..<width {
                    let v = weight * (values[k] / norm)
                    plus[k] += (v - best) * (v - best)
                    minus[k] += (v - worst) * (v - worst)
                  }
                } else {
                  let v = weight * 0.0
                  for k in 0..<width {
                    plus[k] += (v - best) * (v - best)
                    minus[k] += (v - worst) * (v - worst)
                  }
                }
                j += 1
              }
              for k in 0..<count {
                let at = direct ? rows.row(start + k) - first : k
                let dPlus = plus[at].squareRoot()
                let dMinus = minus[at].squareRoot()
                let total = dPlus + dMinus
                out.0.base[start + k] = total > 0 ? dMinus / total : 1
                if distances {
                  out.1.base[start + k] = dPlus
                  out.2.base[start + k] = dMinus
                }
              }
            }
          }
        }
      }
      self.weights = weights
      self.norms = norms
      self.ideal = ideal
      self.antiIdeal = antiIdeal
      self.scores = scores
      self.toIdeal = toIdeal
      self.toAntiIdeal = toAntiIdeal
    }
  }
}
