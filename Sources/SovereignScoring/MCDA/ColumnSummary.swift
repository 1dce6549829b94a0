/// The sum of squares, minimum and maximum of one column, in one pass: what vector normalisation
/// and the ideal points need.
///
/// The squares go into eight partial sums (value `k` into sum `k mod 8`), combined pairwise at
/// the end, then the values past the last multiple of eight in row order. One running sum would
/// make each addition wait for the previous one (four cycles each); eight independent sums let the
/// pass run at memory speed. The order is fixed by the count alone, so a column gives the same bits
/// on every run and thread; it differs from one running sum by rounding only (relative 1e-16).
enum ColumnSummary {
  /// `(sum of squares, min, max)` of `count ≥ 1` values at `values`.
  static func of(_ values: UnsafePointer<Double>, count: Int) -> (sumOfSquares: Double, min: Double, max: Double) {
    let raw = UnsafeRawPointer(values)
    return summary(
      count: count, eight: { raw.loadUnaligned(fromByteOffset: $0 * MemoryLayout<Double>.stride, as: SIMD8<Double>.self) },
      one: { values[$0] })
  }

  /// The same summary of the values at `rows` (the `k`-th chosen value goes into sum `k mod 8`):
  /// bit for bit ``of(_:count:)`` of those values copied into a column of their own.
  static func of(_ values: UnsafePointer<Double>, rows: UnsafeBufferPointer<Int32>) -> (sumOfSquares: Double, min: Double, max: Double) {
    summary(
      count: rows.count,
      eight: { k in
        SIMD8<Double>(
          values[Int(rows[k])], values[Int(rows[k + 1])], values[Int(rows[k + 2])], values[Int(rows[k + 3])],
          values[Int(rows[k + 4])], values[Int(rows[k + 5])], values[Int(rows[k + 6])], values[Int(rows[k + 7])])
      },
      one: { values[Int(rows[$0])] })
  }

  /// A number that is finite exactly when the summary's sum, min and max all are: a NaN or an
  /// infinity read makes one of them non-finite.
  static func probe(_ summary: (sumOfSquares: Double, min: Double, max: Double)) -> Double {
    summary.sumOfSquares + (summary.min - summary.min) + (summary.max - summary.max)
  }

  /// The pass itself, over `count ≥ 1` values: `eight(k)` gives values `k..<k + 8`, `one(k)`
  /// value `k`. Inlined into each caller, so both read their values directly.
  @inline(__always)
  private static func summary(
    count: Int, eight: (Int) -> SIMD8<Double>, one: (Int) -> Double
  ) -> (sumOfSquares: Double, min: Double, max: Double) {
    var sums = SIMD8<Double>(repeating: 0)
    var low = SIMD8<Double>(repeating: one(0))
    var high = low
    var k = 0
    while k + 8 <= count {
      let v = eight(k)
      sums += v * v
      // Compare-and-blend (the values are finite): `pointwiseMin` also orders NaNs, lane by lane.
      low.replace(with: v, where: v .< low)
      high.replace(with: v, where: v .> high)
      k += 8
    }
    var sum = ((sums[0] + sums[1]) + (sums[2] + sums[3])) + ((sums[4] + sums[5]) + (sums[6] + sums[7]))
    var lowest = low.min()
    var highest = high.max()
    while k < count {
      let value = one(k)
      sum += value * value
      lowest = Swift.min(lowest, value)
      highest = Swift.max(highest, value)
      k += 1
    }
    return (sum, lowest, highest)
  }
}
