import Plot
import SovereignCatalog
import SovereignScoring

/// How a badge reads: favourable, unfavourable, undecided or neither. Each tone has a colour, and
/// every badge also carries its word, so the page reads in black and white.
public enum BadgeTone: String, Sendable, Hashable, CaseIterable {
  case good, bad, unknown, neutral

  /// The tone of a gate verdict.
  public init(_ verdict: GateVerdict) {
    switch verdict {
    case .pass: self = .good
    case .fail: self = .bad
    case .unknown: self = .unknown
    }
  }

  /// A symbol printed before the word, for readers who cannot tell the colours apart.
  public var symbol: String {
    switch self {
    case .good: return "✓"
    case .bad: return "✗"
    case .unknown: return "?"
    case .neutral: return "·"
    }
  }
}

/// Small building blocks shared by the report and the server's pages. Every string argument is
/// data and is escaped.
public enum HTMLParts {
  /// A coloured badge with a symbol and a word, e.g. `✓ pass`.
  public static func badge(_ label: String, tone: BadgeTone) -> HTMLNode {
    .span(.class("badge tone-\(tone.rawValue)"), .literal("\(tone.symbol) \(label)"))
  }

  /// A gate verdict's badge; `label` replaces the English word (e.g. a translation).
  public static func verdictBadge(_ verdict: GateVerdict, label: String? = nil) -> HTMLNode {
    badge(label ?? verdict.rawValue, tone: BadgeTone(verdict))
  }

  /// The evidence grade of a deciding fact, e.g. `registry · official evidence`; `label` replaces
  /// the words. Nil kind (an unknown verdict) reads `no deciding fact` unless `label` is given.
  public static func gradeLabel(_ kind: SourceKind?, label: String? = nil) -> HTMLNode {
    guard let kind else { return .span(.class("grade"), .literal(label ?? "no deciding fact")) }
    return .span(
      .class("grade grade-\(kind.grade.rawValue)"),
      .literal(label ?? "\(kind.rawValue) · \(kind.grade.phrase)"))
  }

  /// A link to `url` showing `text` when `url` is an http(s) address, else the text alone.
  public static func link(_ text: String, url: String) -> HTMLNode {
    guard let target = HTMLEscaping.linkTarget(url) else { return .span(.literal(text)) }
    return .element(named: "a", nodes: [.safeAttribute(named: "href", value: target), .literal(text)])
  }

  /// A list of sources: linked title, kind, and as-of date (`asOf` is the words before the date).
  /// Sources with the same URL are listed once.
  public static func sourceList(_ sources: [Source], asOf: String = "as of") -> HTMLNode {
    var seen = Set<String>()
    let unique = sources.filter { seen.insert($0.url).inserted }
    guard !unique.isEmpty else { return .empty }
    return .ul(
      .class("sources"),
      .forEach(unique) { source in
        .li(
          link(source.title ?? source.id, url: source.url),
          .literal(" (\(source.kind.rawValue), \(asOf) \(source.asOf))")
        )
      })
  }

  /// A table: a header row, then rows of cells. Columns in `numeric` are right-aligned.
  public static func table(
    headers: [String], rows: [[HTMLNode]], numeric: Set<Int> = [], caption: String? = nil, footer: [HTMLNode]? = nil
  ) -> HTMLNode {
    func cellClass(_ index: Int) -> Node<HTML.BodyContext> { numeric.contains(index) ? .class("num") : .empty }
    return .table(
      .unwrap(caption) { .caption(.literal($0)) },
      .thead(
        .tr(.forEach(Array(headers.enumerated())) { index, header in
          .th(numeric.contains(index) ? .class("num") : .empty, .literal(header))
        })),
      .tbody(
        .forEach(rows) { row in
          .tr(.forEach(Array(row.enumerated())) { index, cell in
            .td(cellClass(index), cell)
          })
        }),
      .unwrap(footer) { cells in
        .tfoot(.tr(.forEach(Array(cells.enumerated())) { index, cell in .td(cellClass(index), cell) }))
      }
    )
  }

  /// A paragraph of escaped text with an optional class.
  public static func paragraph(_ text: String, class className: String? = nil) -> HTMLNode {
    .p(className.map { .class($0) } ?? .empty, .literal(text))
  }

  /// A `<section>` with an `<h2>` heading and an `id` (escaped) for links within the page.
  public static func section(_ heading: String, id: String, _ content: [HTMLNode]) -> HTMLNode {
    .section(.safeAttribute(named: "id", value: id), .h2(.literal(heading)), .group(content))
  }
}
