import Testing

@testable import SovereignScoring

/// The fused, blocked, multi-core TOPSIS and weighted sum give, bit for bit, the scores and order
/// of the textbook formulas computed one step at a time (the implementation before issue 17;
/// both take a column's sum of squares from ``ColumnSummary``), on a matrix large enough to use
/// every core and the bucket-sorted rank order.
@Suite struct LargeMatrixScoringTests {
  /// 12,000 × 24 values from a fixed linear congruential generator, with the awkward columns:
  /// all zero, constant, negative values, duplicated rows (exact ties), a zero weight.
  static func matrix() throws -> DecisionMatrix {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    let n = 12_000
    let m = 24
    let criteria = (0..<m).map { (j: Int) -> DecisionCriterion in
      let weight: Double = j == 5 ? 0 : Double(1 + j % 7)
      let direction: CriterionDirection = j % 3 == 2 ? .cost : .benefit
      return DecisionCriterion("c\(j)", weight: weight, direction: direction)
    }
    var rows: [[Double]] = []
    for i in 0..<n {
      if i % 997 == 1 {
        rows.append(rows[i - 1])
        continue
      }
      var row: [Double] = [0, 7.5, -50 + 100 * next()]
      for _ in 3..<m { row.append(1 + 99 * next()) }
      rows.append(row)
    }
    return try DecisionMatrix(alternatives: (0..<n).map { "a\(($0 * 7919) % n)" }, criteria: criteria, values: rows)
  }

  /// TOPSIS as the textbook steps, row-major, one array per step.
  static func referenceTOPSIS(_ matrix: DecisionMatrix) throws -> [Double] {
    let weights = try WeightNormalization.normalize(matrix.criteria)
    let values = matrix.values
    let columns = matrix.criteria.indices.map { j in Normalization.vector(values.map { $0[j] }) }
    let weighted = matrix.criteria.indices.map { j in columns[j].map { weights[j] * $0 } }
    let ideal = matrix.criteria.indices.map { j in
      matrix.criteria[j].direction == .benefit ? weighted[j].max()! : weighted[j].min()!
    }
    let antiIdeal = matrix.criteria.indices.map { j in
      matrix.criteria[j].direction == .benefit ? weighted[j].min()! : weighted[j].max()!
    }
    return values.indices.map { i in
      var plus = 0.0
      var minus = 0.0
      for j in matrix.criteria.indices {
        let v = weighted[j][i]
        plus += (v - ideal[j]) * (v - ideal[j])
        minus += (v - antiIdeal[j]) * (v - antiIdeal[j])
      }
      let total = plus.squareRoot() + minus.squareRoot()
      return total > 0 ? minus.squareRoot() / total : 1
    }
  }

  static func referenceWeightedSum(_ matrix: DecisionMatrix) throws -> [Double] {
    let weights = try WeightNormalization.normalize(matrix.criteria)
    let values = matrix.values
    let columns = matrix.criteria.indices.map { j in
      Normalization.minMax(values.map { $0[j] }, direction: matrix.criteria[j].direction)
    }
    return values.indices.map { i in WeightedSum.sum(matrix.criteria.indices.map { weights[$0] * columns[$0][i] }) }
  }

  /// The order of the comparison sort: score descending, then tie groups by id.
  static func referenceOrder(_ matrix: DecisionMatrix, _ scores: [Double]) -> [String] {
    let byScore = scores.indices.sorted { a, b in
      if scores[a] != scores[b] { return scores[a] > scores[b] }
      return matrix.alternatives[a].unicodeScalars.lexicographicallyPrecedes(matrix.alternatives[b].unicodeScalars)
    }
    var result: [String] = []
    var position = 0
    while position < byScore.count {
      var end = position + 1
      while end < byScore.count, CompetitionRanking.tied(scores[byScore[position]], scores[byScore[end]]) { end += 1 }
      result += byScore[position..<end].map { matrix.alternatives[$0] }.sorted {
        $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
      }
      position = end
    }
    return result
  }

