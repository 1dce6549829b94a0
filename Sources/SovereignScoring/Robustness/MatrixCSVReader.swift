/// Reads a decision matrix from CSV: a header `id,<criterion>,...`, then one row per alternative,
/// an id and one number per criterion. Problems are reported with their line and column
/// (1-based; the column counts fields), e.g. `matrix.csv:3:2: error: ...`.
public enum MatrixCSVReader {
  /// A problem in the file, with its position.
  public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
  }

  /// The raw table: alternative ids, criterion names, values row by row.
  public static func read(text: String, file: String) throws(Problem) -> (ids: [String], criteria: [String], values: [[Double]]) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }
    guard let header = lines.first else { throw Problem(file: file, line: 1, column: 1, message: "the file is empty; expected a header `id,<criterion>,...`") }
    let names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
    guard names.count >= 2, names[0] == "id" else {
      throw Problem(file: file, line: 1, column: 1, message: "the header must be `id,<criterion>,...` with at least one criterion")
    }
    for (k, name) in names.enumerated().dropFirst() where name.isEmpty {
      throw Problem(file: file, line: 1, column: k + 1, message: "criterion \(k) has no name")
    }
    var ids: [String] = []
    var values: [[Double]] = []
    for (index, line) in lines.enumerated().dropFirst() {
      let number = index + 1
      if line.allSatisfy({ $0 == " " }) { continue }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
      guard fields.count == names.count else {
        throw Problem(
          file: file, line: number, column: min(fields.count, names.count) + 1,
          message: "\(fields.count) fields but the header has \(names.count)")
      }
      guard !fields[0].isEmpty else { throw Problem(file: file, line: number, column: 1, message: "the id is empty") }
      var row: [Double] = []
      for k in 1..<fields.count {
        guard let value = Double(fields[k]), value.isFinite else {
          throw Problem(
            file: file, line: number, column: k + 1,
            message: "`\(fields[k])` is not a number (criterion `\(names[k])`); use digits with a dot, e.g. 12.5")
        }
        row.append(value)
      }
      ids.append(fields[0])
      values.append(row)
    }
    guard !ids.isEmpty else { throw Problem(file: file, line: 2, column: 1, message: "no alternative: add one row per alternative") }
    return (ids, Array(names.dropFirst()), values)
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
