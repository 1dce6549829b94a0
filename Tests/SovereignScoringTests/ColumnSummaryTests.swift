import Testing

@testable import SovereignScoring

/// ``ColumnSummary`` (eight partial sums) against one running sum, and ``DecisionMatrix``'s
/// lane-wise finite check, on every remainder length and on large columns.
@Suite struct ColumnSummaryTests {
  static func column(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return -50 + 100 * Double(state >> 11) / Double(1 << 53)
    }
  }

  @Test(arguments: [1, 2, 7, 8, 9, 15, 16, 17, 63, 1000, 100_003])
  func agreesWithOneRunningSum(count: Int) {
    let values = Self.column(count, seed: UInt64(count))
    let summary = values.withUnsafeBufferPointer { ColumnSummary.of($0.baseAddress!, count: count) }
    let running = values.reduce(0.0) { $0 + $1 * $1 }
    #expect(abs(summary.sumOfSquares - running) <= 1e-12 * running)
    #expect(summary.min == values.min()!)
    #expect(summary.max == values.max()!)
  }

  @Test func extremesInAnyLaneAndInTheTailAreFound() {
    for position in 0..<19 {
      var values = [Double](repeating: 1, count: 19)
      values[position] = -3
      var summary = values.withUnsafeBufferPointer { ColumnSummary.of($0.baseAddress!, count: 19) }
      #expect(summary.min == -3 && summary.max == 1, "minimum at \(position)")
      values[position] = 5
      summary = values.withUnsafeBufferPointer { ColumnSummary.of($0.baseAddress!, count: 19) }
      #expect(summary.min == 1 && summary.max == 5, "maximum at \(position)")
    }
  }

  @Test func vectorNormalisationUsesTheSameSum() {
    let values = Self.column(1001, seed: 3)
    let norm = values.withUnsafeBufferPointer { ColumnSummary.of($0.baseAddress!, count: 1001).sumOfSquares }.squareRoot()
    #expect(Normalization.vector(values) == values.map { $0 / norm })
    #expect(Normalization.vector([]) == [])
    #expect(Normalization.vector([0, 0]) == [0, 0])
  }

  /// A NaN or infinity anywhere (any lane, any block of the parallel check, the tail) is found.
  @Test func finiteCheckFindsEveryNonFiniteValue() {
    var values = [Double](repeating: 2.5, count: 300_007)
    #expect(values.withUnsafeBufferPointer { DecisionMatrix.allFinite($0) })
    for position in [0, 5, 7, 65_535, 65_536, 131_077, 300_000, 300_006] {
      for bad in [Double.nan, .infinity, -.infinity] {
        values[position] = bad
        #expect(!values.withUnsafeBufferPointer { DecisionMatrix.allFinite($0) }, "\(bad) at \(position)")
      }
      values[position] = 2.5
    }
  }
}
