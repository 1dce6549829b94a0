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
  /// Rows per inner block: the two distance accumulators (2 × 4 KiB) stay in the L1 cache.
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
  static func scores(_ matrix: DecisionMatrix) throws(MCDAError) -> [Double] { try Pass(matrix).scores }

  /// The two passes over the matrix: per column its norm and ideal points, per row its distances
  /// and score.
  struct Pass {
    var weights: [Double]
    var norms: [Double]
    var ideal: [Double]
    var antiIdeal: [Double]
    var scores: [Double]
    var toIdeal: [Double]
    var toAntiIdeal: [Double]

    init(_ matrix: DecisionMatrix) throws(MCDAError) {
      let weights = try WeightNormalization.normalize(matrix.criteria)
      let n = matrix.alternatives.count
      let m = matrix.criteria.count
      var norms = [Double](repeating: 0, count: m)
      var ideal = [Double](repeating: 0, count: m)
      var antiIdeal = [Double](repeating: 0, count: m)
      var scores: [Double] = []
      var toIdeal: [Double] = []
      var toAntiIdeal: [Double] = []
      matrix.columnMajorValues.withUnsafeBufferPointer { x in
        let x = UncheckedBox(x)
        norms.withUnsafeMutableBufferPointer { norms in
          ideal.withUnsafeMutableBufferPointer { ideal in
            antiIdeal.withUnsafeMutableBufferPointer { antiIdeal in
              let out = (SharedBuffer(base: norms.baseAddress!), SharedBuffer(base: ideal.baseAddress!), SharedBuffer(base: antiIdeal.baseAddress!))
              ParallelBlocks.run(count: m, work: n * m) { columns in
                for j in columns {
                  let (sum, low, high) = ColumnSummary.of(x.value.baseAddress! + j * n, count: n)
                  let norm = sum.squareRoot()
                  out.0.base[j] = norm
                  let (top, bottom) = norm > 0 ? (weights[j] * (high / norm), weights[j] * (low / norm)) : (0.0, 0.0)
                  let benefit = matrix.criteria[j].direction == .benefit
                  out.1.base[j] = benefit ? top : bottom
                  out.2.base[j] = benefit ? bottom : top
                }
              }
            }
          }
        }
        let norms = norms
        let ideal = ideal
        let antiIdeal = antiIdeal
        // Scores and distances are written once each, by the pass below: no zeros first.
        (scores, toIdeal, toAntiIdeal) = FilledArrays.three(count: n) { scores, toIdeal, toAntiIdeal in
          let out = (SharedBuffer(base: scores), SharedBuffer(base: toIdeal), SharedBuffer(base: toAntiIdeal))
          let blocks = (n + blockRows - 1) / blockRows
          ParallelBlocks.run(count: blocks, work: n * m) { range in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * blockRows) { buffer in
              let plus = buffer.baseAddress!
              let minus = buffer.baseAddress! + blockRows
              for block in range {
                let start = block * blockRows
                let count = min(blockRows, n - start)
                for k in 0..<count {
                  plus[k] = 0
                  minus[k] = 0
                }
                for j in 0..<m {
                  let column = x.value.baseAddress! + j * n + start
                  let norm = norms[j]
                  let weight = weights[j]
                  let best = ideal[j]
                  let worst = antiIdeal[j]
                  if norm > 0 {
                    for k in 0..<count {
                      let v = weight * (column[k] / norm)
                      plus[k] += (v - best) * (v - best)
                      minus[k] += (v - worst) * (v - worst)
                    }
                  } else {
                    let v = weight * 0.0
                    for k in 0..<count {
                      plus[k] += (v - best) * (v - best)
                      minus[k] += (v - worst) * (v - worst)
                    }
                  }
                }
                for k in 0..<count {
                  let dPlus = plus[k].squareRoot()
                  let dMinus = minus[k].squareRoot()
                  let total = dPlus + dMinus
                  out.0.base[start + k] = total > 0 ? dMinus / total : 1
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
