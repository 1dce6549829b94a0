import Testing

@testable import SovereignScoring

@Suite struct WeightNormalizationTests {
  @Test func positiveWeightsSumToOne() throws {
    let weights = try WeightNormalization.normalize([
      DecisionCriterion("a", weight: 40), DecisionCriterion("b", weight: 25),
      DecisionCriterion("c", weight: 20), DecisionCriterion("d", weight: 15),
    ])
    #expect(weights == [0.4, 0.25, 0.2, 0.15])
  }

  @Test func zeroWeightIsAllowed() throws {
    let weights = try WeightNormalization.normalize([DecisionCriterion("a", weight: 0), DecisionCriterion("b", weight: 2)])
    #expect(weights == [0, 1])
  }

  @Test func negativeWeightIsRejected() {
    #expect(throws: MCDAError.negativeWeight(criterion: "b", weight: -1)) {
      try WeightNormalization.normalize([DecisionCriterion("a", weight: 1), DecisionCriterion("b", weight: -1)])
    }
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func nonFiniteWeightIsRejected(_ weight: Double) {
    #expect(throws: MCDAError.nonFiniteWeight(criterion: "a")) {
      try WeightNormalization.normalize([DecisionCriterion("a", weight: weight)])
    }
  }

  @Test func allZeroIsRejected() {
    #expect(throws: MCDAError.allWeightsZero) {
      try WeightNormalization.normalize([DecisionCriterion("a", weight: 0), DecisionCriterion("b", weight: 0)])
    }
  }

  @Test func noCriteriaIsRejected() {
    #expect(throws: MCDAError.noCriteria) { try WeightNormalization.normalize([]) }
  }

  @Test func errorMessagesNameTheCriterion() {
    #expect(MCDAError.negativeWeight(criterion: "openness", weight: -3).description
      == "the weight of criterion `openness` is -3.0; weights must be zero or positive")
    #expect(MCDAError.allWeightsZero.description.contains("at least one criterion a positive weight"))
  }
}

@Suite struct DecisionMatrixValidationTests {
  @Test func nonFiniteValueIsRejected() {
    #expect(throws: MCDAError.nonFiniteValue(alternative: "y", criterion: "c")) {
      try DecisionMatrix(alternatives: ["x", "y"], criteria: [DecisionCriterion("c", weight: 1)], values: [[1], [.nan]])
    }
  }

  @Test func shapeIsChecked() {
    #expect(throws: MCDAError.rowLength(alternative: "x", expected: 2, actual: 1)) {
      try DecisionMatrix(
        alternatives: ["x"], criteria: [DecisionCriterion("c", weight: 1), DecisionCriterion("d", weight: 1)],
        values: [[1]])
    }
    #expect(throws: MCDAError.duplicateAlternative("x")) {
      try DecisionMatrix(alternatives: ["x", "x"], criteria: [DecisionCriterion("c", weight: 1)], values: [[1], [2]])
    }
    #expect(throws: MCDAError.duplicateCriterion("c")) {
      try DecisionMatrix(
        alternatives: ["x"], criteria: [DecisionCriterion("c", weight: 1), DecisionCriterion("c", weight: 1)],
        values: [[1, 2]])
    }
    #expect(throws: MCDAError.noAlternatives) {
      try DecisionMatrix(alternatives: [], criteria: [DecisionCriterion("c", weight: 1)], values: [])
    }
  }
}
