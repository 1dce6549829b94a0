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
public enum TOPSIS {
  public static func score(_ matrix: DecisionMatrix, explain: Bool = true) throws(MCDAError) -> MCDAResult {
    let weights = try WeightNormalization.normalize(matrix.criteria)
    let n = matrix.alternatives.count
    let columns = matrix.criteria.indices.map { Normalization.vector(matrix.column($0)) }
    let weighted = matrix.criteria.indices.map { j in columns[j].map { weights[j] * $0 } }
    var ideal: [Double] = []
    var antiIdeal: [Double] = []
    for (j, criterion) in matrix.criteria.enumerated() {
      let high = weighted[j].max() ?? 0
      let low = weighted[j].min() ?? 0
      ideal.append(criterion.direction == .benefit ? high : low)
      antiIdeal.append(criterion.direction == .benefit ? low : high)
    }
    var scores: [Double] = []
    var rows: [(terms: [CriterionTerm], distances: TOPSISDistances)] = []
    for i in 0..<n {
      var terms: [CriterionTerm] = []
      var plus = 0.0
      var minus = 0.0
      for (j, criterion) in matrix.criteria.enumerated() {
        let v = weighted[j][i]
        let idealTerm = (v - ideal[j]) * (v - ideal[j])
        let antiIdealTerm = (v - antiIdeal[j]) * (v - antiIdeal[j])
        plus += idealTerm
        minus += antiIdealTerm
        guard explain else { continue }
        terms.append(
          CriterionTerm(
            criterion: criterion.name, raw: matrix.values[i][j], normalized: columns[j][i],
            weight: weights[j], weighted: v, contribution: nil,
            idealTerm: idealTerm, antiIdealTerm: antiIdealTerm))
      }
      let distances = TOPSISDistances(toIdeal: plus.squareRoot(), toAntiIdeal: minus.squareRoot())
      let total = distances.toIdeal + distances.toAntiIdeal
      scores.append(total > 0 ? distances.toAntiIdeal / total : 1)
      rows.append((terms, distances))
    }
    let alternatives = CompetitionRanking.order(ids: matrix.alternatives, scores: scores).map {
      ScoredAlternative(
        id: matrix.alternatives[$0.index], score: scores[$0.index], rank: $0.rank,
        terms: rows[$0.index].terms, distances: rows[$0.index].distances)
    }
    return MCDAResult(method: .topsis, criteria: matrix.criteria, weights: weights, alternatives: alternatives)
  }
}
