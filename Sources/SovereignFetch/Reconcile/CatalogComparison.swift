import SovereignCatalog

/// What a list says that the bundled catalog does not (pure).
public enum CatalogComparison {
  /// One finding, phrased for a reviewer of the catalog.
  public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    public var offering: String?
    public var message: String
    public var description: String { (offering.map { "\($0): " } ?? "") + message }
  }

  /// Differences between `records` (a list of kind `parser`) and `catalog`.
  public static func compare(
    _ records: [CertificationRecord], parser: SourceDefinition.Parser, catalog: Catalog
  ) -> [Finding] {
    let reconciler = Reconciler(catalog: catalog)
    let result = reconciler.reconcile(records)
    var findings: [Finding] = []
    var covered = Set<String>()
    for match in result.matches {
      for id in match.offeringIDs {
        covered.insert(id)
        guard let offering = catalog.offering(id: id) else { continue }
        switch parser {
        case .hdsList:
          let hds = offering.certifications.hds
          if hds?.status != .certified {
            findings.append(Finding(offering: id, message: "the list certifies \(match.record.holder) but the catalog says HDS \(hds?.status.rawValue ?? "unknown")"))
          }
          if let listed = match.record.activities, let known = hds?.activities.value, listed != known {
            findings.append(Finding(offering: id, message: "HDS activities: catalog \(known.map(String.init).joined(separator: ",")), list \(listed.map(String.init).joined(separator: ","))"))
          }
          if let listed = match.record.validUntil, let known = hds?.validUntil.value, listed != known {
            findings.append(Finding(offering: id, message: "HDS end of validity: catalog \(known), list \(listed)"))
          }
        case .secNumCloudCatalogue:
          let snc = offering.certifications.secNumCloud
          if snc?.status != .qualified {
            findings.append(Finding(offering: id, message: "the catalogue qualifies \(match.record.holder) — \(match.record.service ?? "?") but the catalog says SecNumCloud \(snc?.status.rawValue ?? "unknown")"))
          }
          if let listed = match.record.validUntil, let known = snc?.validUntil.value, listed != known {
            findings.append(Finding(offering: id, message: "SecNumCloud end of validity: catalog \(known), catalogue \(listed)"))
          }
        case .hdsTransferMapping:
          break
        }
      }
    }
    // Offerings the catalog says are certified/qualified whose entity the list no longer names.
    let listedEntities = Set(result.matches.map(\.entityID))
    for offering in catalog.offerings where !covered.contains(offering.id) {
      switch parser {
      case .hdsList where offering.certifications.hds?.status == .certified && !listedEntities.contains(offering.contractingEntity):
        findings.append(Finding(offering: offering.id, message: "the catalog says HDS certified, but the list names no matching host (withdrawn, renamed, or an alias is missing)"))
      case .secNumCloudCatalogue where offering.certifications.secNumCloud?.status == .qualified:
        findings.append(Finding(offering: offering.id, message: "the catalog says SecNumCloud qualified, but the catalogue has no matching row"))
      default: break
      }
    }
    for record in result.unmatched {
      let closest = reconciler.closestNames(to: record)
      let hint = closest.isEmpty ? "" : " (closest catalog names: " + closest.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
      findings.append(Finding(offering: nil, message: "not in the catalog: \(SnapshotDiff.subject(record))\(hint)"))
    }
    return findings
  }
}
