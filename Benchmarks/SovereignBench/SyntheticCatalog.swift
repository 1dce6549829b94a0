import SovereignScoring

/// A deterministic synthetic ranking problem: `rows` offerings, `criteria` columns, four
/// pass/fail gates per offering. The same formulas are in Benchmarks/python/synthetic.py.
///
/// - value(i, j) = 1 + 99 × u(i·C + j)                   (never zero: no degenerate column)
/// - gate(i, g) passes when u(N·C + 4·i + g) < 0.9      (about 66% of offerings pass all four)
/// - criterion j is a cost when j mod 4 = 3, else a benefit; its weight is 1 + (j mod 5)
struct SyntheticCatalog {
  let rows: Int
  let criteria: [DecisionCriterion]
  var ids: [String]
  /// Column-major values, as a columnar store keeps them: `value(i, j)` at `j × rows + i`.
  var values: [Double]
  /// Row-major gate results, `rows × 4`.
  let gates: [Bool]

  init(rows: Int, criteriaCount: Int, seed: UInt64) {
    self.rows = rows
    criteria = (0..<criteriaCount).map { j in
      DecisionCriterion("c\(j)", weight: Double(1 + j % 5), direction: j % 4 == 3 ? .cost : .benefit)
    }
    ids = (0..<rows).map { "o\($0)" }
    let c = UInt64(criteriaCount)
    values = (0..<(rows * criteriaCount)).map { t in
      let (j, i) = t.quotientAndRemainder(dividingBy: rows)
      return 1 + 99 * SplitMix64.unit(seed: seed, index: UInt64(i) * c + UInt64(j))
    }
    let gateBase = UInt64(rows) * c
    gates = (0..<(rows * 4)).map { SplitMix64.unit(seed: seed, index: gateBase + UInt64($0)) < 0.9 }
  }
}
