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

  /// From this many scores on, the order is found by a radix sort of the scores' bits.
  static let radixThreshold = 2048

  /// True when `a` and `b` are the same score under ``relativeTolerance``.
  public static func tied(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) <= relativeTolerance * max(abs(a), abs(b))
  }

  /// Indices of `scores` in rank order and the rank of each, as `(index, rank)` pairs.
  public static func order(ids: [String], scores: [Double]) -> [(index: Int, rank: Int)] {
    let byScore: [Int]
    if scores.count >= radixThreshold, scores.count < Int(Int32.max), !scores.contains(where: \.isNaN) {
      byScore = descendingByRadix(scores)
    } else {
      byScore = scores.indices.sorted { a, b in
        if scores[a] != scores[b] { return scores[a] > scores[b] }
        return ids[a].unicodeScalars.lexicographicallyPrecedes(ids[b].unicodeScalars)
      }
    }
    var result: [(index: Int, rank: Int)] = []
    result.reserveCapacity(byScore.count)
    var position = 0
    while position < byScore.count {
      let leader = scores[byScore[position]]
      var end = position + 1
      while end < byScore.count, tied(leader, scores[byScore[end]]) { end += 1 }
      if end - position == 1 {
        result.append((byScore[position], position + 1))
      } else {
        let group = byScore[position..<end].sorted { ids[$0].unicodeScalars.lexicographicallyPrecedes(ids[$1].unicodeScalars) }
        for index in group { result.append((index, position + 1)) }
      }
      position = end
    }
    return result
  }

  /// Indices of `scores` (no NaN) by descending score: a stable least-significant-digit radix
  /// sort, 16 bits at a time, of a key that orders like the score. Equal scores keep index order;
  /// ``order(ids:scores:)`` then sorts every group of ties by id, as after a comparison sort.
  /// Linear in the count, where a comparison sort of a million closures dominates the ranking.
  static func descendingByRadix(_ scores: [Double]) -> [Int] {
    let n = scores.count
    // Ascending key of the descending score: flip a positive's sign bit, all bits of a negative,
    // then complement. -0.0 and 0.0 get neighbouring keys; they are tied in any case.
    var keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
      for i in 0..<n {
        let bits = scores[i].bitPattern
        let ascending = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        buffer[i] = ~ascending
      }
      count = n
    }
    var index = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
      for i in 0..<n { buffer[i] = Int32(truncatingIfNeeded: i) }
      count = n
    }
    var keysOut = [UInt64](repeating: 0, count: n)
    var indexOut = [Int32](repeating: 0, count: n)
    var histogram = [Int](repeating: 0, count: 1 << 16)
    for shift in stride(from: 0, to: 64, by: 16) {
      let moved = keys.withUnsafeBufferPointer { keysIn -> Bool in
        // A digit shared by every key moves nothing: skip the pass.
        let first = (keysIn[0] >> UInt64(shift)) & 0xFFFF
        guard keysIn.contains(where: { ($0 >> UInt64(shift)) & 0xFFFF != first }) else { return false }
        histogram.withUnsafeMutableBufferPointer { counts in
          for k in counts.indices { counts[k] = 0 }
          for key in keysIn { counts[Int((key >> UInt64(shift)) & 0xFFFF)] += 1 }
          var total = 0
          for k in counts.indices {
            let c = counts[k]
            counts[k] = total
            total += c
          }
          index.withUnsafeBufferPointer { indexIn in
            keysOut.withUnsafeMutableBufferPointer { kOut in
              indexOut.withUnsafeMutableBufferPointer { iOut in
                for i in 0..<n {
                  let key = keysIn[i]
                  let digit = Int((key >> UInt64(shift)) & 0xFFFF)
                  let slot = counts[digit]
                  counts[digit] = slot + 1
                  kOut[slot] = key
                  iOut[slot] = indexIn[i]
                }
              }
            }
          }
        }
        return true
      }
      if moved {
        swap(&keys, &keysOut)
        swap(&index, &indexOut)
      }
    }
    return index.map { Int($0) }
  }
}
