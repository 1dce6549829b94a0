/// The rows of a column store chosen for scoring (typically those that passed the gates):
/// strictly ascending row numbers below ``rowCount``.
///
/// With ``TOPSIS/rank(columnMajor:criteria:selection:)`` and
/// ``WeightedSum/rank(columnMajor:criteria:selection:)`` a store scores its eligible rows in
/// place: the values are read through the selection, never copied into a smaller matrix.
public struct RowSelection: Sendable, Hashable {
  /// Rows in the store (the length of each column).
  public let rowCount: Int
  /// The chosen rows, ascending, each below ``rowCount``.
  public let rows: [Int32]

  /// The selection of `rows` among `rowCount`; nil unless the rows are strictly ascending and
  /// each in `0..<rowCount`, or when `rowCount` cannot be indexed by 32 bits.
  public init?(rows: [Int32], of rowCount: Int) {
    guard rowCount >= 0, rowCount <= Int(Int32.max) else { return nil }
    let valid = rows.withUnsafeBufferPointer { rows -> Bool in
      var previous = -1
      for row in rows {
        let row = Int(row)
        guard row > previous, row < rowCount else { return false }
        previous = row
      }
      return true
    }
    guard valid else { return nil }
    self.rowCount = rowCount
    self.rows = rows
  }

  /// Every row of a store of `rowCount` rows (at most `Int32.max`).
  public static func all(_ rowCount: Int) -> RowSelection {
    precondition(rowCount >= 0 && rowCount <= Int(Int32.max), "a row selection indexes rows by 32 bits")
    return RowSelection(unchecked: (0..<Int32(truncatingIfNeeded: rowCount)).map { $0 }, of: rowCount)
  }

  private init(unchecked rows: [Int32], of rowCount: Int) {
    self.rowCount = rowCount
    self.rows = rows
  }
}

/// The rows one scoring pass reads, in order: every row of a matrix, or a selection of a store's
/// rows. The passes are generic over it, so each is compiled for both (no indirection for every
/// row of a ``DecisionMatrix``), and do the same arithmetic in the same order for both: scoring a
/// selection gives, bit for bit, the scores of a matrix made of the selected rows.
protocol ScoredRows {
  /// How many rows are scored.
  var count: Int { get }
  /// The store row of the `k`-th scored row.
  func row(_ k: Int) -> Int
  /// ``ColumnSummary`` of the scored rows of the column at `column`.
  func summary(of column: UnsafePointer<Double>) -> (sumOfSquares: Double, min: Double, max: Double)
  /// The values of scored rows `start..<start + count` of the column at `column`, contiguous:
  /// the column itself for every row, else gathered into `buffer` (so that the arithmetic on
  /// them runs in vector registers, as it does on a column).
  func values(of column: UnsafePointer<Double>, from start: Int, count: Int, buffer: UnsafeMutablePointer<Double>) -> UnsafePointer<Double>
  /// The store rows that scored rows `start..<start + count` span: the first and how many.
  func span(from start: Int, count: Int) -> (first: Int, count: Int)
}

/// Every row: row `k` is the `k`-th.
struct AllRows: ScoredRows {
  let count: Int
  @inline(__always) func row(_ k: Int) -> Int { k }
  func summary(of column: UnsafePointer<Double>) -> (sumOfSquares: Double, min: Double, max: Double) {
    ColumnSummary.of(column, count: count)
  }
  @inline(__always) func values(
    of column: UnsafePointer<Double>, from start: Int, count: Int, buffer: UnsafeMutablePointer<Double>
  ) -> UnsafePointer<Double> {
    column + start
  }
  @inline(__always) func span(from start: Int, count: Int) -> (first: Int, count: Int) { (start, count) }
}

/// The rows of a ``RowSelection``.
struct ChosenRows: ScoredRows {
  let rows: UnsafeBufferPointer<Int32>
  var count: Int { rows.count }
  @inline(__always) func row(_ k: Int) -> Int { Int(rows[k]) }
  func summary(of column: UnsafePointer<Double>) -> (sumOfSquares: Double, min: Double, max: Double) {
    ColumnSummary.of(column, rows: rows)
  }
  @inline(__always) func values(
    of column: UnsafePointer<Double>, from start: Int, count: Int, buffer: UnsafeMutablePointer<Double>
  ) -> UnsafePointer<Double> {
    for k in 0..<count { buffer[k] = column[Int(rows[start + k])] }
    return UnsafePointer(buffer)
  }
  @inline(__always) func span(from start: Int, count: Int) -> (first: Int, count: Int) {
    let first = Int(rows[start])
    return (first, Int(rows[start + count - 1]) - first + 1)
  }
}
