import Foundation

/// How the weights of a robustness analysis vary from one scenario to the next.
///
/// Every model returns non-negative weights summing to 1.
public enum WeightModel: Sendable, Hashable {
  /// Uniform on the simplex {w ≥ 0, Σw = 1}: Dirichlet(1, …, 1), drawn as normalised standard
  /// exponentials `−log U` (not normalised independent uniforms, which are not uniform on the
  /// simplex). SMAA-2's model of "no preference information".
  case uniform
  /// Always these weights (normalised to sum 1): only the other sources of uncertainty vary.
  case fixed([Double])
  /// Around the given weights: `w_j · (1 + spread · u_j)` with `u_j` uniform on [−1, 1],
  /// independently per criterion, then renormalised to sum 1 (`spread` 0.25 is ±25 %).
  case around([Double], spread: Double)
  /// Ordinal: uniform on the part of the simplex where `w[order[0]] ≥ w[order[1]] ≥ …`
  /// (a uniform simplex draw sorted in decreasing order, assigned in that order). `order` lists
  /// every criterion index exactly once, most important first.
  case ordinal(order: [Int])

  /// Checks the model against `criteria` criteria; returns the problem in words, or nil.
  public func problem(criteria: Int) -> String? {
    switch self {
    case .uniform: return nil
    case .fixed(let weights), .around(let weights, _):
      guard weights.count == criteria else { return "\(weights.count) weights for \(criteria) criteria" }
      guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return "weights must be finite and zero or more" }
      guard weights.reduce(0, +) > 0 else { return "every weight is zero" }
      if case .around(_, let spread) = self, !(spread.isFinite && spread >= 0 && spread <= 1) {
        return "the spread must be between 0 and 1 (e.g. 0.25 for ±25 %)"
      }
      return nil
    case .ordinal(let order):
      guard order.sorted() == Array(0..<criteria) else { return "the order must list every criterion exactly once" }
      return nil
    }
  }

  /// Draws one weight vector into `weights` (length = number of criteria). Allocation-free.
  @inline(__always)
  func sample(into weights: UnsafeMutableBufferPointer<Double>, _ random: inout Xoshiro256StarStar) {
    let n = weights.count
    switch self {
    case .uniform:
      Self.simplex(into: weights, &random)
    case .fixed(let given):
      var total = 0.0
      for j in 0..<n { total += given[j] }
      for j in 0..<n { weights[j] = given[j] / total }
    case .around(let given, let spread):
      var total = 0.0
      for j in 0..<n {
        let u = 2 * random.nextUnit() - 1
        weights[j] = given[j] * (1 + spread * u)
        total += weights[j]
      }
      for j in 0..<n { weights[j] /= total }
    case .ordinal(let order):
      Self.simplex(into: weights, &random)
      // Insertion sort, decreasing (n is small), then assign the k-th largest to order[k].
      for a in 1..<max(n, 1) {
        let value = weights[a]
        var b = a - 1
        while b >= 0 && weights[b] < value {
          weights[b + 1] = weights[b]
          b -= 1
        }
        weights[b + 1] = value
      }
      Self.permute(weights, order)
    }
  }

  /// Applies `result[order[k]] = sorted[k]` in place by following the permutation's cycles.
  @inline(__always)
  static func permute(_ values: UnsafeMutableBufferPointer<Double>, _ order: [Int]) {
    let n = values.count
    // Small n (criteria): a fixed-size stack buffer of up to 64 values avoids allocation.
    withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { copy in
      for k in 0..<n { copy[k] = values[k] }
      for k in 0..<n { values[order[k]] = copy[k] }
    }
  }

  /// Uniform on the simplex: normalised standard exponentials.
  @inline(__always)
  static func simplex(into weights: UnsafeMutableBufferPointer<Double>, _ random: inout Xoshiro256StarStar) {
    var total = 0.0
    for j in 0..<weights.count {
      let e = -log(random.nextOpenUnit())
      weights[j] = e
      total += e
    }
    for j in 0..<weights.count { weights[j] /= total }
  }
}
