import SovereignCatalog
import SovereignExposure

/// A Markdown report a DPO can paste into a procurement file: the sections of the HTML decision
/// report in text form (requirements, headline, ranking with bounds, a section per shortlisted
/// offering with every gate's evidence and the score's arithmetic, exclusions grouped by reason,
/// sources, provenance), rendered from a ``DecisionReport``.
public enum RankingMarkdown {
  /// The report of `ranking` with the defaults of ``DecisionReport`` (English, top 5).
  public static func render(_ ranking: Ranking, order: RankingOrder = .standing) -> String {
    render(DecisionReport(ranking: ranking), order: order)
  }

  public static func render(_ report: DecisionReport, order: RankingOrder = .standing) -> String {
    let s = report.language.strings
    let ranking = report.ranking
    var out = "# \(escape(report.title))\n\n"
    out += s.generated(ranking.date, "**\(ranking.method.rawValue)** (\(ranking.method.normalizationName))") + "\n\n"
    out += "**\(report.headline)**\n\n"
    let legend = AssumptionLegend.lines(ranking.assumptions)
    if !legend.isEmpty { out += legend.map { "> " + escape($0) }.joined(separator: "\n>\n") + "\n\n" }
    out += "## \(s.requirements)\n\n"
    for fact in report.requirementFacts { out += "- \(escape(fact.label)): \(escape(fact.value))\n" }
    out += "\n## \(s.ranking)\n\n"
    if ranking.eligible.isEmpty {
      out += s.nothingPasses
      if !ranking.nearestMisses.isEmpty {
        out += " \(s.nearestMisses): \(ranking.nearestMisses.joined(separator: ", "))."
      }
      out += "\n\n"
    } else {
      let groups: [(String?, [RankedOffering])] =
        order == .score
        ? [(nil, ranking.eligible)]
        : [
          ("### \(standingTitle(.proven, s)): \(ranking.proven.count)", ranking.proven),
          ("### \(standingTitle(.unverified, s)): \(ranking.unverified.count)", ranking.unverified),
        ]
      for (title, members) in groups where !members.isEmpty {
        if let title { out += title + "\n\n" }
        out += "| \(s.rank) | \(s.provider) | \(s.offering) | \(s.score) | \(s.bounds) | \(s.notSeparable) | \(s.unverifiedGates) | \(s.word(.pass) == "pass" ? "Flags" : s.flags) |\n|---:|---|---|---:|---|---|---|---|\n"
        for o in members {
          let rank = order == .score ? o.rank ?? 0 : RankingOrder.groupRank(o, in: members)
          out += "| \(rank) | \(escape(o.providerName)) | \(escape(o.offeringName))\(AssumptionLegend.suffix(o.assumed)) | \(o.score.map { NumberFormat.short($0) } ?? "") | \(RankingTable.bounds(o)) | \(escape(o.notSeparableFrom.joined(separator: ", "))) | \(escape(RankingTable.unverified(o))) | \(escape(o.flags.joined(separator: "; "))) |\n"
        }
        out += "\n"
      }
      out += "\n"
      if ranking.eligible.contains(where: { !RankingTable.unverified($0).isEmpty }) {
        out += "**Warning:** \(s.warningTolerant)\n\n"
      }
      if ranking.eligible.contains(where: { !$0.notSeparableFrom.isEmpty }) {
        out += "Offerings whose score bounds overlap cannot be told apart by the facts.\n\n"
      }
    }
    for note in ranking.notes {
      out += "**Note:** \(escape(note))\n\n"
      for o in ranking.eligible {
        out += "- \(escape(o.offeringName)): " + o.criteria.map { "\($0.criterion) raw \(NumberFormat.full($0.raw))" }.joined(separator: ", ") + "\n"
      }
      out += "\n"
    }
    if !report.shortlist.isEmpty {
      out += "## \(s.shortlist)\n\n"
      for item in report.shortlist { out += shortlisted(item, s) }
    }
    if let robustness = report.robustness {
      out += "## \(s.chartAcceptability)\n\n" + RobustnessTable.markdown(robustness) + "\n"
    }
    let certificates = ranking.offerings.flatMap { o in
      o.flags.filter { $0.hasPrefix("expiring:") || $0.hasPrefix("expired:") }.map { (o, $0) }
    }
    if !certificates.isEmpty {
      out += "## \(s.expiries) (\(ranking.date))\n\n"
      for (o, flag) in certificates { out += "- \(escape(o.offeringName)): \(escape(flag))\n" }
      out += "\n"
    }
    let conflicted = ranking.offerings.filter { !$0.conflicts.isEmpty }
    if !conflicted.isEmpty {
      out += "## \(s.conflicts)\n\nRule: \(escape(AttestationConflict.rule)).\n\n"
      for o in conflicted {
        for c in o.conflicts {
          out += "- **\(escape(o.offeringName))**, `\(c.subject)`: fact: \(escape(c.fact))\(sourceRefs(c.factSources)); "
            + "attestation: \(escape(c.attestation))\(sourceRefs(c.attestationSources)); decision: \(escape(c.decision))\n"
        }
      }
      out += "\n"
    }
    if !ranking.misses.isEmpty {
      out += "## \(s.nearestMisses)\n\n| \(s.offering) | Failed | Unknown | To know (usually published in) |\n|---|---|---|---|\n"
      for m in ranking.misses {
        let facts = m.toKnow.map { "\($0.fact) (\($0.usuallyPublishedIn))" }.joined(separator: "; ")
        out += "| \(escape(m.offeringID)) | \(escape(m.failed.joined(separator: ", "))) | \(escape(m.unknown.joined(separator: ", "))) | \(escape(facts)) |\n"
      }
      out += "\n"
    }
    if !report.exclusions.isEmpty {
      out += "## \(s.exclusions)\n\n"
      for group in report.exclusions {
        out += "### `\(group.gate)`: \(s.word(group.verdict)) (\(group.members.count) \(s.offerings))\n\n"
        out += "| \(s.provider) | \(s.offering) | \(s.gate) | \(s.verdict) | \(s.evidence) |\n|---|---|---|---|---|\n"
        for (o, result) in group.members {
          let shown = report.explain ? o.gates.filter { $0.verdict != .pass } : [result]
          for gate in shown {
            out += "| \(escape(o.providerName)) | \(escape(o.offeringName)) | `\(gate.gate)` | \(graded(gate, s)) | \(escape(gate.detail))\(sourceRefs(gate.sources)) |\n"
          }
        }
        out += "\n"
      }
    }
    if !report.sources.isEmpty {
      out += "## \(s.sources)\n\n"
      for source in report.sources {
        out += "- \(escape(source.title ?? source.id)): <\(source.url)> (\(source.kind.rawValue), \(s.asOf) \(source.asOf))\n"
      }
      out += "\n"
    }
    out += s.scoresRelative + "\n\n"
    out += "---\n\n"
    let p = report.provenance
    out += "- \(s.toolVersion): sovereign \(p.toolVersion)\n"
    out += "- \(s.catalogFingerprint): `\(p.catalogFingerprint ?? "–")`\n"
    out += "- \(s.evaluationDate): \(ranking.date)\n"
    out += "- \(s.fetchedLists): "
      + (p.fetchedLists.isEmpty ? s.noFetchedLists : p.fetchedLists.map { "\($0.source) (<\($0.url)>, \(s.retrieved) \($0.retrievedAt))" }.joined(separator: "; "))
      + "\n"
    return out
  }

