import Testing

@testable import SovereignScoring

/// SMAA-2: the generator, the weight sampler, the indices and their invariants.
@Suite struct SMAATests {
  /// The reference matrix of shared/reference anchors-mcda-comparators.md §2.2.
  static func referenceMatrix(weights: [Double] = [0.40, 0.25, 0.20, 0.15]) throws -> DecisionMatrix {
    try DecisionMatrix(
      alternatives: ["A", "B", "C", "D", "E"],
      criteria: [
        DecisionCriterion("compliance", weight: weights[0]),
        DecisionCriterion("price", weight: weights[1], direction: .cost),
        DecisionCriterion("capabilities", weight: weights[2]),
        DecisionCriterion("exposure", weight: weights[3], direction: .cost),
      ],
      values: [[8, 120, 35, 1.0], [6, 80, 50, 3.0], [9, 200, 20, 1.5], [5, 60, 45, 4.0], [7, 100, 30, 2.0]])
  }

  static func identity(_ n: Int) throws -> DecisionMatrix {
    try DecisionMatrix(
      alternatives: (1...n).map { "a\($0)" }, criteria: (1...n).map { DecisionCriterion("c\($0)", weight: 1) },
      values: (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } })
  }

  @Test func splitMixAndXoshiroMatchThePublishedOutputs() {
    var mixer = SplitMix64(state: 0)
    #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
    #expect(mixer.next() == 0x6E78_9E6A_A1B9_65F4)
    var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
    let expected: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240]
    #expect((0..<4).map { _ in generator.next() } == expected)
  }

  @Test func jumpedStreamsDiffer() {
    var a = Xoshiro256StarStar.stream(seed: 7, index: 0)
    var b = Xoshiro256StarStar.stream(seed: 7, index: 1)
    #expect(a.next() != b.next())
    var c = Xoshiro256StarStar.stream(seed: 7, index: 1)
    _ = c.next()
    #expect(b.next() == c.next())
  }

  /// Identity matrix, uniform weights: b¹ = 1/n and the central weight of i has component i equal
  /// to (1/n)·Σ_{k=1..n} 1/k (11/18 for n = 3; a naive normalised-uniform sampler gives 0.523).
  @Test(arguments: [2, 3, 4, 5])
  func identityMatrixSamplerCheck(n: Int) throws {
    let N = 200_000
    let result = try SMAA(matrix: Self.identity(n), method: .weightedSum, normalization: .none)
      .run(.init(scenarios: N, seed: 2026))
    let expected = (1...n).reduce(0.0) { $0 + 1 / Double($1) } / Double(n)
    let other = (1 - expected) / Double(n - 1)
    for i in 0..<n {
      #expect(abs(result.firstRankAcceptability(i) - 1 / Double(n)) < 0.005)
      let central = try #require(result.centralWeights[i])
      // The component's standard deviation is below 0.3, so 4 standard errors over N/n samples.
      let bound = 4 * 0.3 / (Double(N) / Double(n)).squareRoot()
      #expect(abs(central[i] - expected) < bound, "n = \(n): \(central[i]) vs \(expected)")
      for j in 0..<n where j != i { #expect(abs(central[j] - other) < bound) }
      #expect(result.confidenceFactors[i] == 1)
    }
    if n == 3 { #expect(abs(expected - 11.0 / 18) < 1e-15 && abs(other - 7.0 / 36) < 1e-15) }
  }

  @Test func acceptabilitiesSumToOnePerAlternativeAndPerRank() throws {
    for method in MCDAMethod.allCases {
      let result = try SMAA(matrix: Self.referenceMatrix(), method: method).run(.init(scenarios: 5_000, seed: 9))
      for row in result.rankAcceptability { #expect(abs(row.reduce(0, +) - 1) < 1e-12) }
      for r in 0..<5 { #expect(abs(result.rankAcceptability.map { $0[r] }.reduce(0, +) - 1) < 1e-12) }
      for w in result.centralWeights.compactMap({ $0 }) { #expect(abs(w.reduce(0, +) - 1) < 1e-12) }
      #expect(result.eligibility == [1, 1, 1, 1, 1])
    }
  }

  @Test func sameSeedSameResultWhateverTheThreads() throws {
    let smaa = try SMAA(matrix: Self.referenceMatrix(), method: .topsis)
    let one = try smaa.run(.init(scenarios: 3_001, seed: 42, threads: 1))
    let two = try smaa.run(.init(scenarios: 3_001, seed: 42, threads: 2))
    let five = try smaa.run(.init(scenarios: 3_001, seed: 42, threads: 5))
    #expect(one == two && two == five)
    let other = try smaa.run(.init(scenarios: 3_001, seed: 43, threads: 2))
    #expect(other.rankAcceptability != one.rankAcceptability)
  }

  /// Two alternatives, each best on one of two criteria by the same margin: symmetric, so each
  /// wins half the time, each beats the other half the time, and choice entropy is 1 bit.
  @Test func twoSymmetricAlternatives() throws {
    let matrix = try DecisionMatrix(
      alternatives: ["x", "y"], criteria: [DecisionCriterion("p", weight: 1), DecisionCriterion("q", weight: 1)],
      values: [[1, 0], [0, 1]])
    let result = try SMAA(matrix: matrix, normalization: .none).run(.init(scenarios: 40_000, seed: 5))
    #expect(abs(result.firstRankAcceptability(0) - 0.5) < 0.01)
    #expect(abs(result.pairwiseWinning[0][1] - 0.5) < 0.01)
    #expect(abs(result.pairwiseWinning[0][1] + result.pairwiseWinning[1][0] - 1) < 1e-12)
    #expect(abs(result.choiceEntropy - 1) < 0.001)
    #expect(abs(result.rankingEntropy - 1) < 0.001)
    #expect(result.distinctRankings == 2)
    // Central weights: x wins when w_p > 1/2, with mean w_p = 3/4.
    #expect(abs(try #require(result.centralWeights[0])[0] - 0.75) < 0.005)
  }

  /// Two identical alternatives tie in every scenario: both rank first (strict ">"), nobody second.
  @Test func identicalAlternativesShareTheBestRank() throws {
    let matrix = try DecisionMatrix(
      alternatives: ["x", "y"], criteria: [DecisionCriterion("p", weight: 1), DecisionCriterion("q", weight: 1)],
      values: [[0.3, 0.6], [0.3, 0.6]])
    let result = try SMAA(matrix: matrix).run(.init(scenarios: 1_000, seed: 1))
    #expect(result.rankAcceptability == [[1, 0], [1, 0]])
    #expect(result.pairwiseWinning == [[0, 0], [0, 0]])
    #expect(result.holisticAcceptability == [1, 1])
    #expect(abs(result.choiceEntropy - 1) < 1e-12)
    #expect(result.rankingEntropy == 0)
  }

  /// A dominated alternative never ranks first; a dominating one always does.
  @Test func dominanceIsRespected() throws {
    let matrix = try DecisionMatrix(
      alternatives: ["top", "mid", "low"], criteria: [DecisionCriterion("p", weight: 1), DecisionCriterion("q", weight: 1)],
      values: [[3, 3], [2, 1], [1, 2]])
    let result = try SMAA(matrix: matrix, method: .topsis).run(.init(scenarios: 2_000, seed: 3))
    #expect(result.rankAcceptability[0][0] == 1)
    #expect(result.centralWeights[1] == nil && result.confidenceFactors[1] == nil)
    #expect(result.choiceEntropy == 0)
    #expect(result.confidenceFactors[0] == 1)
  }

  /// With fixed weights the ranking is the deterministic one of the method, in every scenario.
  @Test func fixedWeightsReproduceTheDeterministicRanking() throws {
    for method in MCDAMethod.allCases {
      let matrix = try Self.referenceMatrix()
      let ranking = try method.score(matrix)
      let result = try SMAA(matrix: matrix, method: method)
        .run(.init(scenarios: 300, seed: 1, weights: .fixed([0.40, 0.25, 0.20, 0.15])))
      for scored in ranking.alternatives {
        let i = matrix.alternatives.firstIndex(of: scored.id)!
        #expect(result.rankAcceptability[i][scored.rank - 1] == 1, "\(method) \(scored.id)")
      }
      #expect(result.distinctRankings == 1)
      // The kernel's scores are bit for bit those of the explained methods.
      let scores = MatrixScoring.scores(matrix, method: method, normalization: .standard, weights: ranking.weights)
      for scored in ranking.alternatives {
        #expect(scores[matrix.alternatives.firstIndex(of: scored.id)!] == scored.score)
      }
    }
  }

  /// The reference run (WSM-minmax, uniform weights) of the notes, within Monte-Carlo error
  /// (|Δb| ≤ 0.98/√N for each side, so 0.03 covers both samples at N = 10⁴ with margin).
  @Test func referenceMatrixAgreesWithTheNumpyRun() throws {
    let result = try SMAA(matrix: Self.referenceMatrix(), method: .weightedSum).run(.init(scenarios: 20_000, seed: 11))
    let expected: [[Double]] = [
      [0.5843, 0.2002, 0.1653, 0.0502, 0.0000], [0.3024, 0.2481, 0.1248, 0.3247, 0.0000],
      [0.0631, 0.2408, 0.0892, 0.1116, 0.4953], [0.0502, 0.1653, 0.1351, 0.1477, 0.5017],
      [0.0000, 0.1456, 0.4856, 0.3658, 0.0030],
    ]
    for i in 0..<5 {
      for r in 0..<5 { #expect(abs(result.rankAcceptability[i][r] - expected[i][r]) < 0.02, "\(i) \(r)") }
    }
    #expect(result.centralWeights[4] == nil)
    #expect(result.confidenceFactors[0] == 1)
  }

  @Test func ordinalWeightsRespectTheOrder() throws {
    let matrix = try Self.referenceMatrix()
    let smaa = try SMAA(matrix: matrix)
    let result = try smaa.run(.init(scenarios: 5_000, seed: 4, weights: .ordinal(order: [2, 0, 3, 1])))
    for case let w? in result.centralWeights {
      #expect(w[2] >= w[0] && w[0] >= w[3] && w[3] >= w[1])
    }
    #expect(throws: SMAAError.self) { try smaa.run(.init(weights: .ordinal(order: [0, 1, 1, 2]))) }
  }

  @Test func weightsAroundTheGivenOnesStayWithinTheSpread() throws {
    var random = Xoshiro256StarStar(seed: 3)
    var weights = [Double](repeating: 0, count: 4)
    let model = WeightModel.around([0.4, 0.25, 0.2, 0.15], spread: 0.25)
    for _ in 0..<1_000 {
      weights.withUnsafeMutableBufferPointer { model.sample(into: $0, &random) }
      #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
      // w_j(1 ± 0.25) renormalised: each ratio to the given weight is within [0.75/1.25, 1.25/0.75].
      for (w, given) in zip(weights, [0.4, 0.25, 0.2, 0.15]) {
        #expect(w / given >= 0.6 - 1e-12 && w / given <= 1.0 / 0.6 + 1e-12)
      }
    }
  }

  /// Unknown facts: an alternative with k unknown facts is present with probability p^k.
  @Test func unknownFactsDecidePresence() throws {
    let matrix = try Self.referenceMatrix()
    let result = try SMAA(matrix: matrix).run(
      .init(scenarios: 40_000, seed: 8, unknownFacts: [0, 1, 2, 0, 1], favourableProbability: 0.5))
    let expected = [1, 0.5, 0.25, 1, 0.5]
    for i in 0..<5 {
      #expect(abs(result.eligibility[i] - expected[i]) < 0.01)
      #expect(abs(result.rankAcceptability[i].reduce(0, +) - result.eligibility[i]) < 1e-12)
    }
    #expect(result.eligibility[0] == 1 && result.favourableProbability == 0.5)
    // p = 1: every unknown resolves favourably; p = 0: never (the set, hence min-max, changes).
    let always = try SMAA(matrix: matrix).run(.init(scenarios: 1_000, seed: 8, unknownFacts: [0, 1, 2, 0, 1], favourableProbability: 1))
    #expect(always.eligibility == [1, 1, 1, 1, 1])
    let never = try SMAA(matrix: matrix).run(.init(scenarios: 1_000, seed: 8, unknownFacts: [0, 1, 2, 0, 1], favourableProbability: 0))
    #expect(never.eligibility == [1, 0, 0, 1, 0])
    #expect(abs(never.firstRankAcceptability(0) + never.firstRankAcceptability(3) - 1) < 1e-12)
    for factor in result.confidenceFactors.compactMap({ $0 }) { #expect(factor >= 0 && factor <= 1) }
    #expect(throws: SMAAError.self) { try SMAA(matrix: matrix).run(.init(unknownFacts: [1, 2])) }
    #expect(throws: SMAAError.self) {
      try SMAA(matrix: matrix).run(.init(unknownFacts: [1, 0, 0, 0, 0], favourableProbability: 1.5))
    }
  }

  /// Confidence factors are computed on the main pass's scenarios: an alternative that dominates
  /// every other one is first in exactly the scenarios where its unknown fact holds, so its
  /// confidence factor equals its eligibility to the last digit (the main pass's count), whether
  /// the resolved scenarios are kept (the store) or resolved again (budget 0).
  @Test(arguments: [MCDAMethod.topsis, .weightedSum])
  func confidenceFactorsReadTheMainPassScenarios(method: MCDAMethod) throws {
    let matrix = try DecisionMatrix(
      alternatives: ["best", "b", "c", "d"],
      criteria: [DecisionCriterion("x", weight: 1), DecisionCriterion("y", weight: 1), DecisionCriterion("z", weight: 1)],
      values: [[9, 9, 9], [5, 1, 3], [2, 6, 4], [1, 2, 8]])
    var options = SMAA.Options(scenarios: 5_000, seed: 11, unknownFacts: [1, 1, 2, 0], favourableProbability: 0.5, threads: 2)
    let kept = try SMAA(matrix: matrix, method: method).run(options)
    options.scenarioStoreBudget = 0
    let replayed = try SMAA(matrix: matrix, method: method).run(options)
    #expect(kept.confidenceFactors == replayed.confidenceFactors)
    #expect(kept.rankAcceptability == replayed.rankAcceptability)
    #expect(kept.eligibility[0] > 0.45 && kept.eligibility[0] < 0.55)
    #expect(kept.confidenceFactors[0] == kept.eligibility[0])
    #expect(kept.firstRankAcceptability(0) == kept.eligibility[0])
    for i in 1..<4 { if let factor = kept.confidenceFactors[i] { #expect(factor <= kept.eligibility[i]) } }
  }

  @Test func rejectsImpossibleRuns() throws {
    let matrix = try Self.referenceMatrix()
    #expect(throws: SMAAError.self) { try SMAA(matrix: matrix, method: .weightedSum, normalization: .vector) }
    #expect(throws: SMAAError.self) { try SMAA(matrix: matrix).run(.init(scenarios: 0)) }
    #expect(throws: SMAAError.self) { try SMAA(matrix: matrix).run(.init(weights: .fixed([1, 2]))) }
    #expect(throws: SMAAError.self) { try SMAA(matrix: matrix).run(.init(weights: .around([1, 1, 1, 1], spread: 2))) }
  }

  @Test func scenarioRankingIsCompetitionRankingWithStrictGreater() {
    var scores: [Double] = [0.5, 0.9, 0.5, 0.1, 0.9, 0.3]
    var order = [Int32](repeating: 0, count: 6)
    var ranks = [Int32](repeating: 0, count: 6)
    scores.withUnsafeMutableBufferPointer { s in
      order.withUnsafeMutableBufferPointer { o in
        ranks.withUnsafeMutableBufferPointer { r in _ = ScenarioRanking.rank(scores: s, present: nil, order: o, ranks: r) }
      }
    }
    #expect(ranks == [3, 1, 3, 6, 1, 5])
    // A larger random case against the definition 1 + #{a : s_a > s_i}.
    var random = Xoshiro256StarStar(seed: 1)
    var big = (0..<500).map { _ in Double(random.next() % 40) }
    var bigOrder = [Int32](repeating: 0, count: 500)
    var bigRanks = [Int32](repeating: 0, count: 500)
    big.withUnsafeMutableBufferPointer { s in
      bigOrder.withUnsafeMutableBufferPointer { o in
        bigRanks.withUnsafeMutableBufferPointer { r in _ = ScenarioRanking.rank(scores: s, present: nil, order: o, ranks: r) }
      }
    }
    for i in 0..<500 { #expect(Int(bigRanks[i]) == 1 + big.filter { $0 > big[i] }.count) }
    // Near-ties (a few ulps apart, the integer sort keys differing only in the bits that hold the
    // index) and signs: the exact finishing pass must order them.
    var near = (0..<700).map { k -> Double in
      let base = [0.3, -0.3, 0, 1e-300][k % 4]
      return base + Double(random.next() % 9) * max(base.ulp, Double.leastNonzeroMagnitude)
    }
    var nearOrder = [Int32](repeating: 0, count: 700)
    var nearRanks = [Int32](repeating: 0, count: 700)
    near.withUnsafeMutableBufferPointer { s in
      nearOrder.withUnsafeMutableBufferPointer { o in
        nearRanks.withUnsafeMutableBufferPointer { r in _ = ScenarioRanking.rank(scores: s, present: nil, order: o, ranks: r) }
      }
    }
    for i in 0..<700 { #expect(Int(nearRanks[i]) == 1 + near.filter { $0 > near[i] }.count) }
    for k in 1..<700 {
      let (a, b) = (Int(nearOrder[k - 1]), Int(nearOrder[k]))
      #expect(near[a] > near[b] || (near[a] == near[b] && a < b))
    }
  }
}
