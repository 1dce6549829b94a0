/// Competition ranks of one scenario, in place and allocation-free:
/// `rank[i] = 1 + #{a present : score[a] > score[i]}` (strict ">": ties share the best rank, as
/// in R `smaa`), 0 for an absent alternative.
enum ScenarioRanking {
  /// Scratch space ``rank(scores:present:order:ranks:keys:)`` needs for `m` alternatives.
  static func scratch(_ m: Int) -> Int { 2 * m + 256 }

  /// Fills `order` with the present alternatives, best first (equal scores by index), and `ranks`
  /// with their ranks. Returns the number of present alternatives. `keys` is scratch space of
  /// ``scratch(_:)`` elements.
  ///
  /// The sort is a radix sort, free of the mispredicted branches of a comparison sort: each score
  /// is mapped to an integer of the same order (complemented: descending), its top 32 bits (sign,
  /// exponent, 20 bits of mantissa) become the key, the index the low 32 bits, and a stable LSD
  /// radix sort on the key bytes (bytes equal in every key skipped) orders them, equal keys by
  /// index. Scores equal in those 32 bits (within about one part in a million) may come out in the
  /// wrong order, so an insertion pass on the exact scores finishes the job; it moves only such
  /// near-equal neighbours.
  @inline(__always)
  static func rank(
    scores: UnsafeMutableBufferPointer<Double>, present: UnsafeMutableBufferPointer<Bool>?,
    order: UnsafeMutableBufferPointer<Int32>, ranks: UnsafeMutableBufferPointer<Int32>,
    keys: UnsafeMutableBufferPointer<UInt64>
  ) -> Int {
    let m = scores.count
    var count = 0
    for i in 0..<m {
      if present?[i] ?? true {
        let pattern = scores[i].bitPattern
        let ascending = pattern >> 63 == 1 ? ~pattern : pattern | (1 << 63)
        keys[count] = (~ascending & 0xFFFF_FFFF_0000_0000) | UInt64(i)
        count += 1
      } else {
        ranks[i] = 0
      }
    }
    sort(keys, count: count, capacity: m)
    for position in 0..<count { order[position] = Int32(truncatingIfNeeded: keys[position] & 0xFFFF_FFFF) }
    // Exact finish: (score descending, index ascending).
    if count > 1 {
      for k in 1..<count {
        let value = order[k]
        let score = scores[Int(value)]
        var p = k - 1
        while p >= 0 {
          let other = scores[Int(order[p])]
          guard score > other || (score == other && value < order[p]) else { break }
          order[p + 1] = order[p]
          p -= 1
        }
        order[p + 1] = value
      }
    }
    var previous = -Double.infinity
    var previousRank: Int32 = 0
    for position in 0..<count {
      let i = Int(order[position])
      let value = scores[i]
      if position > 0 && value == previous {
        ranks[i] = previousRank
      } else {
        previousRank = Int32(position + 1)
        ranks[i] = previousRank
        previous = value
      }
    }
    return count
  }

  /// Sorts `keys[0..<count]` by their top 32 bits, stably (LSD radix, one byte per pass; a byte
  /// equal in every key is skipped). `keys` holds ``scratch(_:)`` elements for `capacity`.
  @inline(__always)
  static func sort(_ keys: UnsafeMutableBufferPointer<UInt64>, count: Int, capacity m: Int) {
    guard count > 1, let base = keys.baseAddress else { return }
    if count <= 64 {
      // Few keys: insertion sort beats clearing four histograms.
      for k in 1..<count {
        let value = base[k]
        var p = k - 1
        while p >= 0 && value < base[p] {
          base[p + 1] = base[p]
          p -= 1
        }
        base[p + 1] = value
      }
      return
    }
    var source = base
    var target = base + m
    let histogram = base + 2 * m
    for shift: UInt64 in [32, 40, 48, 56] {
      for b in 0..<256 { histogram[b] = 0 }
      for k in 0..<count { histogram[Int((source[k] >> shift) & 0xFF)] &+= 1 }
      if histogram[Int((source[0] >> shift) & 0xFF)] == UInt64(count) { continue }
      var total: UInt64 = 0
      for b in 0..<256 {
        let c = histogram[b]
        histogram[b] = total
        total &+= c
      }
      for k in 0..<count {
        let key = source[k]
        let bucket = Int((key >> shift) & 0xFF)
        target[Int(histogram[bucket])] = key
        histogram[bucket] &+= 1
      }
      swap(&source, &target)
    }
    if source != base { base.update(from: source, count: count) }
  }

  /// ``rank(scores:present:order:ranks:keys:)`` with temporary scratch space (not for inner loops).
  static func rank(
    scores: UnsafeMutableBufferPointer<Double>, present: UnsafeMutableBufferPointer<Bool>?,
    order: UnsafeMutableBufferPointer<Int32>, ranks: UnsafeMutableBufferPointer<Int32>
  ) -> Int {
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: scratch(scores.count)) { keys in
      rank(scores: scores, present: present, order: order, ranks: ranks, keys: keys)
    }
  }
}