  static func standingTitle(_ standing: Standing, _ s: ReportStrings) -> String {
    switch (standing, s.word(.pass)) {
    case (.proven, "pass"): return "Proven (every gate passes on facts)"
    case (.unverified, "pass"): return "Unverified (pass only because unknown facts are tolerated)"
    default: return s.word(standing).prefix(1).uppercased() + s.word(standing).dropFirst()
    }
  }

  /// `pass (registry evidence)` in the report's language.
  static func graded(_ gate: GateResult, _ s: ReportStrings) -> String {
    s.word(gate.verdict) + (gate.evidence.map { " (\(s.kindEvidence($0)))" } ?? "") + AssumptionLegend.suffix(gate.assumed)
  }

  static func shortlisted(_ item: DecisionReport.Shortlisted, _ s: ReportStrings) -> String {
    let o = item.offering
    var out = "### \(o.rank.map { "\($0). " } ?? "")\(escape(o.offeringName)) (\(escape(o.providerName)), `\(o.offeringID)`)\n\n"
    out += "\(s.score): \(o.score.map { NumberFormat.short($0) } ?? "–")"
    out += o.bounds.map { ", \(s.bounds): [\(NumberFormat.short($0.worst)), \(NumberFormat.short($0.best))]" } ?? ""
    out += ", \(s.standing): \(s.word(o.standing))\n\n"
    out += "#### \(s.gates)\n\n| \(s.gate) | \(s.verdict) | \(s.detail) |\n|---|---|---|\n"
    for gate in o.gates {
      var detail = escape(gate.detail)
      if let warning = gate.warning { detail += " **\(escape(warning))**" }
      if !gate.missingFacts.isEmpty { detail += " \(s.missingFacts): " + escape(gate.missingFacts.joined(separator: "; ")) }
      out += "| `\(gate.gate)` | \(graded(gate, s)) | \(detail)\(sourceRefs(gate.sources)) |\n"
    }
    out += "\n"
    let b = item.breakdown
    if !b.rows.isEmpty {
      out += "#### \(s.breakdown)\n\n"
      if let d = b.distances {
        out += "| \(s.criterion) | \(s.raw) | \(s.normalized) | \(s.weight) | \(s.idealTerm) | \(s.antiIdealTerm) |\n|---|---:|---:|---:|---:|---:|\n"
        for row in b.rows {
          out += "| \(escape(row.criterion)) | \(NumberFormat.short(row.raw)) | \(NumberFormat.short(row.normalized)) | \(NumberFormat.short(row.weight)) | \(NumberFormat.full(row.idealTerm ?? 0)) | \(NumberFormat.full(row.part)) |\n"
        }
        var idealSum = 0.0
        for row in b.rows { idealSum += row.idealTerm ?? 0 }
        out += "| \(s.total) | | | | \(NumberFormat.full(idealSum)) | \(NumberFormat.full(b.total)) |\n\n"
        let score = d.toIdeal + d.toAntiIdeal > 0 ? d.toAntiIdeal / (d.toIdeal + d.toAntiIdeal) : 0
        out += s.topsisFormula(NumberFormat.full(d.toIdeal), NumberFormat.full(d.toAntiIdeal), NumberFormat.short(score)) + "\n\n"
      } else {
        out += "| \(s.criterion) | \(s.raw) | \(s.normalized) | \(s.weight) | \(s.contribution) |\n|---|---:|---:|---:|---:|\n"
        for row in b.rows {
          out += "| \(escape(row.criterion)) | \(NumberFormat.short(row.raw)) | \(NumberFormat.short(row.normalized)) | \(NumberFormat.short(row.weight)) | \(NumberFormat.full(row.part)) |\n"
        }
        out += "| \(s.total) | | | | \(NumberFormat.full(b.total)) |\n\n\(s.sumIsScore)\n\n"
      }
    }
    let flags = item.expiries + item.otherFlags
    out += "#### \(s.flags)\n\n" + (flags.isEmpty ? s.noFlags + "\n" : flags.map { "- \(escape($0))\n" }.joined()) + "\n"
    return out
  }

  static func sourceRefs(_ sources: [Source]) -> String {
    sources.isEmpty ? "" : " (" + sources.map { "<\($0.url)>" }.joined(separator: ", ") + ")"
  }

  /// Escapes characters that would break a Markdown table cell or start markup.
  static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "|", "\\", "`", "*", "_", "[", "]", "<", ">": out += "\\\(c)"
      case "\n", "\r": out += " "
      default: out.append(c)
      }
    }
    return out
  }
}