  @Test func topsisIsBitIdenticalToTheTextbookSteps() throws {
    let matrix = try Self.matrix()
    #expect(matrix.alternatives.count * matrix.criteria.count >= ParallelBlocks.threshold)
    let expected = try Self.referenceTOPSIS(matrix)
    let result = try TOPSIS.score(matrix, explain: false)
    let byID = Dictionary(uniqueKeysWithValues: zip(matrix.alternatives, expected))
    for alternative in result.alternatives {
      #expect(alternative.score.bitPattern == byID[alternative.id]!.bitPattern, "\(alternative.id)")
    }
    #expect(result.alternatives.map(\.id) == Self.referenceOrder(matrix, expected))
    // The explained run gives the same scores and terms whose distances match.
    let explained = try TOPSIS.score(matrix)
    #expect(explained.alternatives.map(\.score) == result.alternatives.map(\.score))
    let first = try #require(explained.alternatives.first)
    let plus = first.terms.reduce(0.0) { $0 + $1.idealTerm! }
    #expect(plus.squareRoot() == first.distances?.toIdeal)
  }

  @Test func weightedSumIsBitIdenticalToTheTextbookSteps() throws {
    let matrix = try Self.matrix()
    let expected = try Self.referenceWeightedSum(matrix)
    let result = try WeightedSum.score(matrix)
    let byID = Dictionary(uniqueKeysWithValues: zip(matrix.alternatives, expected))
    for alternative in result.alternatives {
      #expect(alternative.score.bitPattern == byID[alternative.id]!.bitPattern, "\(alternative.id)")
      #expect(WeightedSum.sum(alternative.terms.map { $0.contribution! }).bitPattern == alternative.score.bitPattern)
    }
    #expect(result.alternatives.map(\.id) == Self.referenceOrder(matrix, expected))
  }

  @Test func duplicatedRowsShareARank() throws {
    let matrix = try Self.matrix()
    let result = try TOPSIS.score(matrix, explain: false)
    var rankOf: [String: Int] = [:]
    for alternative in result.alternatives { rankOf[alternative.id] = alternative.rank }
    for i in stride(from: 1, to: matrix.alternatives.count, by: 997) {
      #expect(rankOf[matrix.alternatives[i]] == rankOf[matrix.alternatives[i - 1]])
    }
  }

  @Test func columnMajorInitializerMatchesRows() throws {
    let matrix = try Self.matrix()
    let again = try DecisionMatrix(
      alternatives: matrix.alternatives, criteria: matrix.criteria, columnMajor: matrix.columnMajorValues)
    #expect(again == matrix)
    var broken = matrix.columnMajorValues
    broken[3 * matrix.alternatives.count + 17] = .nan
    #expect(throws: MCDAError.nonFiniteValue(alternative: matrix.alternatives[17], criterion: "c3")) {
      try DecisionMatrix(alternatives: matrix.alternatives, criteria: matrix.criteria, columnMajor: broken)
    }
  }

  @Test func repeatedIdsAreFoundInLargeMatricesASCIIOrNot() throws {
    let criteria = [DecisionCriterion("c", weight: 1)]
    var ids = (0..<5000).map { "alt-\($0)" }
    ids[4321] = "alt-17"
    #expect(throws: MCDAError.duplicateAlternative("alt-17")) {
      try DecisionMatrix(alternatives: ids, criteria: criteria, columnMajor: [Double](repeating: 1, count: 5000))
    }
    // Canonically equal ids (precomposed and decomposed é) are the same id, as for a Set.
    ids[4321] = "caf\u{E9}"
    ids[12] = "cafe\u{301}"
    #expect(throws: MCDAError.duplicateAlternative("caf\u{E9}")) {
      try DecisionMatrix(alternatives: ids, criteria: criteria, columnMajor: [Double](repeating: 1, count: 5000))
    }
    ids[12] = "alt-12"
    ids[4321] = "alt-4321"
    #expect(throws: Never.self) {
      try DecisionMatrix(alternatives: ids, criteria: criteria, columnMajor: [Double](repeating: 1, count: 5000))
    }
  }
}
