/// Weight sweeps: set the weight of criterion j to t ∈ [0, 1] and rescale the others
/// proportionally, `w_k · (1 − t)/(1 − w_j)` (shares of `1 − t` in equal parts when `w_j = 1`),
/// and find the interval of t over which the current winner stays first, the flip points at its
/// ends, who ties there and who takes over beyond.
///
/// - Weighted sum: with the alternatives fixed the normalised values do not depend on the
///   weights, so every score is linear in t, `a_i + b_i·t`; the winners over [0, 1] are the upper
///   envelope of these lines, walked from t = 0 by solving `a_L + b_L·t = a_i + b_i·t` for the
///   nearest crossing (no scan). Lines meeting within 1e-12 of the same t tie there.
/// - TOPSIS: scores are not linear (the ideal point moves with the weights); the first place is
///   evaluated on a grid of ``gridSteps`` intervals and each change located by bisection to
///   ``tolerance``. Two changes inside one grid interval (1/2048 wide) would be missed.
///
/// ```swift
/// let sweep = try WeightSweep(matrix: matrix, method: .weightedSum)
/// let result = sweep.sweep(criterion: 0)
/// print(result.lower, result.upper, result.above?.takers ?? [])
/// ```
public struct WeightSweep: Sendable {
  public let matrix: DecisionMatrix
  public let method: MCDAMethod
  public let normalization: MatrixNormalization
  let kernel: ScoringKernel
  let weights: [Double]

  /// Bisection stops when the bracket is narrower than this (TOPSIS).
  public static let tolerance = 1e-9
  /// Grid intervals scanned before bisection (TOPSIS).
  public static let gridSteps = 2048
  /// Two crossings closer than this (in t) are the same point (weighted sum).
  static let coincidence = 1e-12

  public init(matrix: DecisionMatrix, method: MCDAMethod = .weightedSum, normalization: MatrixNormalization = .standard)
    throws(SMAAError)
  {
    if let problem = normalization.problem(with: method) { throw .normalization(problem) }
    do { weights = try WeightNormalization.normalize(matrix.criteria) } catch { throw .matrix(error) }
    self.matrix = matrix
    self.method = method
    self.normalization = normalization.resolved(for: method)
    kernel = ScoringKernel(matrix: matrix, method: method, normalization: normalization)
  }

  /// Sweeps every criterion, in criterion order.
  public func sweepAll() -> [WeightSweepResult] { matrix.criteria.indices.map { sweep(criterion: $0) } }

  /// Sweeps criterion `j`.
  public func sweep(criterion j: Int) -> WeightSweepResult {
    let ids = matrix.alternatives
    let baseline = kernel.scoresOnce(weights: weights)
    let best = baseline.max() ?? 0
    let baselineWinners = ids.indices.filter { baseline[$0] == best }
    let winner = baselineWinners.min { ids[$0].unicodeScalars.lexicographicallyPrecedes(ids[$1].unicodeScalars) } ?? 0
    let segments = method == .weightedSum ? linearEnvelope(criterion: j) : bisectedEnvelope(criterion: j)
    let names = { (set: [Int]) in set.map { ids[$0] }.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } }

