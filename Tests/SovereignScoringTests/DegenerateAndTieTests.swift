import Testing

@testable import SovereignScoring

/// Degenerate matrices get documented, finite scores; ties share a rank (1, 2, 2, 4).
@Suite struct DegenerateAndTieTests {
  @Test func minMaxConstantColumnIsOne() {
    #expect(Normalization.minMax([3, 3, 3], direction: .benefit) == [1, 1, 1])
    #expect(Normalization.minMax([3, 3, 3], direction: .cost) == [1, 1, 1])
    #expect(Normalization.minMax([1, 2, 3], direction: .cost) == [1, 0.5, 0])
  }

  @Test func vectorAllZeroColumnIsZero() {
    #expect(Normalization.vector([0, 0, 0]) == [0, 0, 0])
    #expect(Normalization.vector([3, 4]) == [0.6, 0.8])
  }

  @Test func singleAlternativeScoresOneWithBothMethods() throws {
    let matrix = try DecisionMatrix(
      alternatives: ["only"],
      criteria: [DecisionCriterion("a", weight: 2), DecisionCriterion("b", weight: 1, direction: .cost)],
      values: [[0.3, 7]])
    for method in MCDAMethod.allCases {
      let result = try method.score(matrix)
      #expect(result.alternatives.count == 1)
      #expect(result.alternatives[0].score == 1, "\(method)")
      #expect(result.alternatives[0].rank == 1)
    }
    let topsis = try MCDAMethod.topsis.score(matrix).alternatives[0].distances
    #expect(topsis == TOPSISDistances(toIdeal: 0, toAntiIdeal: 0))
  }

  @Test func allZeroColumnLeavesTheOthersInCharge() throws {
    let withZero = try DecisionMatrix(
      alternatives: ["a", "b", "c"],
      criteria: [DecisionCriterion("z", weight: 5), DecisionCriterion("x", weight: 1, direction: .cost)],
      values: [[0, 1], [0, 3], [0, 2]])
    let topsis = try MCDAMethod.topsis.score(withZero)
    #expect(topsis.alternatives.map(\.id) == ["a", "c", "b"])
    #expect(topsis.alternatives.allSatisfy { $0.score.isFinite })
    #expect(topsis.alternatives.first?.score == 1)
    #expect(topsis.alternatives.last?.score == 0)
    // Weighted sum: the constant zero column gives 1 × its weight to everyone (pymcdm rule).
    let wsm = try MCDAMethod.weightedSum.score(withZero)
    #expect(wsm.alternatives.map(\.score) == [5.0 / 6 + 1.0 / 6, 5.0 / 6 + 0.5 / 6, 5.0 / 6])
  }

  @Test func identicalAlternativesTieAtOne() throws {
    let matrix = try DecisionMatrix(
      alternatives: ["b", "a"], criteria: [DecisionCriterion("c", weight: 1)], values: [[4], [4]])
    for method in MCDAMethod.allCases {
      let result = try method.score(matrix)
      #expect(result.alternatives.map(\.id) == ["a", "b"], "ties listed by id")
      #expect(result.alternatives.map(\.rank) == [1, 1])
      #expect(result.alternatives.map(\.score) == [1, 1])
    }
  }

  @Test func competitionRankingSkipsAfterTies() {
    let order = CompetitionRanking.order(ids: ["d", "c", "b", "a", "e"], scores: [0.9, 0.5, 0.5, 0.1, 0.5])
    #expect(order.map(\.index) == [0, 2, 1, 4, 3])
    #expect(order.map(\.rank) == [1, 2, 2, 2, 5])
  }

  @Test func tiesAreEqualWithinOneInATrillion() {
    // 0.1 + 0.2 = 0.30000000000000004 and 0.3 differ by one ulp: a tie, listed by id.
    let nearlyEqual = CompetitionRanking.order(ids: ["a", "b"], scores: [0.3, 0.1 + 0.2])
    #expect(nearlyEqual.map(\.rank) == [1, 1])
    #expect(nearlyEqual.map(\.index) == [0, 1])
    // The issue's case: 0.45 and 0.44999999999999996 share a rank; 1e-9 apart do not.
    let issue = CompetitionRanking.order(ids: ["x", "y", "z", "w"], scores: [0.5, 0.45, 0.44999999999999996, 0.45 - 1e-9])
    #expect(issue.map(\.rank) == [1, 2, 2, 4])
    #expect(CompetitionRanking.tied(1, 1 + 1e-13) && !CompetitionRanking.tied(1, 1 + 1e-11))
    #expect(CompetitionRanking.tied(0, 0) && !CompetitionRanking.tied(0, 1e-300))
  }

  @Test func tieInAMatrixRanksOneTwoTwoFour() throws {
    let matrix = try DecisionMatrix(
      alternatives: ["w", "z", "y", "x"],
      criteria: [DecisionCriterion("c", weight: 1)],
      values: [[4], [2], [2], [1]])
    for method in MCDAMethod.allCases {
      let result = try method.score(matrix)
      #expect(result.alternatives.map(\.rank) == [1, 2, 2, 4], "\(method)")
      #expect(result.alternatives.map(\.id) == ["w", "y", "z", "x"], "\(method)")
    }
  }
}

@Suite struct ExplanationFreeScoringTests {
  @Test func scoresAndRanksAreTheSameWithoutExplanations() throws {
    let matrix = try DecisionMatrix(
      alternatives: ["a", "b", "c", "d"],
      criteria: [DecisionCriterion("x", weight: 2, direction: .benefit), DecisionCriterion("y", weight: 1, direction: .cost)],
      values: [[3, 1], [1, 2], [2, 2], [3, 1]])
    for (full, lean) in [
      (try TOPSIS.score(matrix), try TOPSIS.score(matrix, explain: false)),
      (try WeightedSum.score(matrix), try WeightedSum.score(matrix, explain: false)),
    ] {
      #expect(full.alternatives.map(\.id) == lean.alternatives.map(\.id))
      #expect(full.alternatives.map(\.score) == lean.alternatives.map(\.score))
      #expect(full.alternatives.map(\.rank) == lean.alternatives.map(\.rank))
      #expect(lean.alternatives.allSatisfy { $0.terms.isEmpty })
      #expect(full.alternatives.allSatisfy { $0.terms.count == 2 })
    }
  }
}
