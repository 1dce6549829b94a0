/// Competition ranking ("1224"): equal scores share a rank, the next rank skips.
///
/// Ties are decided by exact floating-point equality of the scores (no tolerance, so the result
/// never depends on an arbitrary epsilon); tied alternatives are listed by id (ascending, by
/// Unicode scalar order) so the order is stable whatever the input order.
public enum CompetitionRanking {
  /// Indices of `scores` in rank order and the rank of each, as `(index, rank)` pairs.
  public static func order(ids: [String], scores: [Double]) -> [(index: Int, rank: Int)] {
    let sorted = scores.indices.sorted { a, b in
      if scores[a] != scores[b] { return scores[a] > scores[b] }
      return ids[a].unicodeScalars.lexicographicallyPrecedes(ids[b].unicodeScalars)
    }
    var result: [(index: Int, rank: Int)] = []
    for (position, index) in sorted.enumerated() {
      if position > 0, scores[sorted[position - 1]] == scores[index] {
        result.append((index, result[position - 1].rank))
      } else {
        result.append((index, position + 1))
      }
    }
    return result
  }
}
