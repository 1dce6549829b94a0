import SovereignCatalogCore

/// Renders ``OfferingExposure`` results as plain text for a terminal: each law with its verdict,
/// decisive path and sources, the seat fact, the SecNumCloud 19.6 estimate with its
/// sub-criteria, the HDS 2.0 transparency facts and the ownership chains.
public struct ExposureReport: Sendable {
  public let results: [OfferingExposure]

  public init(results: [OfferingExposure]) {
    self.results = results
  }

  /// The full report.
  public func render() -> String {
    results.map(render(_:)).joined(separator: "\n")
  }

  /// A few lines per offering for `sovereign show`: each law's verdict, the seat fact, the 19.6 estimate.
  public static func summaryLines(_ result: OfferingExposure) -> [String] {
    var lines = ["Exposure of \(result.offeringName) [\(result.offeringID)] (reasoning: sovereign exposure \(result.offeringID))"]
    for law in result.laws {
      var line = "  \(law.lawID): \(law.gradedVerdict)\(AssumptionLegend.suffix(law.assumed))"
      if law.verdict == .exposed, let path = law.path { line += " (\(path))" }
      if law.verdict == .unknown, let first = law.missingFacts.first {
        line += " (missing: \(first)\(law.missingFacts.count > 1 ? " and \(law.missingFacts.count - 1) more" : ""))"
      }
      lines.append(line)
    }
    lines.append("  seat outside the EU: \(result.seat.outsideEU); outside the EEA: \(result.seat.outsideEEA)")
    lines.append("  SecNumCloud 19.6 eligibility (estimate): \(result.secNumCloud196.verdict.rawValue)")
    for conflict in result.conflicts {
      lines.append("  conflict on \(conflict.subject): sourced fact vs SecNumCloud attestation; decided for the fact (see sovereign exposure \(result.offeringID))")
    }
    for notice in result.certificates { lines.append("  \(notice.text)") }
    return lines
  }

  private func render(_ result: OfferingExposure) -> String {
    var out: [String] = []
    out.append("Exposure of \(result.offeringName) [\(result.offeringID)], provider \(result.providerID)")
    if let asOf = result.asOf { out.append("as of \(asOf)") }
    out += AssumptionLegend.lines(result.assumptions ?? [])
    for notice in result.certificates { out.append(notice.text) }
    out.append("")
    if !result.conflicts.isEmpty {
      out.append("Conflicts between sourced facts and the SecNumCloud qualification")
      out.append("  rule: \(AttestationConflict.rule)")
      for conflict in result.conflicts {
        out.append("  \(conflict.subject)")
        out.append("    fact: \(conflict.fact)")
        appendSources(conflict.factSources, to: &out, indent: "    ")
        out.append("    attestation: \(conflict.attestation)")
        appendSources(conflict.attestationSources, to: &out, indent: "    ")
        out.append("    decision: \(conflict.decision)")
      }
      out.append("")
    }
    out.append("Non-EU laws")
    if result.laws.isEmpty { out.append("  the catalog describes no law (data/laws/ is empty)") }
    // US laws first (the CLOUD Act decides most files), then by id; each missing fact is stated
    // once, under the first law that needs it, and referred to after.
    var stated: [String: String] = [:]
    for law in result.laws.sorted(by: { ($0.lawID.hasPrefix("us-") ? 0 : 1, $0.lawID) < ($1.lawID.hasPrefix("us-") ? 0 : 1, $1.lawID) }) {
      out.append("  \(law.lawID): \(law.gradedVerdict)\(AssumptionLegend.suffix(law.assumed))\(law.rule.map { " (rule: \($0.rawValue))" } ?? "")  [\(law.citation)]")
      if let path = law.path { out.append("    path: \(path)") }
      out.append("    why: \(law.detail)")
      let repeated = law.missingFacts.filter { stated[$0] != nil }
      for fact in law.missingFacts where stated[fact] == nil {
        out.append("    missing: \(fact)")
        stated[fact] = law.lawID
      }
      if !repeated.isEmpty {
        let laws = Set(repeated.compactMap { stated[$0] }).sorted().joined(separator: ", ")
        out.append("    missing: the \(repeated.count == 1 ? "fact" : "\(repeated.count) facts") stated under \(laws) above")
      }
      appendSources(law.sources, to: &out, indent: "    ")
    }
    out.append("")
    out.append("Seat outside the EU/EEA (a fact, not a law)")
    out.append("  outside the EU: \(result.seat.outsideEU); outside the EEA: \(result.seat.outsideEEA)")
    out.append("  \(result.seat.detail)")
    for fact in result.seat.missingFacts where stated[fact] == nil { out.append("  missing: \(fact)") }
    out.append("")
    let snc = result.secNumCloud196
    out.append("SecNumCloud 3.2 § 19.6 eligibility (estimate): \(snc.verdict.rawValue)\(AssumptionLegend.suffix(snc.criteria.contains(where: \.assumed)))")
    out.append("  \(snc.note)")
    for criterion in snc.criteria {
      out.append("  [\(criterion.verdict.rawValue)\(criterion.evidence.map { " (\($0.phrase))" } ?? "")]\(AssumptionLegend.suffix(criterion.assumed)) \(criterion.id): \(criterion.requirement)")
      out.append("      \(criterion.detail)")
      let repeated = criterion.missingFacts.filter { stated[$0] != nil }
      for fact in criterion.missingFacts where stated[fact] == nil {
        out.append("      missing: \(fact)")
        stated[fact] = criterion.id
      }
      if !repeated.isEmpty { out.append("      missing: the \(repeated.count == 1 ? "fact" : "\(repeated.count) facts") stated above") }
    }
    out.append("")
    let t = result.transparency
    out.append("HDS 2.0 transparency (requirements 28-31)")
    out.append("  req. 28 storage only in the EEA: \(t.eeaOnlyStorage)")
    out.append("  req. 29 access from outside the EEA: \(t.nonEEAAccess); access countries: \(t.accessCountries.value?.joined(separator: ", ") ?? "unknown")")
    out.append("  req. 30 third-country-law risk declared: \(t.thirdCountryLawRisk)")
    out.append("  req. 31 transfer mapping: \(t.transferMappingURL)")
    if !t.regionsOutsideEEA.isEmpty { out.append("  regions outside the EEA: \(t.regionsOutsideEEA.joined(separator: ", "))") }
    for remark in t.remarks { out.append("  note: \(remark)") }
    appendSources(t.sources, to: &out, indent: "  ")
    out.append("")
    out.append("Ownership")
    for report in result.ownership {
      out.append("  \(report.name) [\(report.entityID)], \(report.role)")
      if report.ultimateControllers.isEmpty {
        out.append("    ultimate controller: none known")
      }
      for controller in report.ultimateControllers { out.append("    ultimate controller: \(controller.chain)") }
      if !report.holders.isEmpty {
        let rows = report.holders.map { h in [h.name, h.region.rawValue, h.capital.description, h.votes.description] }
        let table = TextTable(headers: ["holder (direct or indirect)", "region", "capital", "votes"], rows: rows).render()
        out += table.split(separator: "\n").map { "    " + $0 }
      }
      for cycle in report.cycles { out.append("    cycle in the ownership graph: \(cycle.joined(separator: " -> "))") }
    }
    return out.joined(separator: "\n") + "\n"
  }

  private func appendSources(_ sources: [Source], to out: inout [String], indent: String) {
    guard !sources.isEmpty else { return }
    out.append("\(indent)sources:")
    for source in sources {
      out.append("\(indent)  - \(source.title ?? source.id) (as of \(source.asOf)): \(source.url)")
    }
  }
}
