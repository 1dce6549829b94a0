import Dispatch
import Foundation
import SovereignCatalog

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
  /// sort, 11 bits at a time, of a key that orders like the score. Equal scores keep index
  /// order; ``ordering(ids:scores:)`` then sorts every group of ties by id, as after a
  /// comparison sort. Linear in the count, where a comparison sort of a million closures
  /// dominates the ranking.
  ///
  /// A digit shared by every key moves nothing and is skipped (for scores in [0, 1], the top
  /// digit, sign and high exponent bits, usually is). Each pass splits the keys
  /// into one contiguous chunk per core: every chunk counts its digits, and the chunk's place in
  /// each bucket follows the earlier chunks', so the scatter runs on every core and the order is
  /// the same whatever the core count (a stable sort has one answer).
  static func descendingByRadix(_ scores: [Double]) -> [Int32] {
    let n = scores.count
    let bits = 11
    let buckets = 1 << bits
    let chunks = n >= 1 << 16 ? max(1, min(ProcessorCount.active, 8)) : 1
    let chunkSize = (n + chunks - 1) / chunks
    var varying: UInt64 = 0
    var keys = [UInt64](unsafeUninitializedCapacity: n) { keys, count in
      // Ascending key of the descending score: flip a positive's sign bit, all bits of a
      // negative, then complement. -0.0 and 0.0 get neighbouring keys; they are tied anyway.
      for i in 0..<n {
        let bits = scores[i].bitPattern
        keys[i] = ~(bits >> 63 == 1 ? ~bits : bits | (1 << 63))
      }
      for i in 0..<n { varying |= keys[i] ^ keys[0] }
      count = n
    }
    var index = [Int32](unsafeUninitializedCapacity: n) { index, count in
      for i in 0..<n { index[i] = Int32(truncatingIfNeeded: i) }
      count = n
    }
    var keysOut = [UInt64](repeating: 0, count: n)
    var indexOut = [Int32](repeating: 0, count: n)
    var counts = [Int](repeating: 0, count: chunks * buckets)
    for shift in stride(from: 0, to: 64, by: bits) {
      let mask = UInt64(buckets - 1)
      guard (varying >> UInt64(shift)) & mask != 0 else { continue }
      keys.withUnsafeBufferPointer { keysIn in
        index.withUnsafeBufferPointer { indexIn in
          keysOut.withUnsafeMutableBufferPointer { keysOut in
            indexOut.withUnsafeMutableBufferPointer { indexOut in
              counts.withUnsafeMutableBufferPointer { counts in
                let shared = UncheckedBox((keysIn, indexIn, SharedBuffer(base: keysOut.baseAddress!), SharedBuffer(base: indexOut.baseAddress!), SharedBuffer(base: counts.baseAddress!)))
                let shift = UInt64(shift)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                  let (keysIn, _, _, _, counts) = shared.value
                  let histogram = counts.base + chunk * buckets
                  for b in 0..<buckets { histogram[b] = 0 }
                  for i in (chunk * chunkSize)..<min(n, (chunk + 1) * chunkSize) {
                    histogram[Int((keysIn[i] >> shift) & mask)] += 1
                  }
                }
                // Bucket by bucket, chunk by chunk: where each chunk's keys of a bucket start.
                var total = 0
                for b in 0..<buckets {
                  for chunk in 0..<chunks {
                    let c = counts[chunk * buckets + b]
                    counts[chunk * buckets + b] = total
                    total += c
                  }
                }
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                  let (keysIn, indexIn, keysOut, indexOut, counts) = shared.value
                  let slots = counts.base + chunk * buckets
                  for i in (chunk * chunkSize)..<min(n, (chunk + 1) * chunkSize) {
                    let key = keysIn[i]
                    let b = Int((key >> shift) & mask)
                    let slot = slots[b]
                    slots[b] = slot + 1
                    keysOut.base[slot] = key
                    indexOut.base[slot] = indexIn[i]
                  }
                }
              }
            }
          }
        }
      }
      swap(&keys, &keysOut)
      swap(&index, &indexOut)
    }
    return index
  }
}

extension CompetitionRanking.Ordering {
  /// One result per position, `make(index, rank)`, in rank order; made on every core when
  /// `work` (rows × criteria) is large.
  ///
  /// The results are made in index order and each stored at its position: `make` then reads the
  /// alternatives' values (ids, scores, columns) in the order they are stored, and only the
  /// stores jump, which the processor overlaps far better than scattered reads.
  func map<Result>(work: Int, _ make: (_ index: Int, _ rank: Int) -> Result) -> [Result] {
    let n = indices.count
    guard n > 0 else { return [] }
    var positions = [Int32](repeating: 0, count: n)
    positions.withUnsafeMutableBufferPointer { positions in
      for p in 0..<n { positions[Int(indices[p])] = Int32(truncatingIfNeeded: p) }
    }
    return [Result](unsafeUninitializedCapacity: n) { buffer, count in
      let out = SharedBuffer(base: buffer.baseAddress!)
      positions.withUnsafeBufferPointer { positions in
        ranks.withUnsafeBufferPointer { ranks in
          let (positions, ranks) = (UncheckedBox(positions), UncheckedBox(ranks))
          ParallelBlocks.run(count: n, work: work) { range in
            for i in range {
              let p = Int(positions.value[i])
              (out.base + p).initialize(to: make(i, Int(ranks.value[p])))
            }
          }
        }
      }
      count = n
    }
  }
}
