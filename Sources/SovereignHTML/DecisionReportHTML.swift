import Plot
import SovereignCatalog
import SovereignExposure
import SovereignScoring

/// The decision report as one self-contained HTML page (inline CSS and SVG, no request, prints
/// on A4): requirements, headline, ranking with bounds, charts, a section per shortlisted
/// offering, exclusions grouped by reason, sources, and a footer with the run's provenance.
public enum DecisionReportHTML {
  public static func render(_ report: DecisionReport) -> String {
    page(report).render()
  }

  /// The page, for callers that add to it (the server).
  public static func page(_ report: DecisionReport) -> HTMLPage {
    let s = report.language.strings
    let ranking = report.ranking
    var main: [HTMLNode] = [
      HTMLParts.section(s.requirements, id: "requirements", [requirements(report)]),
      HTMLParts.section(s.ranking, id: "ranking", rankingTable(report)),
    ]
    if !ranking.eligible.isEmpty { main.append(HTMLParts.section(s.charts, id: "charts", charts(report))) }
    if !report.shortlist.isEmpty {
      main.append(HTMLParts.section(s.shortlist, id: "shortlist", report.shortlist.map { shortlisted($0, report) }))
    }
    if !ranking.misses.isEmpty { main.append(HTMLParts.section(s.nearestMisses, id: "misses", [misses(report)])) }
    let conflicted = ranking.offerings.filter { !$0.conflicts.isEmpty }
    if !conflicted.isEmpty {
      main.append(HTMLParts.section(report.language.strings.conflicts, id: "conflicts", [
        HTMLParts.paragraph("Rule: " + AttestationConflict.rule),
        .ul(.forEach(conflicted.flatMap { o in o.conflicts.map { (o, $0) } }) { o, c in
          .li(.strong(.literal(o.offeringName)), .literal(", \(c.subject): fact: \(c.fact)"), HTMLParts.sourceList(c.factSources, asOf: s.asOf),
            .literal("attestation: \(c.attestation)"), HTMLParts.sourceList(c.attestationSources, asOf: s.asOf),
            .literal("decision: \(c.decision)"))
        }),
      ]))
    }
    if !report.exclusions.isEmpty { main.append(HTMLParts.section(s.exclusions, id: "exclusions", exclusions(report))) }
    if !report.sources.isEmpty {
      main.append(HTMLParts.section(s.sources, id: "sources", [HTMLParts.sourceList(report.sources, asOf: s.asOf)]))
    }
    return HTMLPage(
      title: report.title, language: report.language.rawValue,
      header: [
        .h1(.literal(report.title)),
        .p(.literal(s.generated(ranking.date, "\(ranking.method.rawValue) (\(ranking.method.normalizationName))").replacingBackticks())),
        .p(.class("headline"), .literal(report.headline)),
      ],
      main: main,
      footer: [footer(report)])
  }

  static func requirements(_ report: DecisionReport) -> HTMLNode {
    .element(named: "dl", nodes: [.class("facts")] + report.requirementFacts.map { fact in
      .group(.element(named: "dt", nodes: [.literal(fact.label)]), .element(named: "dd", nodes: [.literal(fact.value)]))
    })
  }

