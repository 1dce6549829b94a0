import SovereignScoring

/// A deterministic synthetic ranking problem: `rows` offerings, `criteria` columns, four
/// pass/fail gates per offering. The same formulas are in Benchmarks/python/scale_pymcdm.py.
///
/// - value(i, j) = 1 + 99 × u(i·C + j)                   (never zero: no degenerate column)
/// - gate(i, g) passes when u(N·C + 4·i + g) < 0.9      (about 66% of offerings pass all four)
/// - criterion j is a cost when j mod 4 = 3, else a benefit; its weight is 1 + (j mod 5)
struct SyntheticCatalog {
  let rows: Int
  let criteria: [DecisionCriterion]
  let ids: [String]
  /// Row-major values, `rows × criteria.count`.
  let values: [Double]
  /// Row-major gate results, `rows × 4`.
  let gates: [Bool]

  init(rows: Int, criteriaCount: Int, seed: UInt64) {
    self.rows = rows
    criteria = (0..<criteriaCount).map { j in
      DecisionCriterion("c\(j)", weight: Double(1 + j % 5), direction: j % 4 == 3 ? .cost : .benefit)
    }
    ids = (0..<rows).map { "o\($0)" }
    let c = UInt64(criteriaCount)
    values = (0..<(rows * criteriaCount)).map { 1 + 99 * SplitMix64.unit(seed: seed, index: UInt64($0)) }
    let gateBase = UInt64(rows) * c
    gates = (0..<(rows * 4)).map { SplitMix64.unit(seed: seed, index: gateBase + UInt64($0)) < 0.9 }
  }
}