    var lower = weights[j]
    var upper = weights[j]
    var below: WeightFlip?
    var above: WeightFlip?
    if let first = segments.firstIndex(where: { $0.winners.contains(winner) }),
      let last = segments.lastIndex(where: { $0.winners.contains(winner) })
    {
      lower = segments[first].from
      upper = segments[last].to
      if first > 0 {
        below = WeightFlip(
          at: lower, tied: names(Array(Set(segments[first].winners + segments[first - 1].winners))),
          takers: names(segments[first - 1].winners))
      }
      if last < segments.count - 1 {
        above = WeightFlip(
          at: upper, tied: names(Array(Set(segments[last].winners + segments[last + 1].winners))),
          takers: names(segments[last + 1].winners))
      }
    }
    return WeightSweepResult(
      criterion: matrix.criteria[j].name, weight: weights[j], winner: ids[winner], baselineWinners: names(baselineWinners),
      lower: lower, upper: upper, below: below, above: above,
      segments: segments.map { WeightSegment(from: $0.from, to: $0.to, winners: names($0.winners)) },
      exact: method == .weightedSum)
  }

  /// The weights when criterion j weighs t.
  func weights(criterion j: Int, t: Double) -> [Double] {
    let rest = 1 - weights[j]
    let n = weights.count
    return weights.indices.map { k in
      if k == j { return t }
      return rest > 0 ? weights[k] * (1 - t) / rest : (1 - t) / Double(max(n - 1, 1))
    }
  }

  struct Segment {
    var from: Double
    var to: Double
    var winners: [Int]
  }

  /// Weighted sum: the upper envelope of the lines `a_i + b_i·t`.
  func linearEnvelope(criterion j: Int) -> [Segment] {
    let m = kernel.m
    let atZero = kernel.scoresOnce(weights: weights(criterion: j, t: 0))
    let atOne = kernel.scoresOnce(weights: weights(criterion: j, t: 1))
    let a = atZero
    let b = (0..<m).map { atOne[$0] - atZero[$0] }
    func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= Self.coincidence * max(1, abs(x), abs(y)) }
    // The group of lines identical to i (same value and slope): they are first together.
    func group(of i: Int) -> [Int] { (0..<m).filter { close(a[$0], a[i]) && close(b[$0], b[i]) } }
    // Leader just right of t among `candidates` (tied at t): the steepest.
    func leader(_ candidates: [Int]) -> Int {
      candidates.max { b[$0] != b[$1] ? b[$0] < b[$1] : $0 > $1 } ?? 0
    }
    let top = a.max() ?? 0
    var current = leader((0..<m).filter { close(a[$0], top) })
    var t = 0.0
    var segments: [Segment] = []
    while true {
      let members = group(of: current)
      var next = Double.infinity
      var challengers: [Int] = []
      for i in 0..<m where !members.contains(i) && b[i] > b[current] && !close(b[i], b[current]) {
        let root = (a[current] - a[i]) / (b[i] - b[current])
        guard root > t, !close(root, t) else { continue }
        if close(root, next) {
          challengers.append(i)
          next = min(next, root)
        } else if root < next {
          next = root
          challengers = [i]
        }
      }
      if next >= 1 || challengers.isEmpty {
        segments.append(Segment(from: t, to: 1, winners: members))
        return segments
      }
      segments.append(Segment(from: t, to: next, winners: members))
      t = next
      current = leader(challengers)
    }
  }

  /// TOPSIS: first place on a grid, each change located by bisection.
  func bisectedEnvelope(criterion j: Int) -> [Segment] {
    func winners(_ t: Double) -> [Int] {
      let scores = kernel.scoresOnce(weights: weights(criterion: j, t: t))
      let top = scores.max() ?? 0
      return scores.indices.filter { scores[$0] == top }
    }
    var segments: [Segment] = []
    var start = 0.0
    var current = winners(0)
    var previousT = 0.0
    for step in 1...Self.gridSteps {
      let t = Double(step) / Double(Self.gridSteps)
      let here = winners(t)
      // Several changes may fall in one grid interval: bisect each in turn, left to right.
      var low = previousT
      while here != current {
        var high = t
        var highWinners = here
        while high - low > Self.tolerance {
          let mid = (low + high) / 2
          let w = winners(mid)
          if w == current {
            low = mid
          } else {
            high = mid
            highWinners = w
          }
        }
        let flip = (low + high) / 2
        segments.append(Segment(from: start, to: flip, winners: current))
        start = flip
        current = highWinners
        low = high
      }
      previousT = t
    }
    segments.append(Segment(from: start, to: 1, winners: current))
    return segments
  }
}
