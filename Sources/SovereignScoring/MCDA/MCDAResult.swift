/// The scores of every alternative of a ``DecisionMatrix``, with the arithmetic that produced them.
public struct MCDAResult: Sendable, Hashable {
  /// The method used.
  public var method: MCDAMethod
  /// The criteria as given (weights as given).
  public var criteria: [DecisionCriterion]
  /// The weights actually used, normalised to sum 1, in criterion order.
  public var weights: [Double]
  /// Every alternative, in rank order (best first; ties by id), see ``CompetitionRanking``.
  public var alternatives: [ScoredAlternative]

  /// The scored alternative with this id.
  public func alternative(_ id: String) -> ScoredAlternative? {
    alternatives.first { $0.id == id }
  }
}

/// One alternative's score, competition rank and per-criterion explanation.
public struct ScoredAlternative: Sendable, Hashable {
  /// Alternative id.
  public var id: String
  /// Score in [0, 1]; higher is better.
  public var score: Double
  /// Competition rank (1, 2, 2, 4): 1 + the number of alternatives with a strictly higher score.
  public var rank: Int
  /// One term per criterion, in criterion order.
  public var terms: [CriterionTerm]
  /// TOPSIS only: distances to the ideal and anti-ideal points.
  public var distances: TOPSISDistances?
}

/// How one criterion enters one alternative's score.
public struct CriterionTerm: Sendable, Hashable {
  /// Criterion name.
  public var criterion: String
  /// Raw value from the matrix.
  public var raw: Double
  /// Normalised value (vector for TOPSIS, min-max for weighted sum).
  public var normalized: Double
  /// Normalised weight (weights sum to 1).
  public var weight: Double
  /// `weight × normalized`.
  public var weighted: Double
  /// Weighted sum only: the part of the score due to this criterion (`weight × normalized`).
  /// The score is computed as the sum of the contributions in criterion order, so they add up
  /// to it exactly. `nil` for TOPSIS, whose score is not a sum.
  public var contribution: Double?
  /// TOPSIS only: `(weighted − ideal)²`, this criterion's term under the square root of D+.
  public var idealTerm: Double?
  /// TOPSIS only: `(weighted − anti-ideal)²`, this criterion's term under the square root of D−.
  public var antiIdealTerm: Double?
}

/// TOPSIS distances of one alternative.
public struct TOPSISDistances: Sendable, Hashable {
  /// Euclidean distance to the ideal point (D+).
  public var toIdeal: Double
  /// Euclidean distance to the anti-ideal point (D−).
  public var toAntiIdeal: Double
}
