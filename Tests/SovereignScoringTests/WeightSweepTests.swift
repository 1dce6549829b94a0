import Testing

@testable import SovereignScoring

/// Weight sweeps on the reference matrix of shared/reference/smaa-and-sweeps.md: flip points
/// computed there with rational arithmetic.
@Suite struct WeightSweepTests {
  let sweep: WeightSweep

  init() throws {
    sweep = try WeightSweep(matrix: SMAATests.referenceMatrix(), method: .weightedSum)
  }

  @Test func complianceFlipsToBBelowAndCAbove() {
    let result = sweep.sweep(criterion: 0)
    #expect(result.winner == "A" && result.exact)
    #expect(abs(result.lower - 5.0 / 26) < 1e-12)
    #expect(abs(result.upper - 25.0 / 39) < 1e-12)
    #expect(result.below?.takers == ["B"] && result.below?.tied == ["A", "B"])
    #expect(result.above?.takers == ["C"] && result.above?.tied == ["A", "C"])
  }

  @Test func priceFlipsToBThenD() {
    let result = sweep.sweep(criterion: 1)
    #expect(result.lower == 0 && result.below == nil)
    #expect(abs(result.upper - 14.0 / 29) < 1e-12)
    #expect(result.above?.takers == ["B"])
    #expect(result.segments.map(\.winners) == [["A"], ["B"], ["D"]])
    #expect(abs(result.segments[1].to - 0.6311) < 0.0001)
  }

  @Test func capabilitiesFlipToB() {
    let result = sweep.sweep(criterion: 2)
    #expect(result.lower == 0 && abs(result.upper - 4.0 / 11) < 1e-12)
    #expect(result.above?.takers == ["B"] && result.above?.tied == ["A", "B"])
  }

  @Test func exposureNeverFlips() {
    let result = sweep.sweep(criterion: 3)
    #expect(result.lower == 0 && result.upper == 1)
    #expect(result.below == nil && result.above == nil && result.segments.count == 1)
  }

  /// The flip points agree with a direct evaluation: the winner is first just inside and not
  /// just outside, and the two tie at the point itself (to rounding).
  @Test func flipPointsAgreeWithDirectScores() {
    for j in 0..<4 {
      let result = sweep.sweep(criterion: j)
      for flip in [result.below, result.above].compactMap({ $0 }) {
        let scores = MatrixScoring.scores(
          sweep.matrix, method: .weightedSum, normalization: .standard, weights: sweep.weights(criterion: j, t: flip.at))
        let tied = flip.tied.map { scores[sweep.matrix.alternatives.firstIndex(of: $0)!] }
        #expect((tied.max()! - tied.min()!) < 1e-12)
        #expect(abs(tied.max()! - scores.max()!) < 1e-12)
      }
    }
  }

  /// TOPSIS: bisection to 1e-9; on each side of a flip the named winners are first.
  @Test func topsisFlipPointsByBisection() throws {
    let topsis = try WeightSweep(matrix: SMAATests.referenceMatrix(), method: .topsis)
    var flips = 0
    for j in 0..<4 {
      let result = topsis.sweep(criterion: j)
      #expect(!result.exact)
      #expect(result.lower <= result.weight && result.weight <= result.upper)
      for segment in result.segments where segment.to - segment.from > 1e-6 {
        let mid = (segment.from + segment.to) / 2
        let scores = MatrixScoring.scores(
          topsis.matrix, method: .topsis, normalization: .standard, weights: topsis.weights(criterion: j, t: mid))
        let best = scores.max()!
        #expect(segment.winners == topsis.matrix.alternatives.indices.filter { scores[$0] == best }.map { topsis.matrix.alternatives[$0] })
      }
      for flip in [result.below, result.above].compactMap({ $0 }) {
        flips += 1
        let left = MatrixScoring.scores(
          topsis.matrix, method: .topsis, normalization: .standard, weights: topsis.weights(criterion: j, t: flip.at - 2e-9))
        let right = MatrixScoring.scores(
          topsis.matrix, method: .topsis, normalization: .standard, weights: topsis.weights(criterion: j, t: flip.at + 2e-9))
        #expect(left.firstIndex(of: left.max()!) != right.firstIndex(of: right.max()!))
      }
    }
    #expect(flips > 0)
  }

  /// Two lines crossing exactly at a flip point: reported as a tie there.
  @Test func exactTieAtTheFlipPoint() throws {
    let matrix = try DecisionMatrix(
      alternatives: ["x", "y"], criteria: [DecisionCriterion("p", weight: 3), DecisionCriterion("q", weight: 1)],
      values: [[1, 0], [0, 1]])
    let result = try WeightSweep(matrix: matrix, normalization: .none).sweep(criterion: 0)
    #expect(result.winner == "x" && result.lower == 0.5 && result.upper == 1)
    #expect(result.below == WeightFlip(at: 0.5, tied: ["x", "y"], takers: ["y"]))
  }
}
