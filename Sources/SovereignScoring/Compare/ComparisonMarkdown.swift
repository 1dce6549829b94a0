import SovereignCatalog

/// A ``Comparison`` as Markdown: one table per section, differing rows in bold with `≠`, cells
/// resting on an assumption marked `†`, sources as numbered references listed at the end.
public enum ComparisonMarkdown {
  public static func render(_ comparison: Comparison) -> String {
    var notes = SourceFootnotes()
    var out = "# Comparison: " + comparison.columns.map { escape($0.offeringName) }.joined(separator: " vs ") + "\n\n"
    out += "As of \(comparison.date), by `sovereign compare`. \(comparison.differences.count) of \(comparison.rows.count) facts differ "
    out += "(marked \(ComparisonTable.differenceMarker), in bold). Grades in parentheses; sources as [n], listed at the end.\n\n"
    let legend = AssumptionLegend.lines(comparison.assumptions)
    if !legend.isEmpty {
      out += "> **" + escape(legend[0]) + "**\n"
      for line in legend.dropFirst() { out += ">\n> - `" + line.trimmingPrefix("  ") + "`\n" }
      out += "\n"
    }
    for section in Comparison.Section.allCases {
      let rows = comparison.rows.filter { $0.section == section }
      guard !rows.isEmpty else { continue }
      out += "## \(section.title)\n\n"
      out += "| | fact | " + comparison.columns.map { "\(escape($0.offeringName)) (`\($0.offeringID)`)" }.joined(separator: " | ") + " |\n"
      out += "|---|---|" + String(repeating: "---|", count: comparison.columns.count) + "\n"
      for row in rows {
        let cells = row.cells.map { cell in
          var text = escape(cell.gradedValue)
          if row.differs { text = "**\(text)**" }
          let refs = notes.reference(cell.sources)
          if !refs.isEmpty { text += " " + refs }
          if cell.assumed { text += " " + ComparisonTable.assumptionMarker }
          return text
        }
        out += "| \(row.differs ? ComparisonTable.differenceMarker : "") | \(escape(row.label)) | " + cells.joined(separator: " | ") + " |\n"
      }
      out += "\n"
    }
    let sources = notes.lines()
    if !sources.isEmpty {
      out += "## Sources\n\n" + sources.map { "- " + escape($0) }.joined(separator: "\n") + "\n"
    }
    return out
  }

  static func escape(_ text: String) -> String { RankingMarkdown.escape(text) }
}

extension String {
  fileprivate func trimmingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
