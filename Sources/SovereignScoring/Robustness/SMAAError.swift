/// Why a robustness analysis cannot run. Each case says what to fix.
public enum SMAAError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The number of scenarios is not positive or is too large.
  case scenarios(Int)
  /// The weight model does not fit the criteria.
  case weights(String)
  /// The normalisation does not fit the method.
  case normalization(String)
  /// The unknown-fact counts do not give one count (zero or more) per alternative.
  case unknownFacts(String)
  /// The probability that an unknown fact is favourable is not in [0, 1].
  case probability(Double)
  /// The matrix itself (or its weights) is invalid.
  case matrix(MCDAError)

  /// Largest number of scenarios accepted.
  public static let maximumScenarios = 10_000_000

  public var description: String {
    switch self {
    case .scenarios(let n): "the number of scenarios must be between 1 and \(Self.maximumScenarios) (got \(n))"
    case .weights(let problem): "weights: \(problem)"
    case .normalization(let problem): problem
    case .unknownFacts(let problem): "unknown facts: \(problem)"
    case .probability(let p): "the probability that an unknown fact is favourable must be between 0 and 1 (got \(p))"
    case .matrix(let error): error.description
    }
  }
}
