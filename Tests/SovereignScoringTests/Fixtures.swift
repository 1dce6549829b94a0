@testable import SovereignScoring

/// Fixed decision matrices shared by the agreement, invariance and degenerate tests.
enum Fixtures {
  /// The 5×4 reference problem of the research notes (anchors §2.2).
  static let reference = try! DecisionMatrix(
    alternatives: ["A", "B", "C", "D", "E"],
    criteria: [
      DecisionCriterion("compliance", weight: 0.40, direction: .benefit),
      DecisionCriterion("price", weight: 0.25, direction: .cost),
      DecisionCriterion("capabilities", weight: 0.20, direction: .benefit),
      DecisionCriterion("exposure", weight: 0.15, direction: .cost),
    ],
    values: [
      [8, 120, 35, 1.0],
      [6, 80, 50, 3.0],
      [9, 200, 20, 1.5],
      [5, 60, 45, 4.0],
      [7, 100, 30, 2.0],
    ])

  /// Shaped like a real ranking: sovereignty, certifications, capabilities, openness, with
  /// user weights 40/25/20/15 (not normalised) and a constant column.
  static let sovereignLike = try! DecisionMatrix(
    alternatives: ["ovh-hds", "outscale-snc", "scaleway-hds", "clever-paas", "numspot", "bleu"],
    criteria: [
      DecisionCriterion("sovereignty", weight: 40),
      DecisionCriterion("certifications", weight: 25),
      DecisionCriterion("capabilities", weight: 20),
      DecisionCriterion("openness", weight: 15),
    ],
    values: [
      [0.8, 0.75, 0.5, 0.5],
      [1.0, 1.0, 0.5, 0.5],
      [0.9, 0.5, 1.0, 0.5],
      [0.9, 0.25, 0.0, 0.5],
      [1.0, 0.75, 0.5, 0.5],
      [0.6, 0.5, 0.5, 0.5],
    ])

  /// Mixed directions, uneven magnitudes, a zero-weight criterion and negative values.
  static let mixed = try! DecisionMatrix(
    alternatives: ["p1", "p2", "p3", "p4"],
    criteria: [
      DecisionCriterion("a", weight: 3, direction: .cost),
      DecisionCriterion("b", weight: 0, direction: .benefit),
      DecisionCriterion("c", weight: 1.5, direction: .benefit),
      DecisionCriterion("d", weight: 7, direction: .cost),
      DecisionCriterion("e", weight: 0.001, direction: .benefit),
    ],
    values: [
      [1e3, 4, -2.5, 0.001, 12],
      [2.5e3, 9, 3.25, 0.004, 7],
      [7e2, 1, 0.0, 0.002, 7],
      [1.9e3, 3, 1.0, 0.0005, 30],
    ])

  /// Two alternatives, one criterion: the smallest non-degenerate case.
  static let tiny = try! DecisionMatrix(
    alternatives: ["x", "y"],
    criteria: [DecisionCriterion("only", weight: 1, direction: .cost)],
    values: [[2], [5]])

  static let all: [(String, DecisionMatrix)] = [
    ("reference", reference), ("sovereign-like", sovereignLike), ("mixed", mixed), ("tiny", tiny),
  ]
}