  static func rankingTable(_ report: DecisionReport) -> [HTMLNode] {
    let s = report.language.strings
    let ranking = report.ranking
    guard !ranking.eligible.isEmpty else {
      var nodes: [HTMLNode] = [HTMLParts.paragraph(s.nothingPasses)]
      if !ranking.nearestMisses.isEmpty {
        nodes.append(HTMLParts.paragraph("\(s.nearestMisses): " + ranking.nearestMisses.joined(separator: ", ")))
      }
      return nodes
    }
    let rows: [[HTMLNode]] = ranking.eligible.map { o in
      [
        .literal(o.rank.map(String.init) ?? ""), .literal(o.providerName), .literal(o.offeringName),
        .literal(o.score.map({ SVGChart.format($0) }) ?? ""),
        .literal(o.bounds.map { "[\(SVGChart.format($0.worst)), \(SVGChart.format($0.best))]" } ?? ""),
        HTMLParts.badge(s.word(o.standing), tone: o.standing == .proven ? .good : .unknown),
        .literal(o.notSeparableFrom.isEmpty ? "" : String(o.notSeparableFrom.count)),
      ]
    }
    var nodes: [HTMLNode] = [
      HTMLParts.table(headers: [s.rank, s.provider, s.offering, s.score, s.bounds, s.standing, s.notSeparable], rows: rows, numeric: [0, 3, 4])
    ]
    if ranking.eligible.contains(where: { $0.standing == .unverified }) {
      let warning = s.warningTolerant.replacingBackticks()
      nodes.append(HTMLParts.paragraph(warning.prefix(1).uppercased() + warning.dropFirst(), class: "warning"))
    }
    for note in ranking.notes { nodes.append(HTMLParts.paragraph(note, class: "muted")) }
    nodes.append(HTMLParts.paragraph(s.scoresRelative, class: "muted"))
    return nodes
  }

  static func charts(_ report: DecisionReport) -> [HTMLNode] {
    let s = report.language.strings
    let eligible = report.ranking.eligible
    let bars = eligible.map { o in
      SVGChart.ScoreBar(label: o.offeringName, value: o.score ?? 0, worst: o.bounds?.worst, best: o.bounds?.best)
    }
    var nodes: [HTMLNode] = [figure(SVGChart.scores(bars, title: s.chartScores), caption: s.chartScores)]
    let criteria = report.ranking.criteria.map(\.name)
    if !criteria.isEmpty {
      let stacked = report.shortlist.map { item in
        SVGChart.StackedBar(label: item.offering.offeringName, parts: item.breakdown.rows.map(\.part))
      }
      let caption = report.ranking.method == .topsis ? s.stackedTOPSIS : s.stackedWeightedSum
      nodes.append(figure(SVGChart.stacked(stacked, segments: criteria, title: s.chartContributions), caption: "\(s.chartContributions). \(caption)"))
    }
    if let robustness = report.robustness {
      nodes.append(figure(acceptability(robustness, report), caption: s.chartAcceptability))
    } else {
      nodes.append(HTMLParts.paragraph(s.acceptabilityHook, class: "muted"))
    }
    return nodes
  }

  /// Ranks shown one by one in the acceptability chart; the rest are summed in a last segment.
  static let acceptabilityRanks = 5
  /// Offerings shown in the acceptability chart (by decreasing first-rank acceptability).
  static let acceptabilityOfferings = 10

  static func acceptability(_ result: RobustnessReport, _ report: DecisionReport) -> HTMLNode {
    let shown = result.offerings.prefix(acceptabilityOfferings)
    let bars = shown.map { offering in
      let head = Array(offering.rankAcceptability.prefix(acceptabilityRanks))
      let rest = offering.rankAcceptability.dropFirst(acceptabilityRanks).reduce(0, +)
      return SVGChart.StackedBar(label: offering.offeringName, parts: head + [rest])
    }
    let s = report.language.strings
    let ranks = (1...acceptabilityRanks).map { "\(s.rank) \($0)" } + ["\(s.rank) \(acceptabilityRanks + 1)+"]
    return SVGChart.stacked(bars, segments: ranks, title: s.chartAcceptability)
  }

  static func figure(_ chart: HTMLNode, caption: String) -> HTMLNode {
    .element(named: "figure", nodes: [chart, .element(named: "figcaption", nodes: [.literal(caption)])])
  }

