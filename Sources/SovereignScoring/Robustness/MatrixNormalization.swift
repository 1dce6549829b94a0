/// How the columns of a decision matrix are put on a common scale before aggregation.
public enum MatrixNormalization: String, Sendable, Hashable, Codable, CaseIterable {
  /// The method's own: vector for TOPSIS, min-max for the weighted sum (``MCDAMethod``).
  case standard
  /// Values used as given (a matrix already on a value scale, as SMAA-2's additive value function
  /// expects). A cost criterion enters with its sign reversed, so higher is still better: the
  /// weighted sum is `Σ w·x` over benefit criteria minus `Σ w·x` over cost criteria.
  case none
  /// Min-max, `(x − min)/(max − min)`, reversed for costs; a constant column gives 1.
  case minmax
  /// Vector, `x / sqrt(Σx²)` (TOPSIS only: the direction is applied when choosing the ideal).
  case vector

  /// The normalisation actually applied by `method`: ``standard`` resolved.
  public func resolved(for method: MCDAMethod) -> MatrixNormalization {
    guard self == .standard else { return self }
    return method == .topsis ? .vector : .minmax
  }

  /// Why `method` cannot use this normalisation, or nil when it can.
  public func problem(with method: MCDAMethod) -> String? {
    if method == .weightedSum && resolved(for: method) == .vector {
      return "the weighted sum takes `minmax` or `none` normalisation, not `vector`"
    }
    return nil
  }

  /// How the resolved normalisation is named in reports.
  public func summary(for method: MCDAMethod) -> String {
    switch resolved(for: method) {
    case .none: "none (values as given; costs enter with reversed sign)"
    case .minmax: "min-max normalisation ((x − min)/(max − min), reversed for costs)"
    case .vector, .standard: "vector normalisation (x / sqrt(sum of x²))"
    }
  }
}
