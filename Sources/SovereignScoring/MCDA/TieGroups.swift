import Dispatch
import SovereignCatalog

extension CompetitionRanking {
  /// From this many scores on, the passes over the scores of a ranking (the bucket sort's, the
  /// tie scan) run on every core.
  static let parallelTieScanThreshold = 1 << 16

  /// How many chunks (one per core, at most 8) those passes cut `count` scores into.
  static func chunkCount(_ count: Int) -> Int {
    count >= parallelTieScanThreshold ? min(ProcessorCount.active, 8) : 1
  }

  /// The competition rank of each position of `ordered` (scores in rank order, best first) and
  /// the groups of two or more tied positions, in order: a group is its first (highest) score
  /// and every following score tied with it (``tied(_:_:)``), whatever comes after.
  ///
  /// A large ranking is cut into one chunk per core. A chunk starts at the first position from
  /// its share on whose score is not tied with the one before it: in exact arithmetic such a
  /// position always starts a group (a score not tied with its neighbour above is not tied with
  /// any higher score either). Rounding could break that, so it is checked: each chunk's scan
  /// must end exactly where the next one starts; where it does not, the scan goes on from there
  /// on one thread to the end. The ranks are then those of one scan from the top, bit for bit.
  static func tieGroups<Rule: TieRule>(
    _ ordered: UnsafeBufferPointer<Double>, ranks: UnsafeMutableBufferPointer<Int32>, rule: Rule.Type = RelativeTolerance.self
  ) -> [Range<Int>] {
    let n = ordered.count
    let chunks = chunkCount(n)
    guard chunks > 1 else { return scanGroups(ordered, ranks: ranks, rule: rule, from: 0, to: n).groups }
    var starts = [0]
    for c in 1..<chunks {
      var q = max(starts[c - 1], c * n / chunks)
      while q < n, rule.tied(ordered[q - 1], ordered[q]) { q += 1 }
      starts.append(q)
    }
    starts.append(n)
    var scans = [(stop: Int, groups: [Range<Int>])](repeating: (0, []), count: chunks)
    scans.withUnsafeMutableBufferPointer { scans in
      // Each chunk writes the ranks of its own positions only.
      let shared = UncheckedBox((ordered, ranks, SharedBuffer(base: scans.baseAddress!), starts))
      DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let (ordered, ranks, scans, starts) = shared.value
        scans.base[c] = scanGroups(ordered, ranks: ranks, rule: Rule.self, from: starts[c], to: starts[c + 1])
      }
    }
    var groups: [Range<Int>] = []
    for c in 0..<chunks {
      groups += scans[c].groups
      if scans[c].stop != starts[c + 1] {
        groups += scanGroups(ordered, ranks: ranks, rule: rule, from: scans[c].stop, to: n).groups
        break
      }
    }
    return groups
  }

  /// The scan from `start` (the first position of a group) up to `limit`: ranks written for
  /// every group that ends by `limit`. Stops at `limit`, or earlier at the first position of a
  /// group that runs past it (its ranks not written).
  private static func scanGroups<Rule: TieRule>(
    _ ordered: UnsafeBufferPointer<Double>, ranks: UnsafeMutableBufferPointer<Int32>, rule: Rule.Type, from start: Int, to limit: Int
  ) -> (stop: Int, groups: [Range<Int>]) {
    let n = ordered.count
    var groups: [Range<Int>] = []
    var position = start
    while position < limit {
      let leader = ordered[position]
      var end = position + 1
      while end < n, rule.tied(leader, ordered[end]) { end += 1 }
      guard end <= limit else { break }
      if end - position > 1 { groups.append(position..<end) }
      let rank = Int32(truncatingIfNeeded: position + 1)
      for p in position..<end { ranks[p] = rank }
      position = end
    }
    return (position, groups)
  }
}

/// When two scores are ties: ``CompetitionRanking/tieGroups(_:ranks:rule:)`` is generic over it so
/// that a test can give it a rule that breaks the neighbour property (and so check the
/// fall-back), at no cost for the real rule.
protocol TieRule {
  static func tied(_ a: Double, _ b: Double) -> Bool
}

/// The ranking's rule: ``CompetitionRanking/tied(_:_:)``.
enum RelativeTolerance: TieRule {
  @inline(__always) static func tied(_ a: Double, _ b: Double) -> Bool { CompetitionRanking.tied(a, b) }
}
