import Testing

@testable import SovereignScoring

/// The tie scan on every core gives the ranks and groups of one scan from the top.
@Suite struct TieGroupsTests {
  /// One scan from the top by the leader rule: the definition.
  static func reference<Rule: TieRule>(_ ordered: [Double], _ rule: Rule.Type) -> (ranks: [Int32], groups: [Range<Int>]) {
    var ranks = [Int32](repeating: 0, count: ordered.count)
    var groups: [Range<Int>] = []
    var position = 0
    while position < ordered.count {
      var end = position + 1
      while end < ordered.count, rule.tied(ordered[position], ordered[end]) { end += 1 }
      if end - position > 1 { groups.append(position..<end) }
      for p in position..<end { ranks[p] = Int32(position + 1) }
      position = end
    }
    return (ranks, groups)
  }

  static func scan<Rule: TieRule>(_ ordered: [Double], _ rule: Rule.Type) -> (ranks: [Int32], groups: [Range<Int>]) {
    var ranks = [Int32](repeating: -1, count: ordered.count)
    let groups = ordered.withUnsafeBufferPointer { ordered in
      ranks.withUnsafeMutableBufferPointer { CompetitionRanking.tieGroups(ordered, ranks: $0, rule: rule) }
    }
    return (ranks, groups)
  }

  /// Where two arrays first differ (the count, when one is a prefix of the other); nil when equal.
  static func firstDifference<T: Equatable>(_ a: [T], _ b: [T]) -> Int? {
    (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? (a.count == b.count ? nil : min(a.count, b.count))
  }

  /// Large enough for one chunk per core; 1 mod 4.
  static let n = 3 * CompetitionRanking.parallelTieScanThreshold + 17

  @Test func chunksGiveTheRanksOfOneScan() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    let n = Self.n
    let cases: [(String, [Double])] = [
      ("distinct", (0..<n).map { _ in next() }),
      ("many exact ties", (0..<n).map { _ in Double(Int(next() * 40)) / 40 }),
      // Neighbours 0.6e-12 apart: each tied with the next, a leader only with the one after it,
      // so no position after the first is sure to start a group.
      ("a chain of near ties", (0..<n).map { (k: Int) -> Double in 0.5 * (1 - Double(k) * 0.6e-12) }),
      ("near ties in runs", (0..<n).map { (k: Int) -> Double in
        let run = Double(k / 7) * 1e-6
        return 0.75 - run - Double(k % 7) * 1e-14
      }),
      ("one value", [Double](repeating: 0.25, count: n)),
    ]
    for (label, scores) in cases {
      let ordered = scores.sorted(by: >)
      let (ranks, groups) = Self.scan(ordered, RelativeTolerance.self)
      let expected = Self.reference(ordered, RelativeTolerance.self)
      #expect(Self.firstDifference(ranks, expected.ranks) == nil, "\(label): ranks")
      #expect(Self.firstDifference(groups, expected.groups) == nil, "\(label): groups")
    }
  }

  /// Ties between integers that break the neighbour property: scores up to 3 apart are tied,
  /// except a score 2 mod 4 with the one just above it. The groups are then four integers from a
  /// multiple of 4 down, and the only positions whose score is not tied with the one above are
  /// inside groups: every chunk after the first starts inside a group, the scan before it runs
  /// past that start, and the scan must go on from there.
  enum Uneven: TieRule {
    static func tied(_ a: Double, _ b: Double) -> Bool {
      let gap = a - b
      return gap <= 3 && !(gap == 1 && Int(b) % 4 == 2)
    }
  }

  @Test func aChunkStartedInsideAGroupIsScannedAgain() {
    let ordered = (0..<Self.n).map { Double(4 * Self.n - $0) }
    let (ranks, groups) = Self.scan(ordered, Uneven.self)
    let expected = Self.reference(ordered, Uneven.self)
    #expect(Self.firstDifference(ranks, expected.ranks) == nil)
    #expect(Self.firstDifference(groups, expected.groups) == nil)
    // n = 4k + 1: k groups of four, then a last score alone.
    #expect(groups.count == Self.n / 4 && groups.allSatisfy { $0.count == 4 && $0.lowerBound % 4 == 0 })
  }
}
