/// Why a decision matrix or its weights cannot be scored. Each case says exactly what to fix.
public enum MCDAError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The matrix has no criterion.
  case noCriteria
  /// The matrix has no alternative.
  case noAlternatives
  /// Two criteria share a name.
  case duplicateCriterion(String)
  /// Two alternatives share an id.
  case duplicateAlternative(String)
  /// A weight is below zero.
  case negativeWeight(criterion: String, weight: Double)
  /// A weight is NaN or infinite.
  case nonFiniteWeight(criterion: String)
  /// Every weight is zero, so no criterion counts.
  case allWeightsZero
  /// A row does not have one value per criterion.
  case rowLength(alternative: String, expected: Int, actual: Int)
  /// A raw value is NaN or infinite.
  case nonFiniteValue(alternative: String, criterion: String)

  public var description: String {
    switch self {
    case .noCriteria: "there is no criterion to score on"
    case .noAlternatives: "there is no alternative to score"
    case .duplicateCriterion(let name): "criterion `\(name)` appears twice"
    case .duplicateAlternative(let id): "alternative `\(id)` appears twice"
    case .negativeWeight(let criterion, let weight):
      "the weight of criterion `\(criterion)` is \(weight); weights must be zero or positive"
    case .nonFiniteWeight(let criterion):
      "the weight of criterion `\(criterion)` is not a finite number"
    case .allWeightsZero: "every criterion weight is zero; give at least one criterion a positive weight"
    case .rowLength(let alternative, let expected, let actual):
      "alternative `\(alternative)` has \(actual) values but there are \(expected) criteria"
    case .nonFiniteValue(let alternative, let criterion):
      "the value of alternative `\(alternative)` on criterion `\(criterion)` is not a finite number"
    }
  }
}
