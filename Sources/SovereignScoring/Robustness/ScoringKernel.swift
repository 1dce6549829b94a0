/// The arithmetic of one scenario, allocation-free, shared by ``SMAA``, ``WeightSweep`` and
/// ``MatrixScoring``: normalise the columns over the alternatives present, weight, aggregate.
///
/// Values are stored row-major (`i * n + j`) and oriented so that higher is better (a cost column
/// is negated: an affine map of slope −1, which leaves min-max values and TOPSIS distances
/// unchanged). With every alternative present and standard normalisation the scores are bit for
/// bit those of ``WeightedSum`` and ``TOPSIS``: same operations in the same order.
struct ScoringKernel: Sendable {
  let m: Int
  let n: Int
  let method: MCDAMethod
  let normalization: MatrixNormalization
  let directions: [CriterionDirection]
  /// Raw values, row-major.
  let raw: [Double]

  init(matrix: DecisionMatrix, method: MCDAMethod, normalization: MatrixNormalization) {
    m = matrix.alternatives.count
    n = matrix.criteria.count
    self.method = method
    self.normalization = normalization.resolved(for: method)
    directions = matrix.criteria.map(\.direction)
    raw = matrix.values.flatMap { $0 }
  }

  /// Normalised, oriented values of the present alternatives into `r` (row-major, m × n) and, for
  /// TOPSIS, each column's best oriented value into `best` and worst into `worst` (length n).
  /// `present == nil` means every alternative.
  func prepare(
    present: UnsafeMutableBufferPointer<Bool>?, r: UnsafeMutableBufferPointer<Double>,
    best: UnsafeMutableBufferPointer<Double>, worst: UnsafeMutableBufferPointer<Double>
  ) {
    raw.withUnsafeBufferPointer { x in prepare(values: x, present: present, r: r, best: best, worst: worst) }
  }

  /// ``prepare(present:r:best:worst:)`` on other raw values (a scenario's matrix, row-major m × n).
  @inline(__always)
  func prepare(
    values x: UnsafeBufferPointer<Double>, present: UnsafeMutableBufferPointer<Bool>?, r: UnsafeMutableBufferPointer<Double>,
    best: UnsafeMutableBufferPointer<Double>, worst: UnsafeMutableBufferPointer<Double>
  ) {
    do {
      for j in 0..<n {
        let isCost = directions[j] == .cost
        var low = Double.infinity
        var high = -Double.infinity
        var squares = 0.0
        var count = 0
        for i in 0..<m where present?[i] ?? true {
          let value = x[i * n + j]
          low = Swift.min(low, value)
          high = Swift.max(high, value)
          squares += value * value
          count += 1
        }
        guard count > 0 else { continue }
        switch normalization {
        case .minmax:
          let range = high - low
          for i in 0..<m where present?[i] ?? true {
            let value = x[i * n + j]
            r[i * n + j] = range > 0 ? (isCost ? (high - value) / range : (value - low) / range) : 1
          }
        case .vector, .standard:
          let norm = squares.squareRoot()
          for i in 0..<m where present?[i] ?? true {
            let value = norm > 0 ? x[i * n + j] / norm : 0
            r[i * n + j] = isCost ? -value : value
          }
        case .none:
          for i in 0..<m where present?[i] ?? true {
            r[i * n + j] = isCost ? -x[i * n + j] : x[i * n + j]
          }
        }
        if method == .topsis {
          var b = -Double.infinity
          var w = Double.infinity
          for i in 0..<m where present?[i] ?? true {
            b = Swift.max(b, r[i * n + j])
            w = Swift.min(w, r[i * n + j])
          }
          best[j] = b
          worst[j] = w
        }
      }
    }
  }

  /// Scores of the present alternatives under `weights` (summing to 1) into `scores`.
  @inline(__always)
  func score(
    weights: UnsafeMutableBufferPointer<Double>, present: UnsafeMutableBufferPointer<Bool>?,
    r: UnsafeMutableBufferPointer<Double>, best: UnsafeMutableBufferPointer<Double>,
    worst: UnsafeMutableBufferPointer<Double>, scores: UnsafeMutableBufferPointer<Double>
  ) {
    for i in 0..<m where present?[i] ?? true {
      scores[i] = score(i, weights: weights, r: r, best: best, worst: worst)
    }
  }

  /// The score of alternative `i` (the same operations as ``score(weights:present:r:best:worst:scores:)``).
  @inline(__always)
  func score(
    _ i: Int, weights: UnsafeMutableBufferPointer<Double>, r: UnsafeMutableBufferPointer<Double>,
    best: UnsafeMutableBufferPointer<Double>, worst: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    let row = i * n
    switch method {
    case .weightedSum:
      var total = 0.0
      for j in 0..<n { total += weights[j] * r[row + j] }
      return total
    case .topsis:
      var plus = 0.0
      var minus = 0.0
      for j in 0..<n {
        let v = weights[j] * r[row + j]
        let toIdeal = v - weights[j] * best[j]
        let toAntiIdeal = v - weights[j] * worst[j]
        plus += toIdeal * toIdeal
        minus += toAntiIdeal * toAntiIdeal
      }
      let dPlus = plus.squareRoot()
      let dMinus = minus.squareRoot()
      let total = dPlus + dMinus
      return total > 0 ? dMinus / total : 1
    }
  }
}

/// Scores of a decision matrix under any ``MatrixNormalization`` (``MCDAMethod/score(_:)`` uses
/// the standard one and explains every term; this gives the scores and competition ranks only).
public enum MatrixScoring {
  /// Scores in matrix row order, under the matrix's weights (normalised to sum 1).
  public static func scores(
    _ matrix: DecisionMatrix, method: MCDAMethod, normalization: MatrixNormalization
  ) throws(MCDAError) -> [Double] {
    let weights = try WeightNormalization.normalize(matrix.criteria)
    return scores(matrix, method: method, normalization: normalization, weights: weights)
  }

  /// Scores in matrix row order under `weights` (already summing to 1).
  public static func scores(
    _ matrix: DecisionMatrix, method: MCDAMethod, normalization: MatrixNormalization, weights: [Double]
  ) -> [Double] {
    let kernel = ScoringKernel(matrix: matrix, method: method, normalization: normalization)
    return kernel.scoresOnce(weights: weights)
  }
}

extension ScoringKernel {
  /// One full evaluation with temporary buffers (not for inner loops).
  func scoresOnce(weights: [Double], present: [Bool]? = nil) -> [Double] {
    var r = [Double](repeating: 0, count: m * n)
    var best = [Double](repeating: 0, count: n)
    var worst = [Double](repeating: 0, count: n)
    var scores = [Double](repeating: -.infinity, count: m)
    var w = weights
    var p = present ?? []
    r.withUnsafeMutableBufferPointer { r in
      best.withUnsafeMutableBufferPointer { best in
        worst.withUnsafeMutableBufferPointer { worst in
          scores.withUnsafeMutableBufferPointer { scores in
            w.withUnsafeMutableBufferPointer { w in
              p.withUnsafeMutableBufferPointer { p in
                let mask = present == nil ? nil : p
                prepare(present: mask, r: r, best: best, worst: worst)
                score(weights: w, present: mask, r: r, best: best, worst: worst, scores: scores)
              }
            }
          }
        }
      }
    }
    return scores
  }
}
