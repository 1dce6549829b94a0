import Foundation

/// The outcome of an ``SMAA`` run (SMAA-2, Lahdelma & Salminen 2001), every index estimated over
/// the same N scenarios. Alternatives are indexed as in the matrix.
///
/// Definitions (N scenarios k; `rank_k(i)` its competition rank in scenario k, 0 when absent):
/// - rank acceptability `b_i^r = #{k : rank_k(i) = r} / N`; first-rank acceptability is `b_i^1`;
/// - eligibility `#{k : i present in k} / N` (1 unless unknown facts decide presence), so
///   `Σ_r b_i^r = eligibility_i`;
/// - central weight `w_i^c` = mean weight vector over `{k : rank_k(i) = 1}`, nil when empty;
/// - confidence factor `p_i^c` = probability that i ranks first when every scenario uses the
///   fixed weights `w_i^c` (0 or 1 with exact data), nil without central weight;
/// - pairwise winning index `PWI[i][j] = #{k : i ranks strictly better than j} / N` (an absent
///   alternative ranks below every present one);
/// - holistic acceptability `a_i^h = Σ_r α_r b_i^r` with meta-weights `α_r = (m − r)/(m − 1)`
///   (1 for r = 1 down to 0 for r = m; `α_1 = 1` when m = 1);
/// - choice entropy `−Σ_i q_i log2 q_i` with `q_i = b_i^1 / Σ_a b_a^1` (`q = b¹` without ties);
///   0 bits when one alternative always wins, log2 m when all win equally often;
/// - ranking entropy `−Σ_R p_R log2 p_R` over the distinct full rankings R (the vector of every
///   alternative's rank) observed, `p_R` their frequencies; at most log2 N.
public struct SMAAResult: Sendable, Hashable {
  public var alternatives: [String]
  public var criteria: [String]
  public var method: MCDAMethod
  /// The normalisation applied (resolved, never `standard`).
  public var normalization: MatrixNormalization
  public var scenarios: Int
  public var seed: UInt64
  public var weightModel: WeightModel
  /// Probability that one unknown fact is favourable; nil when no fact was unknown.
  public var favourableProbability: Double?
  /// `rankAcceptability[i][r − 1] = b_i^r`.
  public var rankAcceptability: [[Double]]
  /// Probability that alternative i is present (eligible).
  public var eligibility: [Double]
  /// Central weight vectors, in criterion order; nil when i never ranks first.
  public var centralWeights: [[Double]?]
  /// Confidence factors; nil when i has no central weight vector.
  public var confidenceFactors: [Double?]
  /// Indices of the alternatives covered by ``pairwiseWinning`` (every one when there are at
  /// most ``SMAA/Options/pairwiseLimit``; none otherwise).
  public var pairwiseAlternatives: [Int]
  /// `pairwiseWinning[a][b]` for `pairwiseAlternatives[a]` against `pairwiseAlternatives[b]`.
  public var pairwiseWinning: [[Double]]
  public var holisticAcceptability: [Double]
  /// Bits.
  public var choiceEntropy: Double
  /// Bits.
  public var rankingEntropy: Double
  /// Number of distinct full rankings observed.
  public var distinctRankings: Int

  /// `b_i^1`.
  public func firstRankAcceptability(_ i: Int) -> Double { rankAcceptability[i].first ?? 0 }

  /// Alternative indices by decreasing first-rank acceptability, then holistic acceptability,
  /// then id: the order reports list them in.
  public var reportOrder: [Int] {
    alternatives.indices.sorted { a, b in
      let (fa, fb) = (firstRankAcceptability(a), firstRankAcceptability(b))
      if fa != fb { return fa > fb }
      if holisticAcceptability[a] != holisticAcceptability[b] { return holisticAcceptability[a] > holisticAcceptability[b] }
      return alternatives[a].unicodeScalars.lexicographicallyPrecedes(alternatives[b].unicodeScalars)
    }
  }

  /// Meta-weights of holistic acceptability for `m` alternatives: `α_r = (m − r)/(m − 1)`.
  public static func metaWeights(_ m: Int) -> [Double] {
    guard m > 1 else { return [1] }
    return (1...m).map { Double(m - $0) / Double(m - 1) }
  }

  /// `−Σ p log2 p` over positive `p`, summed in the given order.
  public static func entropy(_ probabilities: [Double]) -> Double {
    var total = 0.0
    for p in probabilities where p > 0 { total -= p * log2(p) }
    return total == 0 ? 0 : total
  }
}
