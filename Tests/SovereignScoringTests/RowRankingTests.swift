import Testing

@testable import SovereignScoring

/// The column-store path (`RowSelection`, `TOPSIS.rank`, `WeightedSum.rank`) gives, bit for bit,
/// the scores, order and ranks of the named path (`DecisionMatrix` of the selected rows,
/// `TOPSIS.score`, `WeightedSum.score`), whether the selected rows are read straight from the
/// columns (dense selections) or gathered (sparse ones); its bucket-sorted rank order is the
/// one a stable comparison sort gives; bad input is refused as `DecisionMatrix` refuses it.
@Suite struct RowRankingTests {
  /// A store of `n` rows × 24 criteria from ``LargeMatrixScoringTests/matrix()``'s generator
  /// (all-zero, constant and negative columns, duplicated rows, a zero weight), column-major.
  static func store(rows n: Int = 12_000) throws -> (values: [Double], criteria: [DecisionCriterion]) {
    let matrix = try LargeMatrixScoringTests.matrix()
    precondition(n <= matrix.alternatives.count)
    let m = matrix.criteria.count
    var values: [Double] = []
    values.reserveCapacity(n * m)
    for j in 0..<m { values += matrix.column(j).prefix(n) }
    return (values, matrix.criteria)
  }

  /// The `DecisionMatrix` of the selected rows, with ids that sort like the rows ("r00042"), so
  /// that ties are ordered alike on both paths.
  static func named(_ values: [Double], _ criteria: [DecisionCriterion], _ selection: RowSelection) throws -> DecisionMatrix {
    let n = selection.rowCount
    let ids = selection.rows.map { "r" + String(repeating: "0", count: 5 - String($0).count) + String($0) }
    let columns = criteria.indices.flatMap { j in selection.rows.map { values[j * n + Int($0)] } }
    return try DecisionMatrix(alternatives: ids, criteria: criteria, columnMajor: columns)
  }

  /// Selections that take the direct path (every row; two rows in three), the gathered one (one
  /// row in five: a block's rows span more than twice the block), and a mix of both.
  static func selections(_ n: Int) -> [(String, RowSelection)] {
    let every = RowSelection.all(n)
    let dense = RowSelection(rows: (0..<Int32(n)).filter { $0 % 3 != 1 }, of: n)!
    let sparse = RowSelection(rows: (0..<Int32(n)).filter { $0 % 5 == 2 }, of: n)!
    let mixed = RowSelection(rows: (0..<Int32(n)).filter { $0 < 4000 || $0 % 9 == 0 }, of: n)!
    return [("every row", every), ("dense", dense), ("sparse", sparse), ("mixed", mixed)]
  }

  static func expectSame(_ ranking: RowRanking, _ result: MCDAResult, _ label: String) {
    #expect(ranking.scores.count == result.alternatives.count, "\(label)")
    let position = Dictionary(uniqueKeysWithValues: ranking.rows.enumerated().map { ($1, $0) })
    var sameScores = true
    var sameOrder = true
    for (p, alternative) in result.alternatives.enumerated() {
      let row = Int32(alternative.id.dropFirst())!
      let k = position[row]!
      if ranking.scores[k].bitPattern != alternative.score.bitPattern { sameScores = false }
      if Int(ranking.order[p]) != k || Int(ranking.ranks[p]) != alternative.rank { sameOrder = false }
    }
    #expect(sameScores, "\(label): scores differ from the named path")
    #expect(sameOrder, "\(label): order or ranks differ from the named path")
  }

  @Test func topsisOnASelectionIsTheNamedPathBitForBit() throws {
    let (values, criteria) = try Self.store()
    for (label, selection) in Self.selections(12_000) {
      let ranking = try TOPSIS.rank(columnMajor: values, criteria: criteria, selection: selection)
      let result = try TOPSIS.score(Self.named(values, criteria, selection), explain: false)
      #expect(ranking.method == .topsis)
      #expect(ranking.weights == result.weights)
      #expect(ranking.rows == selection.rows)
      Self.expectSame(ranking, result, "TOPSIS, \(label)")
    }
  }

  @Test func weightedSumOnASelectionIsTheNamedPathBitForBit() throws {
    let (values, criteria) = try Self.store()
    for (label, selection) in Self.selections(12_000) {
      let ranking = try MCDAMethod.weightedSum.rank(columnMajor: values, criteria: criteria, selection: selection)
      let result = try WeightedSum.score(Self.named(values, criteria, selection), explain: false)
      #expect(ranking.method == .weightedSum)
      Self.expectSame(ranking, result, "weighted sum, \(label)")
    }
  }

  @Test func duplicatedRowsAreTiedAndOrderedByRow() throws {
    let (values, criteria) = try Self.store()
    let ranking = try TOPSIS.rank(columnMajor: values, criteria: criteria, selection: .all(12_000))
    // Row i is a copy of row i − 1 wherever i % 997 == 1: same rank, the earlier row first.
    let place = Dictionary(uniqueKeysWithValues: ranking.order.enumerated().map { ($1, $0) })
    for i in stride(from: 1, to: 12_000, by: 997) {
      let (earlier, later) = (place[Int32(i - 1)]!, place[Int32(i)]!)
      #expect(ranking.ranks[earlier] == ranking.ranks[later])
      #expect(earlier < later)
    }
  }

  /// Index order by descending score, equal scores by index: what a stable sort gives.
  static func referenceOrder(_ scores: [Double]) -> [Int32] {
    (0..<Int32(scores.count)).sorted { a, b in
      scores[Int(a)] != scores[Int(b)] ? scores[Int(a)] > scores[Int(b)] : a < b
    }
  }

