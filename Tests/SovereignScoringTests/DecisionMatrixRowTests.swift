import Testing

@testable import SovereignScoring

/// `DecisionMatrix.replacingRow`: the matrix built with that row changed, without checking the
/// names again; a bad row is refused as the initialiser refuses it.
@Suite struct DecisionMatrixRowTests {
  static let criteria = [DecisionCriterion("a", weight: 2), DecisionCriterion("b", weight: 1, direction: .cost)]
  static let rows: [[Double]] = [[1, 2], [3, 4], [5, 6]]

  @Test(arguments: 0..<3)
  func equalsTheMatrixBuiltWithTheRowChanged(row: Int) throws {
    let matrix = try DecisionMatrix(alternatives: ["x", "y", "z"], criteria: Self.criteria, values: Self.rows)
    var changed = Self.rows
    changed[row] = [-7.5, 0.25]
    let expected = try DecisionMatrix(alternatives: ["x", "y", "z"], criteria: Self.criteria, values: changed)
    let replaced = try matrix.replacingRow(row, with: [-7.5, 0.25])
    #expect(replaced == expected)
    #expect(try TOPSIS.scores(replaced) == TOPSIS.scores(expected))
    #expect(matrix.values == Self.rows, "the original is unchanged")
  }

  @Test func aBadRowIsRefused() throws {
    let matrix = try DecisionMatrix(alternatives: ["x", "y", "z"], criteria: Self.criteria, values: Self.rows)
    #expect(throws: MCDAError.nonFiniteValue(alternative: "y", criterion: "b")) { try matrix.replacingRow(1, with: [1, .nan]) }
    #expect(throws: MCDAError.rowLength(alternative: "z", expected: 2, actual: 1)) { try matrix.replacingRow(2, with: [1]) }
    #expect(throws: MCDAError.self) { try matrix.replacingRow(3, with: [1, 2]) }
  }
}
