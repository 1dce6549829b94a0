import SovereignCatalog
import SovereignExposure

/// A Markdown report a DPO can paste into a procurement file: requirements, ranking table,
/// exclusions with reasons, and the sources cited.
public enum RankingMarkdown {
  public static func render(_ ranking: Ranking, order: RankingOrder = .standing) -> String {
    var out = "# \(escape(ranking.requirements.name ?? "Hosting ranking"))\n\n"
    out += "Ranked on \(ranking.date) by `sovereign rank`, method **\(ranking.method.rawValue)** (\(ranking.method.normalizationName)).\n\n"
    out += "**As of \(ranking.date): \(ranking.summary.headline).**\n\n"
    let legend = AssumptionLegend.lines(ranking.assumptions)
    if !legend.isEmpty { out += legend.map { "> " + escape($0) }.joined(separator: "\n>\n") + "\n\n" }
    out += "## Requirements\n\n"
    let r = ranking.requirements
    if let kind = r.dataKind { out += "- Data: \(kind.rawValue)\n" }
    if !r.residency.isEmpty { out += "- Residency: \(r.residency.joined(separator: ", "))\n" }
    if let activities = r.gates.hdsActivities {
      out += "- HDS activities: \(activities.map(String.init).joined(separator: ", "))"
      out += r.gates.hdsReferential.map { ", referential \($0) or later" } ?? ""
      out += "\n"
    }
    if let snc = r.gates.secNumCloud { out += "- SecNumCloud: \(snc.rawValue)\n" }
    if !r.gates.immuneTo.isEmpty { out += "- Not reached by: \(r.gates.immuneTo.joined(separator: ", "))\n" }
    if r.gates.secNumCloud196 { out += "- SecNumCloud 19.6 ownership check: required\n" }
    if !r.gates.serviceTypes.isEmpty { out += "- Service types: \(r.gates.serviceTypes.map(\.rawValue).joined(separator: ", "))\n" }
    if !r.gates.capabilities.isEmpty { out += "- Capabilities: \(r.gates.capabilities.joined(separator: ", "))\n" }
    if !r.niceToHave.isEmpty { out += "- Nice to have: \(r.niceToHave.joined(separator: ", "))\n" }
    out += "- Unknown facts: \(r.unknownPolicy.rawValue)\n"
    out += "- Minimum evidence for a gate's deciding fact: \(r.evidence.rawValue)\n"
    out += "- Criteria: " + ranking.criteria.map { "\($0.name) \(NumberFormat.short($0.weight * 100, digits: 1)) %" }.joined(separator: ", ") + "\n\n"

    out += "## Ranking\n\n"
    if ranking.eligible.isEmpty {
      out += "No offering passes the gates."
      if !ranking.nearestMisses.isEmpty {
        out += " Nearest misses: \(ranking.nearestMisses.map { "`\($0)`" }.joined(separator: ", "))."
      }
      out += "\n\n"
    } else {
      let groups: [(String?, [RankedOffering])] =
        order == .score
        ? [(nil, ranking.eligible)]
        : [
          ("### Proven (every gate passes on facts): \(ranking.proven.count)", ranking.proven),
          ("### Unverified (pass only because unknown facts are tolerated): \(ranking.unverified.count)", ranking.unverified),
        ]
      for (title, members) in groups where !members.isEmpty {
        if let title { out += title + "\n\n" }
        out += "| Rank | Provider | Offering | Score | Bounds [worst, best] | Not separable from | Unverified gates (tolerant policy) | Flags |\n|---:|---|---|---:|---|---|---|---|\n"
        for o in members {
          let rank = order == .score ? o.rank ?? 0 : RankingOrder.groupRank(o, in: members)
          out += "| \(rank) | \(escape(o.providerName)) | \(escape(o.offeringName))\(AssumptionLegend.suffix(o.assumed)) | \(o.score.map { NumberFormat.short($0) } ?? "") | \(RankingTable.bounds(o)) | \(escape(o.notSeparableFrom.joined(separator: ", "))) | \(escape(RankingTable.unverified(o))) | \(escape(o.flags.joined(separator: "; "))) |\n"
        }
        out += "\n"
      }
      out += "\n"
      out += "Gate verdicts, each with the grade of its weakest deciding fact:\n\n"
      for o in ranking.eligible {
        let verdicts = o.gates.map { "`\($0.gate)` \($0.gradedVerdict)\(AssumptionLegend.suffix($0.assumed))" }.joined(separator: "; ")
        out += "- \(escape(o.offeringName)): \(verdicts.isEmpty ? "no gate" : verdicts)\n"
      }
      out += "\n"
      if ranking.eligible.contains(where: { !RankingTable.unverified($0).isEmpty }) {
        out += "**Warning:** unverified gates passed only because the `tolerant` policy lets unknown facts pass; check them before relying on this ranking.\n\n"
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
    let certificates = ranking.offerings.flatMap { o in
      o.flags.filter { $0.hasPrefix("expiring:") || $0.hasPrefix("expired:") }.map { (o, $0) }
    }
    if !certificates.isEmpty {
      out += "## Certificates expired or expiring within 90 days of \(ranking.date)\n\n"
      for (o, flag) in certificates { out += "- \(escape(o.offeringName)): \(escape(flag))\n" }
      out += "\n"
    }
    let conflicted = ranking.offerings.filter { !$0.conflicts.isEmpty }
    if !conflicted.isEmpty {
      out += "## Conflicts\n\nRule: \(escape(AttestationConflict.rule)).\n\n"
      for o in conflicted {
        for c in o.conflicts {
          out += "- **\(escape(o.offeringName))**, `\(c.subject)`: fact: \(escape(c.fact))\(sourceRefs(c.factSources)); "
            + "attestation: \(escape(c.attestation))\(sourceRefs(c.attestationSources)); decision: \(escape(c.decision))\n"
        }
      }
      out += "\n"
    }
    if !ranking.misses.isEmpty {
      out += "## Nearest misses\n\n| Offering | Failed | Unknown | To know (usually published in) |\n|---|---|---|---|\n"
      for m in ranking.misses {
        let facts = m.toKnow.map { "\($0.fact) (\($0.usuallyPublishedIn))" }.joined(separator: "; ")
        out += "| \(escape(m.offeringID)) | \(escape(m.failed.joined(separator: ", "))) | \(escape(m.unknown.joined(separator: ", "))) | \(escape(facts)) |\n"
      }
      out += "\n"
    }
    let excluded = ranking.excluded
    if !excluded.isEmpty {
      out += "## Exclusions\n\n| Provider | Offering | Gate | Verdict | Evidence |\n|---|---|---|---|---|\n"
      for o in excluded {
        for gate in o.gates where gate.verdict != .pass {
          out += "| \(escape(o.providerName)) | \(escape(o.offeringName)) | `\(gate.gate)` | \(gate.gradedVerdict)\(AssumptionLegend.suffix(gate.assumed)) | \(escape(gate.detail))\(sourceRefs(gate.sources)) |\n"
        }
      }
      out += "\n"
    }
    var sources: [String: Source] = [:]
    for o in ranking.offerings {
      for s in o.gates.flatMap(\.sources) + o.criteria.flatMap(\.sources) { sources[s.url] = s }
    }
    if !sources.isEmpty {
      out += "## Sources\n\n"
      for s in sources.values.sorted(by: { $0.url < $1.url }) {
        out += "- \(escape(s.title ?? s.id)): <\(s.url)> (as of \(s.asOf))\n"
      }
      out += "\n"
    }
    out += "Scores are relative to the offerings that passed the gates (normalisation depends on the set).\n"
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
