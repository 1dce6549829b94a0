import SovereignScoring
import Testing

/// The examples of the `SMAA` and `WeightSweep` doc comments, compiled and run as written
/// (public API only).
@Suite struct RobustnessExampleTests {
  @Test func smaaDocExample() throws {
    let matrix = try DecisionMatrix(
      alternatives: ["A", "B"],
      criteria: [DecisionCriterion("price", weight: 1, direction: .cost), DecisionCriterion("quality", weight: 1)],
      values: [[100, 7], [80, 5]])
    let result = try SMAA(matrix: matrix, method: .weightedSum).run(.init(scenarios: 10_000, seed: 42))
    // A is best on quality, B on price; min-max gives each 1 on its criterion: b¹ ≈ 1/2 each.
    #expect(abs(result.rankAcceptability[0][0] - 0.5) < 0.02)
    #expect(abs(result.rankAcceptability[0][0] + result.rankAcceptability[1][0] - 1) < 1e-12)
  }

  @Test func weightSweepDocExample() throws {
    let matrix = try DecisionMatrix(
      alternatives: ["A", "B"],
      criteria: [DecisionCriterion("price", weight: 1, direction: .cost), DecisionCriterion("quality", weight: 2)],
      values: [[100, 7], [80, 5]])
    let sweep = try WeightSweep(matrix: matrix, method: .weightedSum)
    let result = sweep.sweep(criterion: 0)
    #expect(result.winner == "A" && result.lower == 0 && abs(result.upper - 0.5) < 1e-12)
    #expect(result.above?.takers ?? [] == ["B"])
  }
}