  static func shortlisted(_ item: DecisionReport.Shortlisted, _ report: DecisionReport) -> HTMLNode {
    let s = report.language.strings
    let o = item.offering
    let gateRows: [[HTMLNode]] = o.gates.map { gate in
      var detail: [HTMLNode] = [.literal(gate.detail)]
      if let warning = gate.warning { detail.append(.p(.class("warning"), .literal(warning))) }
      if !gate.missingFacts.isEmpty { detail.append(.p(.class("muted"), .literal("\(s.missingFacts): " + gate.missingFacts.joined(separator: "; ")))) }
      detail.append(HTMLParts.sourceList(gate.sources, asOf: s.asOf))
      return [
        .element(named: "code", nodes: [.literal(gate.gate)]), HTMLParts.verdictBadge(gate.verdict, label: s.word(gate.verdict)),
        HTMLParts.gradeLabel(gate.evidence, label: s.evidenceLabel(gate.evidence)), .group(detail),
      ]
    }
    var nodes: [HTMLNode] = [
      .h3(.literal("\(o.rank.map { "\($0). " } ?? "")\(o.offeringName)"), .span(.class("muted"), .literal(" — \(o.providerName) · \(o.offeringID)"))),
      .p(.literal("\(s.score): \(o.score.map({ SVGChart.format($0) }) ?? "–")"
        + (o.bounds.map { " \(s.bounds): [\(SVGChart.format($0.worst)), \(SVGChart.format($0.best))]" } ?? "") + " · "),
        HTMLParts.badge(s.word(o.standing), tone: o.standing == .proven ? .good : .unknown)),
      o.notSeparableFrom.isEmpty ? .empty : .details(
        .summary(.literal("\(s.notSeparable): \(o.notSeparableFrom.count) \(s.offerings)")),
        .p(.class("muted"), .literal(o.notSeparableFrom.joined(separator: ", ")))),
      .h4(.literal(s.gates)),
      HTMLParts.table(headers: [s.gate, s.verdict, s.evidence, s.detail], rows: gateRows),
    ]
    if !item.breakdown.rows.isEmpty {
      nodes.append(.h4(.literal(s.breakdown)))
      nodes.append(breakdown(item.breakdown, report))
    }
    nodes.append(.h4(.literal(s.flags)))
    let flags = item.expiries + item.otherFlags
    nodes.append(flags.isEmpty ? HTMLParts.paragraph(s.noFlags, class: "muted") : .ul(.forEach(flags) { flag in
      .li(item.expiries.contains(flag) ? HTMLParts.badge(flag.hasPrefix("expired:") ? "expired" : "expiring", tone: flag.hasPrefix("expired:") ? .bad : .unknown) : .empty, .literal(" " + flag))
    }))
    return .element(named: "article", nodes: [.class("offering"), .safeAttribute(named: "id", value: "offering-" + o.offeringID)] + nodes)
  }

  static func breakdown(_ b: DecisionReport.Breakdown, _ report: DecisionReport) -> HTMLNode {
    let s = report.language.strings
    let topsis = b.distances != nil
    let f = { (value: Double) in SVGChart.format(value) }
    let rows: [[HTMLNode]] = b.rows.map { row in
      var cells: [HTMLNode] = [.literal(row.criterion), .literal(f(row.raw)), .literal(f(row.normalized)), .literal(f(row.weight))]
      if topsis { cells.append(.literal(row.idealTerm.map { String($0) } ?? "")) }
      cells.append(.literal(topsis ? String(row.part) : f(row.part)))
      cells.append(.span(.class("muted"), .literal(row.explanation)))
      return cells
    }
    let headers = [s.criterion, s.raw, s.normalized, s.weight] + (topsis ? [s.idealTerm, s.antiIdealTerm] : [s.contribution]) + [s.detail]
    let footerCells: [HTMLNode] =
      [.literal(s.total), .empty, .empty, .empty] + (topsis ? [.literal(String(b.rows.compactMap(\.idealTerm).reduce(0, +)))] : [])
      + [.literal(topsis ? String(b.total) : f(b.total)), .empty]
    let numeric: Set<Int> = topsis ? [1, 2, 3, 4, 5] : [1, 2, 3, 4]
    let bar = SVGChart.stacked(
      [SVGChart.StackedBar(label: s.total, parts: b.rows.map(\.part))], segments: b.rows.map(\.criterion), title: s.chartContributions)
    let sentence: String
    if let d = b.distances {
      let score = d.toIdeal + d.toAntiIdeal > 0 ? d.toAntiIdeal / (d.toIdeal + d.toAntiIdeal) : 0
      sentence = s.topsisFormula(String(d.toIdeal), String(d.toAntiIdeal), f(score))
    } else {
      sentence = s.sumIsScore
    }
    return .group(HTMLParts.table(headers: headers, rows: rows, numeric: numeric, footer: footerCells), HTMLParts.paragraph(sentence), bar)
  }

