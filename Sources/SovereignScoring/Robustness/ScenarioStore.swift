/// The resolved unknown facts of every scenario of a run: which alternatives are present, their
/// normalised values and the ideal and anti-ideal points. The main pass keeps them so that the
/// confidence-factor pass reads the very scenarios it ranked instead of drawing and resolving
/// them again (on the bundled catalog, resolving ~600 facts per scenario was half of the run).
///
/// Kept only when it fits in ``budget`` bytes. Without it the confidence pass replays each
/// scenario's draws (weights, then facts) from the same stream, which resolves the same
/// scenarios: the results are identical either way, the store only saves the work.
final class ScenarioStore: @unchecked Sendable {
  /// Default memory budget: 64 MiB (10,000 scenarios of 45 alternatives × 4 criteria take 15 MiB).
  static let budget = 64 << 20

  let m: Int
  let n: Int
  let present: UnsafeMutableBufferPointer<Bool>
  let r: UnsafeMutableBufferPointer<Double>
  let best: UnsafeMutableBufferPointer<Double>
  let worst: UnsafeMutableBufferPointer<Double>

  /// A store for `scenarios` scenarios of `m` alternatives × `n` criteria, or nil when it would
  /// take more than `budget` bytes.
  init?(scenarios: Int, m: Int, n: Int, budget: Int = ScenarioStore.budget) {
    let (cells, o1) = m.multipliedReportingOverflow(by: n)
    let (perScenario, o2) = (cells + 2 * n).multipliedReportingOverflow(by: MemoryLayout<Double>.stride)
    let (bytes, o3) = (perScenario + m).multipliedReportingOverflow(by: scenarios)
    guard !o1, !o2, !o3, bytes <= budget else { return nil }
    self.m = m
    self.n = n
    present = .allocate(capacity: scenarios * m)
    r = .allocate(capacity: scenarios * cells)
    best = .allocate(capacity: scenarios * n)
    worst = .allocate(capacity: scenarios * n)
    present.initialize(repeating: false)
    r.initialize(repeating: 0)
    best.initialize(repeating: 0)
    worst.initialize(repeating: 0)
  }

  deinit {
    present.deallocate()
    r.deallocate()
    best.deallocate()
    worst.deallocate()
  }

  /// Copies one resolved scenario in (each scenario is written by one worker only).
  func save(
    _ scenario: Int, present source: UnsafeMutableBufferPointer<Bool>, r values: UnsafeMutableBufferPointer<Double>,
    best ideal: UnsafeMutableBufferPointer<Double>, worst antiIdeal: UnsafeMutableBufferPointer<Double>
  ) {
    for i in 0..<m { present[scenario * m + i] = source[i] }
    for k in 0..<(m * n) { r[scenario * m * n + k] = values[k] }
    for j in 0..<n {
      best[scenario * n + j] = ideal[j]
      worst[scenario * n + j] = antiIdeal[j]
    }
  }

  /// One saved scenario, as the buffers the scoring kernel reads (no copy).
  func scenario(_ s: Int) -> (
    present: UnsafeMutableBufferPointer<Bool>, r: UnsafeMutableBufferPointer<Double>,
    best: UnsafeMutableBufferPointer<Double>, worst: UnsafeMutableBufferPointer<Double>
  ) {
    (
      UnsafeMutableBufferPointer(rebasing: present[(s * m)..<((s + 1) * m)]),
      UnsafeMutableBufferPointer(rebasing: r[(s * m * n)..<((s + 1) * m * n)]),
      UnsafeMutableBufferPointer(rebasing: best[(s * n)..<((s + 1) * n)]),
      UnsafeMutableBufferPointer(rebasing: worst[(s * n)..<((s + 1) * n)])
    )
  }
}
