import SovereignCatalog

/// A Markdown report a DPO can paste into a procurement file: requirements, ranking table,
/// exclusions with reasons, and the sources cited.
public enum RankingMarkdown {
  public static func render(_ ranking: Ranking) -> String {
    var out = "# \(escape(ranking.requirements.name ?? "Hosting ranking"))\n\n"
    out += "Ranked on \(ranking.date) by `sovereign rank`, method **\(ranking.method.rawValue)** (\(ranking.method.normalizationName)).\n\n"
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
      out += "| Rank | Provider | Offering | Score | Unverified gates (tolerant policy) | Flags |\n|---:|---|---|---:|---|---|\n"
      for o in ranking.eligible {
        out += "| \(o.rank ?? 0) | \(escape(o.providerName)) | \(escape(o.offeringName)) | \(o.score.map { NumberFormat.short($0) } ?? "") | \(escape(RankingTable.unverified(o))) | \(escape(o.flags.joined(separator: "; "))) |\n"
      }
      out += "\n"
      out += "Gate verdicts, each with the grade of its weakest deciding fact:\n\n"
      for o in ranking.eligible {
        let verdicts = o.gates.map { "`\($0.gate)` \($0.gradedVerdict)" }.joined(separator: "; ")
        out += "- \(escape(o.offeringName)): \(verdicts.isEmpty ? "no gate" : verdicts)\n"
      }
      out += "\n"
      if ranking.eligible.contains(where: { !RankingTable.unverified($0).isEmpty }) {
        out += "**Warning:** unverified gates passed only because the `tolerant` policy lets unknown facts pass; check them before relying on this ranking.\n\n"
      }
    }
    let excluded = ranking.excluded
    if !excluded.isEmpty {
      out += "## Exclusions\n\n| Provider | Offering | Gate | Verdict | Evidence |\n|---|---|---|---|---|\n"
      for o in excluded {
        for gate in o.gates where gate.verdict != .pass {
          out += "| \(escape(o.providerName)) | \(escape(o.offeringName)) | `\(gate.gate)` | \(gate.gradedVerdict) | \(escape(gate.detail))\(sourceRefs(gate.sources)) |\n"
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
