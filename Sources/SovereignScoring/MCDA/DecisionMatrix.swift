/// Alternatives (rows) scored on criteria (columns): the input of ``TOPSIS`` and ``WeightedSum``.
///
/// Construction checks the shape and that every value is finite, so scoring never meets NaN.
/// Values are stored column-major (one contiguous column per criterion), the layout the scoring
/// methods stream through; ``values`` gives the rows.
public struct DecisionMatrix: Sendable, Hashable {
  /// Alternative ids, one per row; unique.
  public let alternatives: [String]
  /// The criteria, one per column; names unique.
  public let criteria: [DecisionCriterion]
  /// Column-major values: alternative `i` on criterion `j` is at `j × alternatives.count + i`.
  public let columnMajorValues: [Double]

  /// `values[i][j]`: raw value of alternative `i` on criterion `j` (built from the columns on
  /// each access: read it once, or use ``value(_:_:)``).
  public var values: [[Double]] {
    let n = alternatives.count
    return (0..<n).map { i in criteria.indices.map { columnMajorValues[$0 * n + i] } }
  }

  public init(alternatives: [String], criteria: [DecisionCriterion], values: [[Double]]) throws(MCDAError) {
    try Self.checkNames(alternatives: alternatives, criteria: criteria)
    guard values.count == alternatives.count else {
      throw .rowLength(alternative: "(rows)", expected: alternatives.count, actual: values.count)
    }
    let n = alternatives.count
    var columns = [Double](repeating: 0, count: n * criteria.count)
    for (i, (row, id)) in zip(values, alternatives).enumerated() {
      guard row.count == criteria.count else {
        throw .rowLength(alternative: id, expected: criteria.count, actual: row.count)
      }
      for (j, (value, criterion)) in zip(row, criteria).enumerated() {
        guard value.isFinite else { throw .nonFiniteValue(alternative: id, criterion: criterion.name) }
        columns[j * n + i] = value
      }
    }
    self.alternatives = alternatives
    self.criteria = criteria
    self.columnMajorValues = columns
  }

  /// A matrix from column-major values (`columnMajor[j × alternatives.count + i]`), taken as they
  /// are: no copy, no per-row array. Same checks as ``init(alternatives:criteria:values:)``.
  public init(alternatives: [String], criteria: [DecisionCriterion], columnMajor: [Double]) throws(MCDAError) {
    try Self.checkNames(alternatives: alternatives, criteria: criteria)
    let n = alternatives.count
    guard columnMajor.count == n * criteria.count else {
      throw .rowLength(alternative: "(values)", expected: n * criteria.count, actual: columnMajor.count)
    }
    let allFinite = columnMajor.withUnsafeBufferPointer { Self.allFinite($0) }
    if !allFinite, let index = columnMajor.firstIndex(where: { !$0.isFinite }) {
      throw .nonFiniteValue(alternative: alternatives[index % n], criterion: criteria[index / n].name)
    }
    self.alternatives = alternatives
    self.criteria = criteria
    self.columnMajorValues = columnMajor
  }

  /// This matrix with alternative `i`'s values replaced by `row`: the names, already checked,
  /// are not checked again (`Ranker` scores each ranked offering with its worst and best values).
  public func replacingRow(_ i: Int, with row: [Double]) throws(MCDAError) -> DecisionMatrix {
    guard alternatives.indices.contains(i), row.count == criteria.count else {
      throw .rowLength(alternative: alternatives.indices.contains(i) ? alternatives[i] : "(row \(i))", expected: criteria.count, actual: row.count)
    }
    let n = alternatives.count
    var columns = columnMajorValues
    for (j, (value, criterion)) in zip(row, criteria).enumerated() {
      guard value.isFinite else { throw .nonFiniteValue(alternative: alternatives[i], criterion: criterion.name) }
      columns[j * n + i] = value
    }
    return DecisionMatrix(checked: alternatives, criteria: criteria, columnMajor: columns)
  }

  /// A matrix whose names and values are already checked.
  private init(checked alternatives: [String], criteria: [DecisionCriterion], columnMajor: [Double]) {
    self.alternatives = alternatives
    self.criteria = criteria
    self.columnMajorValues = columnMajor
  }

  /// True when no value is NaN or infinite. One branch-free pass: `x - x` is 0 for a finite `x`
  /// and NaN otherwise, summed in eight independent lanes (one running sum would wait on each
  /// addition), on every core for large matrices.
  static func allFinite(_ values: UnsafeBufferPointer<Double>) -> Bool {
    let blocks = (values.count + 65_535) / 65_536
    var finite = [Bool](repeating: true, count: blocks)
    finite.withUnsafeMutableBufferPointer { finite in
      let out = SharedBuffer(base: finite.baseAddress!)
      let values = UncheckedBox(values)
      ParallelBlocks.run(count: blocks, work: values.value.count) { range in
        for block in range {
          let start = block * 65_536
          let end = Swift.min(values.value.count, start + 65_536)
          let raw = UnsafeRawPointer(values.value.baseAddress!)
          var lanes = SIMD8<Double>(repeating: 0)
          var k = start
          while k + 8 <= end {
            let v = raw.loadUnaligned(fromByteOffset: k * MemoryLayout<Double>.stride, as: SIMD8<Double>.self)
            lanes += v - v
            k += 8
          }
          var probe = lanes.sum()
          while k < end {
            probe += values.value[k] - values.value[k]
            k += 1
          }
          out.base[block] = probe == 0
        }
      }
    }
    return !finite.contains(false)
  }

  static func checkNames(alternatives: [String], criteria: [DecisionCriterion]) throws(MCDAError) {
    guard !criteria.isEmpty else { throw .noCriteria }
    guard !alternatives.isEmpty else { throw .noAlternatives }
    try checkCriteria(criteria)
    if let id = DuplicateFinder.firstDuplicate(in: alternatives) { throw .duplicateAlternative(id) }
  }

  /// At least one criterion, names unique.
  static func checkCriteria(_ criteria: [DecisionCriterion]) throws(MCDAError) {
    guard !criteria.isEmpty else { throw .noCriteria }
    var seenCriteria = Set<String>()
    for criterion in criteria where !seenCriteria.insert(criterion.name).inserted {
      throw .duplicateCriterion(criterion.name)
    }
  }

  /// The raw value of alternative `i` on criterion `j`.
  public func value(_ i: Int, _ j: Int) -> Double { columnMajorValues[j * alternatives.count + i] }

  /// The raw values of criterion `j`, one per alternative.
  public func column(_ j: Int) -> [Double] {
    let n = alternatives.count
    return Array(columnMajorValues[(j * n)..<((j + 1) * n)])
  }
}
