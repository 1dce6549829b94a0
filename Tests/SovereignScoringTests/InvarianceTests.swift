import Testing

@testable import SovereignScoring

/// Scaling all weights, adding a zero-weight criterion and permuting the input order leave the
/// ranking unchanged, for both methods.
@Suite struct InvarianceTests {
  static let cases: [(String, DecisionMatrix, MCDAMethod)] = Fixtures.all.flatMap { name, matrix in
    MCDAMethod.allCases.map { (name, matrix, $0) }
  }

  static func ranking(_ result: MCDAResult) -> [String] {
    result.alternatives.map { "\($0.rank):\($0.id)" }
  }

  @Test(arguments: [0.001, 3.0, 1000.0])
  func scalingAllWeights(_ factor: Double) throws {
    for (name, matrix, method) in Self.cases {
      let scaled = try DecisionMatrix(
        alternatives: matrix.alternatives,
        criteria: matrix.criteria.map { DecisionCriterion($0.name, weight: $0.weight * factor, direction: $0.direction) },
        values: matrix.values)
      let before = try method.score(matrix)
      let after = try method.score(scaled)
      #expect(Self.ranking(before) == Self.ranking(after), "\(name) \(method) ×\(factor)")
      for (x, y) in zip(before.alternatives, after.alternatives) {
        #expect(abs(x.score - y.score) < 1e-12)
      }
    }
  }

  @Test func addingAZeroWeightCriterion() throws {
    for (name, matrix, method) in Self.cases {
      let extra: [Double] = matrix.alternatives.indices.map { Double(($0 * 7919) % 13) }
      let widened = try DecisionMatrix(
        alternatives: matrix.alternatives,
        criteria: matrix.criteria + [DecisionCriterion("ignored", weight: 0, direction: .benefit)],
        values: zip(matrix.values, extra).map { $0 + [$1] })
      let before = try method.score(matrix)
      let after = try method.score(widened)
      #expect(Self.ranking(before) == Self.ranking(after), "\(name) \(method)")
      for (x, y) in zip(before.alternatives, after.alternatives) {
        #expect(x.score == y.score, "\(name) \(method) \(x.id): a zero weight must not move the score")
      }
    }
  }

  @Test func permutingTheInputOrder() throws {
    for (name, matrix, method) in Self.cases {
      let order = Array(matrix.alternatives.indices.reversed())
      let rotated = order.count > 2 ? Array(order.dropFirst() + [order[0]]) : order
      let permuted = try DecisionMatrix(
        alternatives: rotated.map { matrix.alternatives[$0] }, criteria: matrix.criteria,
        values: rotated.map { matrix.values[$0] })
      let before = try method.score(matrix)
      let after = try method.score(permuted)
      #expect(Self.ranking(before) == Self.ranking(after), "\(name) \(method)")
      for (x, y) in zip(before.alternatives, after.alternatives) {
        #expect(abs(x.score - y.score) < 1e-15)
      }
    }
  }

  @Test func weightedSumContributionsAddUpExactly() throws {
    for (_, matrix) in Fixtures.all {
      for alternative in try MCDAMethod.weightedSum.score(matrix).alternatives {
        let contributions = alternative.terms.compactMap(\.contribution)
        #expect(contributions.count == matrix.criteria.count)
        #expect(WeightedSum.sum(contributions) == alternative.score)
      }
    }
  }

  @Test func topsisTermsRebuildTheDistances() throws {
    for (_, matrix) in Fixtures.all {
      for alternative in try MCDAMethod.topsis.score(matrix).alternatives {
        let distances = try #require(alternative.distances)
        let plus = alternative.terms.compactMap(\.idealTerm).reduce(0, +).squareRoot()
        let minus = alternative.terms.compactMap(\.antiIdealTerm).reduce(0, +).squareRoot()
        #expect(plus == distances.toIdeal)
        #expect(minus == distances.toAntiIdeal)
        #expect(alternative.score == minus / (plus + minus))
        #expect(alternative.terms.allSatisfy { $0.contribution == nil && $0.weighted == $0.weight * $0.normalized })
      }
    }
  }
}