  static func misses(_ report: DecisionReport) -> HTMLNode {
    let s = report.language.strings
    let rows: [[HTMLNode]] = report.ranking.misses.map { m in
      [
        .literal(m.offeringID), .literal(m.failed.joined(separator: ", ")), .literal(m.unknown.joined(separator: ", ")),
        .ul(.forEach(m.toKnow) { fact in .li(.literal("\(fact.fact) (\(fact.usuallyPublishedIn))")) }),
      ]
    }
    return HTMLParts.table(headers: [s.offering, s.word(.fail).capitalizedFirst, s.word(.unknown).capitalizedFirst, s.missingFacts], rows: rows)
  }

  static func exclusions(_ report: DecisionReport) -> [HTMLNode] {
    let s = report.language.strings
    return report.exclusions.map { group in
      let rows: [[HTMLNode]] = group.members.map { member in
        let o = member.offering
        var detail: [HTMLNode] = [.literal(member.result.detail), HTMLParts.sourceList(member.result.sources, asOf: s.asOf)]
        if report.explain {
          for other in o.gates where other.verdict != .pass && other.gate != member.result.gate {
            detail.append(.p(.element(named: "code", nodes: [.literal(other.gate)]), .literal(" "), HTMLParts.verdictBadge(other.verdict, label: s.word(other.verdict)), .literal(" " + other.detail)))
          }
        }
        return [.literal(o.providerName), .literal(o.offeringName), HTMLParts.gradeLabel(member.result.evidence, label: s.evidenceLabel(member.result.evidence)), .group(detail)]
      }
      return .group(
        .h3(.element(named: "code", nodes: [.literal(group.gate)]), .literal(" "), HTMLParts.verdictBadge(group.verdict, label: s.word(group.verdict)),
          .literal(" (\(group.members.count) \(s.offerings))")),
        HTMLParts.table(headers: [s.provider, s.offering, s.evidence, s.detail], rows: rows))
    }
  }

  static func footer(_ report: DecisionReport) -> HTMLNode {
    let s = report.language.strings
    let p = report.provenance
    let lists: HTMLNode = p.fetchedLists.isEmpty
      ? .literal(s.noFetchedLists)
      : .ul(.forEach(p.fetchedLists) { list in .li(HTMLParts.link(list.source, url: list.url), .literal(", \(s.retrieved) \(list.retrievedAt)")) })
    let items: [(String, HTMLNode)] = [
      (s.toolVersion, .literal("sovereign \(p.toolVersion)")),
      (s.catalogFingerprint, .element(named: "code", nodes: [.literal(p.catalogFingerprint ?? "–")])),
      (s.evaluationDate, .literal(report.ranking.date.description)),
      (s.fetchedLists, lists),
    ]
    return .element(named: "dl", nodes: items.map { label, value in
      .group(.element(named: "dt", nodes: [.literal(label)]), .element(named: "dd", nodes: [value]))
    })
  }
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

  /// The Markdown code quotes of a shared string removed, for HTML.
  func replacingBackticks() -> String { String(filter { $0 != "`" }) }
}
