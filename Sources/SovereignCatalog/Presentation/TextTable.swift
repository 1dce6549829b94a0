/// A plain-text table with aligned columns, for terminal output.
public struct TextTable: Sendable {
  public var headers: [String]
  public var rows: [[String]]

  public init(headers: [String], rows: [[String]] = []) {
    self.headers = headers
    self.rows = rows
  }

  /// The table as lines of text, columns separated by two spaces, header underlined.
  public func render() -> String {
    let columns = headers.count
    var widths = headers.map(\.count)
    for row in rows {
      for (index, cell) in row.prefix(columns).enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for index in 0..<columns {
        let cell = index < cells.count ? cells[index] : ""
        parts.append(index == columns - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count))
      }
      return parts.joined(separator: "  ")
    }
    var lines = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
    lines += rows.map(line)
    return lines.joined(separator: "\n") + "\n"
  }
}
