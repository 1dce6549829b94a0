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
    let ordering = ordering(ids: ids, scores: scores)
    return zip(ordering.indices, ordering.ranks).map { (Int($0), Int($1)) }
  }

  /// The rank order as two flat arrays, what ``TOPSIS`` and ``WeightedSum`` build their results
  /// from: `indices[p]` is the alternative at position `p` (best first, ties by id) and
  /// `ranks[p]` its rank. Four bytes per entry, where `(index, rank)` pairs take sixteen.
  struct Ordering {
    var indices: [Int32]
    var ranks: [Int32]
  }

  /// The rank order of `scores` (fewer than `Int32.max`: an array of that many ids alone would
  /// take 32 GiB).
  static func ordering(ids: [String], scores: [Double]) -> Ordering {
    precondition(scores.count < Int(Int32.max), "more alternatives than a rank order can index")
    var indices: [Int32]
    if scores.count >= radixThreshold, !scores.contains(where: \.isNaN) {
      indices = descendingByRadix(scores)
    } else {
      indices = (0..<Int32(truncatingIfNeeded: scores.count)).sorted { a, b in
        let (a, b) = (Int(a), Int(b))
        if scores[a] != scores[b] { return scores[a] > scores[b] }
        return ids[a].unicodeScalars.lexicographicallyPrecedes(ids[b].unicodeScalars)
      }
    }
    let n = indices.count
    var ranks = [Int32](repeating: 0, count: n)
    indices.withUnsafeMutableBufferPointer { indices in
      ranks.withUnsafeMutableBufferPointer { ranks in
        var position = 0
        while position < n {
          let leader = scores[Int(indices[position])]
          var end = position + 1
          while end < n, tied(leader, scores[Int(indices[end])]) { end += 1 }
          if end - position > 1 {
            let group = indices[position..<end].sorted {
              ids[Int($0)].unicodeScalars.lexicographicallyPrecedes(ids[Int($1)].unicodeScalars)
            }
            for (offset, index) in group.enumerated() { indices[position + offset] = index }
          }
          for p in position..<end { ranks[p] = Int32(truncatingIfNeeded: position + 1) }
          position = end
        }
      }
    }
    return Ordering(indices: indices, ranks: ranks)
  }

  /// Indices of `scores` (no NaN) by descending score: a stable least-significant-digit radix
  /// sort, 8 bits at a time, of a key that orders like the score. Equal scores keep index order;
  /// ``order(ids:scores:)`` then sorts every group of ties by id, as after a comparison sort.
  /// Linear in the count, where a comparison sort of a million closures dominates the ranking.
  ///
  /// One pass counts all eight digits; a digit shared by every key (the sign and most exponent
  /// bits of scores in [0, 1]) moves nothing and is skipped. 256 buckets per pass keep the
  /// counts and the scatter's write positions in the L1 cache (16-bit digits scatter to 65,536
  /// places, each a cache miss).
  static func descendingByRadix(_ scores: [Double]) -> [Int32] {
    let n = scores.count
    var keys = [UInt64](repeating: 0, count: n)
    var index = [Int32](repeating: 0, count: n)
    var keysOut = [UInt64](repeating: 0, count: n)
    var indexOut = [Int32](repeating: 0, count: n)
    var counts = [Int](repeating: 0, count: 8 * 256)
    keys.withUnsafeMutableBufferPointer { keys in
      index.withUnsafeMutableBufferPointer { index in
        counts.withUnsafeMutableBufferPointer { counts in
          for i in 0..<n {
            // Ascending key of the descending score: flip a positive's sign bit, all bits of a
            // negative, then complement. -0.0 and 0.0 get neighbouring keys; they are tied anyway.
            let bits = scores[i].bitPattern
            let key = ~(bits >> 63 == 1 ? ~bits : bits | (1 << 63))
            keys[i] = key
            index[i] = Int32(truncatingIfNeeded: i)
            for digit in 0..<8 { counts[digit << 8 | Int((key >> UInt64(digit << 3)) & 0xFF)] += 1 }
          }
        }
      }
    }
    for digit in 0..<8 {
      let moves = counts.withUnsafeMutableBufferPointer { counts -> Bool in
        let bucket = counts.baseAddress! + digit << 8
        guard (0..<256).allSatisfy({ bucket[$0] != n }) else { return false }
        var total = 0
        for b in 0..<256 {
          let c = bucket[b]
          bucket[b] = total
          total += c
        }
        keys.withUnsafeBufferPointer { keysIn in
          index.withUnsafeBufferPointer { indexIn in
            keysOut.withUnsafeMutableBufferPointer { keysOut in
              indexOut.withUnsafeMutableBufferPointer { indexOut in
                let shift = UInt64(digit << 3)
                for i in 0..<n {
                  let key = keysIn[i]
                  let b = Int((key >> shift) & 0xFF)
                  let slot = bucket[b]
                  bucket[b] = slot + 1
                  keysOut[slot] = key
                  indexOut[slot] = indexIn[i]
                }
              }
            }
          }
        }
        return true
      }
      if moves {
        swap(&keys, &keysOut)
        swap(&index, &indexOut)
      }
    }
    return index
  }
}

extension CompetitionRanking.Ordering {
  /// One result per position, `make(index, rank)`, in rank order; made on every core when
  /// `work` (rows × criteria) is large, each position by one thread.
  func map<Result>(work: Int, _ make: (_ index: Int, _ rank: Int) -> Result) -> [Result] {
    let n = indices.count
    guard n > 0 else { return [] }
    return [Result](unsafeUninitializedCapacity: n) { buffer, count in
      let out = SharedBuffer(base: buffer.baseAddress!)
      indices.withUnsafeBufferPointer { indices in
        ranks.withUnsafeBufferPointer { ranks in
          let (indices, ranks) = (UncheckedBox(indices), UncheckedBox(ranks))
          ParallelBlocks.run(count: n, work: work) { positions in
            for p in positions {
              (out.base + p).initialize(to: make(Int(indices.value[p]), Int(ranks.value[p])))
            }
          }
        }
      }
      count = n
    }
  }
}