  @Test func bucketOrderIsTheStableSortOrder() throws {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    let n = 50_000
    let cases: [(String, [Double])] = [
      ("uniform", (0..<n).map { _ in next() }),
      // Closeness scores gather around their mean: sums of many draws.
      ("clustered", (0..<n).map { _ in (0..<12).reduce(0.0) { acc, _ in acc + next() } / 12 }),
      ("many exact ties", (0..<n).map { _ in Double(Int(next() * 40)) / 40 }),
      ("signs and zeros", (0..<n).map { i in i % 11 == 0 ? (i % 2 == 0 ? 0.0 : -0.0) : next() * 2 - 1 }),
      // Most keys in a range far narrower than the rest: large buckets, then large sub-buckets.
      ("packed", (0..<n).map { i in i % 100 == 0 ? next() : 0.5 + next() * 1e-12 }),
      ("one value", [Double](repeating: 0.25, count: n)),
    ]
    for (label, scores) in cases {
      let (indices, ordered) = try #require(CompetitionRanking.descendingByBuckets(scores))
      let expected = Self.referenceOrder(scores)
      let wrong = indices.indices.first { indices[$0] != expected[$0] }
      #expect(indices.count == n && wrong == nil, "\(label): first wrong position \(wrong ?? -1)")
      let orderedWrong = ordered.indices.first { ordered[$0] != scores[Int(expected[$0])] }
      #expect(ordered.count == n && orderedWrong == nil, "\(label): first wrong score at \(orderedWrong ?? -1)")
    }
    // A NaN anywhere: no bucket order (the comparison sort takes over).
    var withNaN = cases[0].1
    withNaN[n - 1] = .nan
    #expect(CompetitionRanking.descendingByBuckets(withNaN) == nil)
  }

  @Test func nonFiniteValuesAreRefusedOnlyInSelectedRows() throws {
    var (values, criteria) = try Self.store(rows: 3000)
    let selection = RowSelection(rows: (0..<3000).filter { $0 != 17 }, of: 3000)!
    let clean = try TOPSIS.rank(columnMajor: values, criteria: criteria, selection: selection)
    values[3 * 3000 + 17] = .nan
    // Row 17 is not selected: its NaN changes nothing (its neighbours' block is computed straight
    // from the columns, row 17 included, and row 17's sums are dropped).
    let ranking = try TOPSIS.rank(columnMajor: values, criteria: criteria, selection: selection)
    #expect(ranking == clean)
    values[5 * 3000 + 2021] = .infinity
    #expect(throws: MCDAError.nonFiniteValue(alternative: "row 2021", criterion: "c5")) {
      try TOPSIS.rank(columnMajor: values, criteria: criteria, selection: selection)
    }
    #expect(throws: MCDAError.nonFiniteValue(alternative: "row 2021", criterion: "c5")) {
      try WeightedSum.rank(columnMajor: values, criteria: criteria, selection: selection)
    }
  }

  @Test func finiteValuesWhoseSquaresOverflowAreScoredAsTheNamedPathScoresThem() throws {
    let criteria = [DecisionCriterion("huge", weight: 1), DecisionCriterion("small", weight: 1, direction: .cost)]
    let n = 40
    let huge: [Double] = (0..<n).map { 1e200 * Double($0 + 1) }
    let small: [Double] = (0..<n).map { Double($0 % 7) }
    let values = huge + small
    let selection = RowSelection.all(n)
    let ranking = try TOPSIS.rank(columnMajor: values, criteria: criteria, selection: selection)
    let result = try TOPSIS.score(Self.named(values, criteria, selection))
    Self.expectSame(ranking, result, "overflowing squares")
  }

  @Test func badInputIsRefusedAsDecisionMatrixRefusesIt() throws {
    let criteria = [DecisionCriterion("a", weight: 1), DecisionCriterion("b", weight: 2)]
    let values = [1.0, 2, 3, 4, 5, 6]
    let three = RowSelection.all(3)
    #expect(throws: MCDAError.rowLength(alternative: "(values)", expected: 6, actual: 5)) {
      try TOPSIS.rank(columnMajor: Array(values.dropLast()), criteria: criteria, selection: three)
    }
    #expect(throws: MCDAError.noAlternatives) {
      try TOPSIS.rank(columnMajor: values, criteria: criteria, selection: RowSelection(rows: [], of: 3)!)
    }
    #expect(throws: MCDAError.noCriteria) {
      try WeightedSum.rank(columnMajor: [], criteria: [], selection: three)
    }
    #expect(throws: MCDAError.duplicateCriterion("a")) {
      try TOPSIS.rank(columnMajor: values, criteria: [criteria[0], criteria[0]], selection: three)
    }
    #expect(throws: MCDAError.allWeightsZero) {
      try TOPSIS.rank(columnMajor: values, criteria: criteria.map { DecisionCriterion($0.name, weight: 0) }, selection: three)
    }
  }

  @Test func selectionsMustBeAscendingRowsOfTheStore() {
    #expect(RowSelection(rows: [0, 2, 5], of: 6) != nil)
    #expect(RowSelection(rows: [0, 2, 2], of: 6) == nil, "a repeated row")
    #expect(RowSelection(rows: [2, 0], of: 6) == nil, "not ascending")
    #expect(RowSelection(rows: [0, 6], of: 6) == nil, "past the last row")
    #expect(RowSelection(rows: [-1, 3], of: 6) == nil, "a negative row")
    #expect(RowSelection(rows: [], of: -1) == nil, "a negative row count")
    #expect(RowSelection.all(4).rows == [0, 1, 2, 3])
  }
}
