/// Competition ranking ("1224"): equal scores share a rank, the next rank skips.
///
/// Two scores are equal when they differ by at most ``CompetitionRanking/relativeTolerance``
/// (1e-12) of the larger magnitude: floating-point sums of the same contributions in another
/// order (0.45 and 0.44999999999999996) are the same score, while any difference a fact can make
/// is far larger. A group of ties is formed against its first (highest) score, so the rule stays
/// well defined for chains of nearly equal scores. Tied alternatives are listed by id (ascending,
/// by Unicode scalar order) so the order is stable whatever the input order.
public enum CompetitionRanking {
  /// Scores closer than this, relative to the larger magnitude, are ties: 1e-12.
  public static let relativeTolerance = 1e-12

  /// True when `a` and `b` are the same score under ``relativeTolerance``.
  public static func tied(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) <= relativeTolerance * max(abs(a), abs(b))
  }

  /// Indices of `scores` in rank order and the rank of each, as `(index, rank)` pairs.
  public static func order(ids: [String], scores: [Double]) -> [(index: Int, rank: Int)] {
    let byScore = scores.indices.sorted { a, b in
      if scores[a] != scores[b] { return scores[a] > scores[b] }
      return ids[a].unicodeScalars.lexicographicallyPrecedes(ids[b].unicodeScalars)
    }
    var result: [(index: Int, rank: Int)] = []
    var position = 0
    while position < byScore.count {
      let leader = scores[byScore[position]]
      var end = position + 1
      while end < byScore.count, tied(leader, scores[byScore[end]]) { end += 1 }
      let group = byScore[position..<end].sorted { ids[$0].unicodeScalars.lexicographicallyPrecedes(ids[$1].unicodeScalars) }
      for index in group { result.append((index, position + 1)) }
      position = end
    }
    return result
  }
}
