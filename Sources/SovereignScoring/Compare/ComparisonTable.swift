import SovereignCatalog

/// The terminal rendering of a ``Comparison``: one table per section, one row per fact, one
/// column per offering. A row whose cells differ starts with `≠`; a cell resting on an
/// assumption ends with `†`; each cell cites its sources as `[n]`, listed after the tables.
public enum ComparisonTable {
  /// Marks a row whose cells differ.
  public static let differenceMarker = "≠"
  /// Marks a cell (and its row) resting on an assumption (`--assume`).
  public static let assumptionMarker = AssumptionLegend.marker

  public static func render(_ comparison: Comparison) -> String {
    var notes = SourceFootnotes()
    var out = "Comparison as of \(comparison.date): "
    out += comparison.columns.map { "\($0.offeringName) [\($0.offeringID)]" }.joined(separator: " vs ") + "\n"
    out += AssumptionLegend.lines(comparison.assumptions).map { $0 + "\n" }.joined()
    out += "\(comparison.differences.count) of \(comparison.rows.count) facts differ (\(differenceMarker)); "
    out += "values show their evidence grade in parentheses, sources as [n] (listed below).\n"
    let headers = ["", "fact"] + comparison.columns.map(\.offeringID)
    for section in Comparison.Section.allCases {
      let rows = comparison.rows.filter { $0.section == section }
      guard !rows.isEmpty else { continue }
      out += "\n\(section.title)\n"
      let lines = rows.map { row in
        [row.differs ? differenceMarker : "", row.label]
          + row.cells.map { cell in
            var text = cell.gradedValue
            let refs = notes.reference(cell.sources)
            if !refs.isEmpty { text += " " + refs }
            if cell.assumed { text += " " + assumptionMarker }
            return text
          }
      }
      out += TextTable(headers: headers, rows: lines).render()
    }
    let details = comparison.rows.flatMap { row in
      zip(comparison.columns, row.cells).compactMap { column, cell in
        row.differs ? cell.detail.map { "- \(row.label), \(column.offeringID): \($0)" } : nil
      }
    }
    if !details.isEmpty { out += "\nWhy (rows that differ)\n" + details.joined(separator: "\n") + "\n" }
    let sources = notes.lines()
    if !sources.isEmpty { out += "\nSources\n" + sources.joined(separator: "\n") + "\n" }
    return out
  }
}
