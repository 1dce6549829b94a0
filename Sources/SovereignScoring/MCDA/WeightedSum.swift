/// Weighted sum of min-max normalised values: `score = sum over criteria of w × r`, with `r` from
/// ``Normalization/minMax(_:direction:)`` and weights normalised to sum 1, so scores are in [0, 1].
///
/// The score is computed as the sum of the per-criterion contributions, in criterion order,
/// starting from 0: the explanation's contributions add up to the score exactly, in floating point.
/// Agrees with pymcdm 1.4.0 `WSM(minmax_normalization)`, including its constant-column rule (1).
///
/// `explain: false` gives the same scores (still summed from the same contributions) without
/// keeping the per-criterion terms, for very large matrices.
public enum WeightedSum {
  public static func score(_ matrix: DecisionMatrix, explain: Bool = true) throws(MCDAError) -> MCDAResult {
    let weights = try WeightNormalization.normalize(matrix.criteria)
    let columns = matrix.criteria.enumerated().map { j, criterion in
      Normalization.minMax(matrix.column(j), direction: criterion.direction)
    }
    var scores: [Double] = []
    var allTerms: [[CriterionTerm]] = []
    for i in matrix.alternatives.indices {
      let terms = matrix.criteria.enumerated().map { j, criterion in
        let contribution = weights[j] * columns[j][i]
        return CriterionTerm(
          criterion: criterion.name, raw: matrix.values[i][j], normalized: columns[j][i],
          weight: weights[j], weighted: contribution, contribution: contribution,
          idealTerm: nil, antiIdealTerm: nil)
      }
      scores.append(Self.sum(terms.map { $0.contribution ?? 0 }))
      allTerms.append(explain ? terms : [])
    }
    let alternatives = CompetitionRanking.order(ids: matrix.alternatives, scores: scores).map {
      ScoredAlternative(
        id: matrix.alternatives[$0.index], score: scores[$0.index], rank: $0.rank,
        terms: allTerms[$0.index], distances: nil)
    }
    return MCDAResult(method: .weightedSum, criteria: matrix.criteria, weights: weights, alternatives: alternatives)
  }

  /// The fixed-order sum used for scores: `((0 + c₁) + c₂) + …`. Re-summing an explanation's
  /// contributions with this function reproduces the score bit for bit.
  public static func sum(_ contributions: [Double]) -> Double {
    var total = 0.0
    for value in contributions { total += value }
    return total
  }
}
