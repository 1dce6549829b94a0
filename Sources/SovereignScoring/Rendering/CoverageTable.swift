import SovereignCatalog

/// The terminal rendering of a ``CoverageReport``: one row per offering (each deciding fact as
/// known `K`, derived `D`, unknown `?` or not applicable `-`, followed by its grade `o`fficial,
/// `p`rovider or `s`econdary), the totals per fact, the sources per kind, stale sources and
/// certificates expiring soon.
public enum CoverageTable {
  public static func render(_ report: CoverageReport) -> String {
    var out = "Coverage of the catalog's deciding facts on \(report.date): \(report.offerings.count) offerings, \(report.providers.count) providers\n"
    out += "K known, D derived (data/rules/), ? unknown, - not applicable; grade: o official, p provider, s secondary\n\n"
    let facts = CoverageFact.allCases
    let rows = report.offerings.map { offering in
      [offering.offeringID] + facts.map { cell(offering.facts[$0] ?? FactCoverage(.unknown)) }
    }
    out += TextTable(headers: ["offering"] + facts.map(\.label), rows: rows).render()
    out += "\nTotals per fact\n"
    let totals = facts.map { fact -> [String] in
      let t = report.facts[fact] ?? FactTotals()
      let applicable = t.known + t.derived + t.unknown
      let share = applicable == 0 ? "-" : "\(Int((Double(t.known + t.derived) / Double(applicable) * 100).rounded())) %"
      return [
        fact.rawValue, "\(t.known)", "\(t.derived)", "\(t.unknown)", "\(t.notApplicable)", share,
        "\(t.byGrade["official"] ?? 0)", "\(t.byGrade["provider"] ?? 0)", "\(t.byGrade["secondary"] ?? 0)",
      ]
    }
    out += TextTable(
      headers: ["fact", "known", "derived", "unknown", "n/a", "decided", "official", "provider", "secondary"], rows: totals
    ).render()
    let t = report.targets
    func share(_ part: Int, _ whole: Int) -> String { whole == 0 ? "-" : "\(Int((Double(part) / Double(whole) * 100).rounded())) %" }
    out += "\nTargets\n"
    out += "  HDS status known: \(t.hdsStatusKnown)/\(t.offerings) (\(share(t.hdsStatusKnown, t.offerings)))\n"
    out += "  SecNumCloud status known: \(t.secNumCloudStatusKnown)/\(t.offerings) (\(share(t.secNumCloudStatusKnown, t.offerings)))\n"
    out += "  HDS-certified on record: \(t.hdsCertified); with activities \(t.hdsCertifiedWithActivities), "
      + "referential (read or derived) \(t.hdsCertifiedWithReferential), validity \(t.hdsCertifiedWithValidity)\n"
    out += "  US CLOUD Act decided, contracting entity seated in the EU/EEA: \(t.euEEASeatedCloudActDecided)/\(t.euEEASeated) "
      + "(\(share(t.euEEASeatedCloudActDecided, t.euEEASeated))); at provider grade or better \(t.euEEASeatedCloudActDecidedProviderOrBetter) "
      + "(\(share(t.euEEASeatedCloudActDecidedProviderOrBetter, t.euEEASeated)))\n"
    let total = report.sourcesByKind.values.reduce(0, +)
    out += "\nSources per kind (\(total) distinct citations in provider, law and rule files)\n"
    out += TextTable(
      headers: ["kind", "sources"], rows: SourceKind.allCases.map { [$0.rawValue, "\(report.sourcesByKind[$0] ?? 0)"] }
    ).render()
    out += "\nSources older than \(report.staleAfterDays) days: \(report.staleSources.count)\n"
    for source in report.staleSources {
      out += "  \(source.asOf)  \(source.citedBy): \(source.id) (\(source.kind.rawValue)) \(source.url)\n"
    }
    out += "\nCertificates ending within \(report.expiringWithinDays) days: \(report.expiringCertificates.count)\n"
    for cert in report.expiringCertificates {
      out += "  \(cert.offeringID): \(cert.scheme) valid until \(cert.validUntil) (\(cert.daysLeft) days)"
      out += cert.rule.map { ", derived by rule \($0)" } ?? ""
      out += "\n"
    }
    return out
  }

  static func cell(_ fact: FactCoverage) -> String {
    let state: String =
      switch fact.state {
      case .known: "K"
      case .derived: "D"
      case .unknown: "?"
      case .notApplicable: "-"
      }
    let grade: String =
      switch fact.grade {
      case .official?: "o"
      case .provider?: "p"
      case .secondary?: "s"
      case .assumed?: "a"
      case nil: ""
      }
    return state + grade
  }
}
