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

  /// From this many scores on, the order is found by a bucket sort of the scores' bits.
  static let bucketThreshold = 2048

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
    ordering(scores: scores) { a, b in
      ids[Int(a)].unicodeScalars.lexicographicallyPrecedes(ids[Int(b)].unicodeScalars)
    }
  }

  /// The rank order of `scores` with ties by index (``RowRanking``: by row).
  static func rowOrdering(scores: [Double]) -> Ordering {
    ordering(scores: scores, tiesBefore: <)
  }

  /// The rank order of `scores`, tied scores ordered by `tiesBefore` (a strict total order of
  /// the indices).
  static func ordering(scores: [Double], tiesBefore: (Int32, Int32) -> Bool) -> Ordering {
    precondition(scores.count < Int(Int32.max), "more alternatives than a rank order can index")
    var indices: [Int32]
    // The scores in rank order, read in sequence by the tie scan below (reading them through
    // `indices` would be one cache miss per alternative for a large ranking).
    let ordered: [Double]
    if scores.count >= bucketThreshold, let sorted = descendingByBuckets(scores) {
      (indices, ordered) = sorted
    } else {
      indices = (0..<Int32(truncatingIfNeeded: scores.count)).sorted { a, b in
        if scores[Int(a)] != scores[Int(b)] { return scores[Int(a)] > scores[Int(b)] }
        return tiesBefore(a, b)
      }
      ordered = indices.map { scores[Int($0)] }
    }
    let n = indices.count
    var ranks = [Int32](unsafeUninitializedCapacity: n) { _, count in count = n }
    let groups = ordered.withUnsafeBufferPointer { ordered in
      ranks.withUnsafeMutableBufferPointer { ranks in tieGroups(ordered, ranks: ranks) }
    }
    indices.withUnsafeMutableBufferPointer { indices in
      for group in groups {
        let sorted = indices[group].sorted(by: tiesBefore)
        for (offset, index) in sorted.enumerated() { indices[group.lowerBound + offset] = index }
      }
    }
    return Ordering(indices: indices, ranks: ranks)
  }

  /// Indices of `scores` by descending score, equal scores in index order, and the scores in
  /// that order (a -0.0 given back as 0.0); nil when a score is NaN (found by the first pass). ``ordering(scores:tiesBefore:)`` then sorts every group of ties (by
  /// id or by row), as after a comparison sort.
  ///
  /// A bucket sort of a key that orders like the score: one pass finds the keys' range, one
  /// counts the keys by where they fall in it (up to 1,024 equal buckets, so that the moves
  /// below write to few places at a time), one moves each key and index to its bucket (keeping
  /// index order), then each bucket is sorted on its own, in the cache, on every core (see
  /// `sortBucket`). Three passes over the scores, where a radix sort of 64-bit keys makes five
  /// or six, and a comparison sort of a million closures dominates the ranking. The order is the
  /// one a stable sort gives: it has one answer.
  static func descendingByBuckets(_ scores: [Double]) -> (indices: [Int32], ordered: [Double])? {
    let n = scores.count
    // The keys are computed from the scores where needed, not stored: for a large ranking, first
    // touching the memory of one more array costs more than computing them twice.
    // Each core reads one contiguous chunk of the scores in each pass below.
    let chunks = chunkCount(n)
    let chunkSize = (n + chunks - 1) / chunks
    var ranges = [(lowest: UInt64, highest: UInt64, nan: Bool)](repeating: (.max, .min, false), count: chunks)
    scores.withUnsafeBufferPointer { scores in
      ranges.withUnsafeMutableBufferPointer { ranges in
        let shared = UncheckedBox((scores, SharedBuffer(base: ranges.baseAddress!)))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
          let (scores, ranges) = shared.value
          var (lowest, highest) = (UInt64.max, UInt64.min)
          var nan = false
          for i in (chunk * chunkSize)..<min(n, (chunk + 1) * chunkSize) {
            let key = key(scores[i])
            nan = nan || scores[i] != scores[i]
            lowest = min(lowest, key)
            highest = max(highest, key)
          }
          ranges.base[chunk] = (lowest, highest, nan)
        }
      }
    }
    let lowest = ranges.map(\.lowest).min()!
    let highest = ranges.map(\.highest).max()!
    let nan = ranges.contains { $0.nan }
    guard !nan else { return nil }
    guard lowest < highest else {
      return ((0..<Int32(truncatingIfNeeded: n)).map { $0 }, scores)
    }
    // Buckets split the keys' range evenly: scores are seldom spread evenly over their bits
    // (TOPSIS closeness gathers around its mean), but over their range far more so.
    let (shift, buckets) = bucketing(lowest: lowest, highest: highest, count: n, maximumBits: 10, keysPerBucketBits: 2)
    let lowestKey = lowest
    // Each core counts, then moves, its chunk of the scores; a chunk's place in each bucket
    // follows the earlier chunks', so the keys of a bucket stay in index order.
    var counts = [Int](repeating: 0, count: chunks * buckets)
    var starts = [Int](repeating: 0, count: buckets + 1)
    var indices = [Int32](unsafeUninitializedCapacity: n) { _, count in count = n }
    // The sorted keys, turned back into the scores in place once sorted.
    let ordered = [Double](unsafeUninitializedCapacity: n) { ordered, count in
      ordered.withMemoryRebound(to: UInt64.self) { sortedKeys in
        scores.withUnsafeBufferPointer { scores in
          counts.withUnsafeMutableBufferPointer { counts in
            indices.withUnsafeMutableBufferPointer { indices in
              let shared = UncheckedBox((scores, SharedBuffer(base: counts.baseAddress!), SharedBuffer(base: sortedKeys.baseAddress!), SharedBuffer(base: indices.baseAddress!)))
              DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let (scores, counts, _, _) = shared.value
                let histogram = counts.base + chunk * buckets
                for i in (chunk * chunkSize)..<min(n, (chunk + 1) * chunkSize) {
                  histogram[Int((key(scores[i]) &- lowestKey) >> shift)] += 1
                }
              }
              var total = 0
              for b in 0..<buckets {
                starts[b] = total
                for chunk in 0..<chunks {
                  let c = counts[chunk * buckets + b]
                  counts[chunk * buckets + b] = total
                  total += c
                }
              }
              starts[buckets] = total
              DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let (scores, counts, sortedKeys, indices) = shared.value
                let next = counts.base + chunk * buckets
                for i in (chunk * chunkSize)..<min(n, (chunk + 1) * chunkSize) {
                  let key = key(scores[i])
                  let b = Int((key &- lowestKey) >> shift)
                  let slot = next[b]
                  next[b] = slot + 1
                  sortedKeys.base[slot] = key
                  indices.base[slot] = Int32(truncatingIfNeeded: i)
                }
              }
              starts.withUnsafeBufferPointer { starts in
                let shared = UncheckedBox((SharedBuffer(base: sortedKeys.baseAddress!), SharedBuffer(base: indices.baseAddress!), starts))
                ParallelBlocks.run(count: buckets, work: 4 * n) { range in
                  let (keys, indices, starts) = shared.value
                  var buffer: [UInt64] = []
                  for b in range {
                    sortBucket(keys: keys.base, indices: indices.base, from: starts[b], to: starts[b + 1], buffer: &buffer)
                    // Back from the keys to the scores while the bucket is in the cache (the key
                    // map is a bijection on bit patterns).
                    for p in starts[b]..<starts[b + 1] {
                      let flipped = ~keys.base[p]
                      keys.base[p] = flipped >> 63 == 1 ? flipped & ~(1 << 63) : ~flipped
                    }
                  }
                }
              }
            }
          }
        }
      }
      count = n
    }
    return (indices, ordered)
  }

  /// Equal buckets over the keys `lowest...highest` (`lowest < highest`) for `count` keys: about
  /// 2^`keysPerBucketBits` keys per bucket, at most 2^`maximumBits` buckets, never more than the
  /// range holds. A key's bucket is `(key − lowest) >> shift`.
  private static func bucketing(
    lowest: UInt64, highest: UInt64, count: Int, maximumBits: Int, keysPerBucketBits: Int
  ) -> (shift: UInt64, buckets: Int) {
    var bits = 1
    while bits < maximumBits, (count >> (bits + keysPerBucketBits)) > 0 { bits += 1 }
    let span = 64 - (highest - lowest).leadingZeroBitCount
    bits = min(bits, span)
    return (UInt64(span - bits), 1 << bits)
  }

  /// The ascending key of the descending score: flip a positive's sign bit, all bits of a
  /// negative, then complement. -0.0 takes 0.0's key: equal scores, equal keys.
  @inline(__always) private static func key(_ score: Double) -> UInt64 {
    let bits = score == 0 ? 0 : score.bitPattern
    return ~(bits >> 63 == 1 ? ~bits : bits | (1 << 63))
  }

  /// Sorts the pairs at `start..<end` by key, equal keys by index (the scatter left them in
  /// index order, which every step below keeps).
  ///
  /// A large bucket is first spread over sub-buckets of its own key range (a counting sort in
  /// `buffer`, which stays in the cache), which leaves it nearly sorted; one insertion sort then
  /// finishes. Where a sub-bucket still holds many distinct keys (scores packed far closer than
  /// the rest), a comparison sort of the pairs does it instead.
  private static func sortBucket(
    keys: UnsafeMutablePointer<UInt64>, indices: UnsafeMutablePointer<Int32>, from start: Int, to end: Int,
    buffer: inout [UInt64]
  ) {
    let count = end - start
    guard count > 1 else { return }
    if count > 48 {
      var (lowest, highest) = (keys[start], keys[start])
      for p in start..<end {
        lowest = min(lowest, keys[p])
        highest = max(highest, keys[p])
      }
      guard lowest < highest else { return }
      let (shift, buckets) = bucketing(lowest: lowest, highest: highest, count: count, maximumBits: 12, keysPerBucketBits: 1)
      // Counters, then the moved keys, then the moved indices (two per word).
      let needed = buckets + 1 + count + (count + 1) / 2
      if buffer.count < needed { buffer = [UInt64](repeating: 0, count: 2 * needed) }
      var largest = 0
      buffer.withUnsafeMutableBufferPointer { buffer in
        let next = buffer.baseAddress!
        let moved = buffer.baseAddress! + buckets + 1
        for b in 0...buckets { next[b] = 0 }
        for p in start..<end { next[Int((keys[p] &- lowest) >> shift) + 1] += 1 }
        for b in 0..<buckets {
          largest = max(largest, Int(next[b + 1]))
          next[b + 1] += next[b]
        }
        let movedIndices = UnsafeMutableRawPointer(moved + count).assumingMemoryBound(to: Int32.self)
        for p in start..<end {
          let b = Int((keys[p] &- lowest) >> shift)
          let slot = Int(next[b])
          next[b] += 1
          moved[slot] = keys[p]
          movedIndices[slot] = indices[p]
        }
        for k in 0..<count {
          keys[start + k] = moved[k]
          indices[start + k] = movedIndices[k]
        }
      }
      if largest > 64 {
        var pairs = (start..<end).map { (key: keys[$0], index: indices[$0]) }
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        for (offset, pair) in pairs.enumerated() {
          keys[start + offset] = pair.key
          indices[start + offset] = pair.index
        }
        return
      }
    }
    for p in (start + 1)..<end {
      let key = keys[p]
      let index = indices[p]
      var q = p
      while q > start, keys[q - 1] > key {
        keys[q] = keys[q - 1]
        indices[q] = indices[q - 1]
        q -= 1
      }
      keys[q] = key
      indices[q] = index
    }
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
