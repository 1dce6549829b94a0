/// A plain-text table with aligned columns, for terminal output.
public struct TextTable: Sendable {
  public var headers: [String]
  public var rows: [[String]]
  /// When fitting a width: the columns narrowed first, in this order (each down to
  /// ``minimumColumnWidth``), before the widest of the others.
  public var shrinkFirst: [Int] = []
  /// When fitting a width the table exceeds: columns taken out of the table and printed in full
  /// on a line under each row instead (`header: text`, wrapped to the width).
  public var continuedUnderRow: Set<Int> = []
  /// When fitting a width: a column's own narrowest width (by column index), instead of
  /// ``minimumColumnWidth``.
  public var minimumWidths: [Int: Int] = [:]

  public init(headers: [String], rows: [[String]] = []) {
    self.headers = headers
    self.rows = rows
  }

  /// Narrowest a column is squeezed to when the table must fit a width.
  public static let minimumColumnWidth = 6

  /// The table as lines of text, columns separated by two spaces, header underlined. With
  /// `maxWidth`, when the table is wider: the ``continuedUnderRow`` columns move under their
  /// rows, then columns are narrowed (``shrinkFirst``, then the widest) until every line fits
  /// (down to ``minimumColumnWidth``), and cells too long for their column end with an ellipsis.
  public func render(maxWidth: Int? = nil) -> String {
    var shown = Array(headers.indices)
    var widths = naturalWidths()
    var moved: [Int] = []
    if let maxWidth, Self.total(widths) > maxWidth, !continuedUnderRow.isEmpty {
      moved = continuedUnderRow.sorted().filter { $0 < headers.count }
      shown.removeAll { moved.contains($0) }
      widths = shown.map { widths[$0] }
    } else {
      widths = shown.map { widths[$0] }
    }
    if let maxWidth {
      let order = shrinkFirst.compactMap { shown.firstIndex(of: $0) }
      let minimums = shown.map { minimumWidths[$0] ?? Self.minimumColumnWidth }
      widths = Self.fit(widths, into: maxWidth, shrinkFirst: order, minimums: minimums)
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (position, index) in shown.enumerated() {
        let cell = Self.truncate(index < cells.count ? cells[index] : "", to: widths[position])
        parts.append(position == shown.count - 1 ? cell : cell + String(repeating: " ", count: widths[position] - cell.count))
      }
      return parts.joined(separator: "  ")
    }
    var lines = [line(headers), line(headers.indices.map { i in shown.firstIndex(of: i).map { String(repeating: "-", count: widths[$0]) } ?? "" })]
    for row in rows {
      lines.append(line(row))
      for index in moved where index < row.count && !row[index].isEmpty {
        lines.append(TextWrap.wrap("    \(headers[index]): \(row[index])", width: maxWidth ?? Int.max, continuation: 2))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The widest cell (or header) of each column.
  func naturalWidths() -> [Int] {
    var widths = headers.map(\.count)
    for row in rows {
      for (index, cell) in row.prefix(headers.count).enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    return widths
  }

  static func total(_ widths: [Int]) -> Int { widths.reduce(2 * max(0, widths.count - 1), +) }

  /// Column widths narrowed (first the `shrinkFirst` positions in order, then the widest) until
  /// the columns and their two-space separators fit `width` (or every column is at the minimum).
  static func fit(_ natural: [Int], into width: Int, shrinkFirst: [Int] = [], minimums: [Int] = []) -> [Int] {
    var widths = natural
    var excess = total(widths) - width
    func minimum(_ index: Int) -> Int { index < minimums.count ? minimums[index] : minimumColumnWidth }
    for index in shrinkFirst where index < widths.count && excess > 0 {
      let cut = min(excess, max(0, widths[index] - minimum(index)))
      widths[index] -= cut
      excess -= cut
    }
    while excess > 0 {
      guard let widest = widths.indices.filter({ widths[$0] > minimum($0) }).max(by: { widths[$0] < widths[$1] })
      else { break }
      widths[widest] -= 1
      excess -= 1
    }
    return widths
  }

  /// `text` cut to `width` characters, the last one an ellipsis when anything was cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard text.count > width else { return text }
    guard width > 1 else { return String(text.prefix(width)) }
    return String(text.prefix(width - 1)) + "…"
  }
}
