import Foundation
import Testing

@testable import SovereignScoring

/// Scores must agree with pymcdm 1.4.0 to 1e-9 and ranks exactly, on fixed matrices.
///
/// Needs python3 with pymcdm==1.4.0. When the environment variable `CI` is set, a missing oracle
/// fails the test; locally it is recorded as a known issue with the install command.
@Suite struct PymcdmAgreementTests {
  static let tolerance = 1e-9

  @Test func scoresAgreeWithPymcdm() throws {
    let cases = try Fixtures.all.map { name, matrix in
      PymcdmOracle.Case(
        name: name, matrix: matrix.values,
        weights: try WeightNormalization.normalize(matrix.criteria),
        types: matrix.criteria.map { $0.direction == .benefit ? 1 : -1 })
    }
    let answer: PymcdmOracle.Answer
    do {
      answer = try PymcdmOracle.run(cases)
    } catch PymcdmOracle.Failure.unavailable(let why) {
      if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record("CI is set and the pymcdm oracle is unavailable: \(why)")
      } else {
        withKnownIssue("pymcdm oracle unavailable locally, agreement NOT checked: \(why)") {
          Issue.record("pymcdm oracle unavailable")
        }
      }
      return
    }
    #expect(answer.pymcdm == "1.4.0")
    #expect(answer.cases.map(\.name) == Fixtures.all.map(\.0))
    for (expected, (name, matrix)) in zip(answer.cases, Fixtures.all) {
      for (method, reference) in [(MCDAMethod.topsis, expected.topsis), (.weightedSum, expected.wsm)] {
        let result = try method.score(matrix)
        for (index, id) in matrix.alternatives.enumerated() {
          let ours = try #require(result.alternative(id)).score
          let theirs = try #require(reference[index], "pymcdm gave NaN for \(name)/\(id)")
          #expect(abs(ours - theirs) <= Self.tolerance, "\(name) \(method) \(id): \(ours) vs pymcdm \(theirs)")
        }
        // Ranks: competition ranking of pymcdm's scores must match ours exactly.
        let theirRanks = CompetitionRanking.order(ids: matrix.alternatives, scores: reference.map { $0 ?? .nan })
        #expect(theirRanks.map { matrix.alternatives[$0.index] } == result.alternatives.map(\.id), "\(name) \(method)")
      }
    }
  }

  /// The published hand-checked values of the reference problem (anchors §2.4), without Python.
  @Test func referenceValuesFromTheNotes() throws {
    let topsis = try MCDAMethod.topsis.score(Fixtures.reference)
    let wsm = try MCDAMethod.weightedSum.score(Fixtures.reference)
    let expectedTopsis = ["A": 0.660052190884, "B": 0.592368523744, "C": 0.448654495108, "D": 0.524399194229, "E": 0.591221226269]
    let expectedWSM = ["A": 0.692857142857, "B": 0.564285714286, "C": 0.525, "D": 0.416666666667, "E": 0.545238095238]
    for (id, value) in expectedTopsis { #expect(abs(try #require(topsis.alternative(id)).score - value) < 1e-11) }
    for (id, value) in expectedWSM { #expect(abs(try #require(wsm.alternative(id)).score - value) < 1e-11) }
    #expect(topsis.alternatives.map(\.id) == ["A", "B", "E", "D", "C"])
    #expect(wsm.alternatives.map(\.id) == ["A", "B", "E", "C", "D"])
  }
}
