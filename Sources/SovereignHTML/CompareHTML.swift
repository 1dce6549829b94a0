import Plot
import SovereignCatalog
import SovereignScoring

/// A ``Comparison`` as one self-contained HTML page (`sovereign compare --format html`), or its
/// body alone for another page (the server's): one table per section, one column per offering,
/// rows that differ marked `≠` and shaded, verdicts as badges with their grade, sources cited as
/// `[n]` and listed at the end, cells resting on an assumption marked `†` under a what-if warning.
/// Every piece of data is escaped (``HTMLParts``).
public enum CompareHTML {
  /// CSS for the comparison tables, added to ``HTMLStyle/css``.
  public static let css = """
    tr.differs td { background: #fffbe6; }
    td.marker { font-weight: 700; text-align: center; width: 1.5em; }
    .refs { font-size: .8em; color: var(--muted); white-space: nowrap; }
    .assumed-mark { font-weight: 700; color: var(--fail); }
    ol.sources { font-size: .88rem; padding-left: 2.2rem; }

    """

  /// The whole page.
  public static func render(_ comparison: Comparison) -> String {
    let title = "Comparison: " + comparison.columns.map(\.offeringName).joined(separator: " vs ")
    return HTMLPage(
      title: title,
      header: [
        .h1(.literal(title)),
        HTMLParts.paragraph(
          "As of \(comparison.date), by sovereign compare. \(comparison.differences.count) of \(comparison.rows.count) facts differ (≠)."),
      ],
      main: body(comparison),
      footer: [HTMLParts.paragraph("sovereign \(SovereignVersion.current); verdicts from the exposure engine (see docs/compare.md).")],
      extraCSS: css
    ).render()
  }

  /// The what-if warning, the tables and the numbered sources.
  public static func body(_ comparison: Comparison) -> [HTMLNode] {
    var notes = SourceFootnotes()
    var nodes: [HTMLNode] = []
    let legend = AssumptionLegend.lines(comparison.assumptions)
    if !legend.isEmpty {
      nodes.append(.div(.class("warning"), .p(.strong(.literal(legend[0]))), .ul(.forEach(legend.dropFirst()) { .li(.code(.literal($0.trimmingLeadingSpaces()))) })))
    }
    let headers = ["", "fact"] + comparison.columns.map { "\($0.offeringName) (\($0.offeringID))" }
    for section in Comparison.Section.allCases {
      let rows = comparison.rows.filter { $0.section == section }
      guard !rows.isEmpty else { continue }
      let body: [Node<HTML.TableContext>] = rows.map { row in
        .tr(
          row.differs ? .class("differs") : .empty,
          .td(.class("marker"), .literal(row.differs ? ComparisonTable.differenceMarker : "")),
          .td(.literal(row.label)),
          .forEach(row.cells) { cell in .td(self.cell(cell, section: section, notes: &notes)) })
      }
      nodes.append(
        HTMLParts.section(section.title, id: "section-\(section.rawValue)", [
          .table(
            .thead(.tr(.forEach(headers) { .th(.literal($0)) })),
            .tbody(.group(body)))
        ]))
    }
    let sources = notes.sources
    if !sources.isEmpty {
      nodes.append(
        HTMLParts.section("Sources", id: "sources", [
          .ol(
            .class("sources"),
            .forEach(Array(sources.enumerated())) { index, source in
              .li(
                .safeAttribute(named: "id", value: "src-\(index + 1)"),
                HTMLParts.link(source.title ?? source.id, url: source.url),
                .literal(" (\(source.kind.rawValue), as of \(source.asOf))"))
            })
        ]))
    }
    return nodes
  }

  private static func cell(_ cell: Comparison.Cell, section: Comparison.Section, notes: inout SourceFootnotes) -> HTMLNode {
    let refs = notes.reference(cell.sources)
    return .group(
      value(cell, section: section),
      cell.evidence.map { .group(.text(" "), HTMLParts.gradeLabel($0)) } ?? .empty,
      refs.isEmpty ? .empty : .group(.text(" "), .span(.class("refs"), .literal(refs))),
      cell.assumed ? .group(.text(" "), .span(.class("assumed-mark"), .literal(AssumptionLegend.marker))) : .empty,
      .unwrap(cell.detail) { .div(.class("muted"), .small(.literal($0))) })
  }

  /// Verdicts as badges (favourable, unfavourable, undecided); other facts as text.
  private static func value(_ cell: Comparison.Cell, section: Comparison.Section) -> HTMLNode {
    let verdicts: [String: BadgeTone] = [
      "not-exposed": .good, "exposed": .bad, "pass": .good, "fail": .bad, "unknown": .unknown,
    ]
    if section == .laws || section == .secNumCloud196, let tone = verdicts[cell.value] {
      return HTMLParts.badge(cell.value, tone: tone)
    }
    return .literal(cell.value)
  }
}

extension String {
  fileprivate func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}
