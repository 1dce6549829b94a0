import SovereignCatalog

/// Flags facts an offering's verdicts rest on that may no longer hold: certificates past their
/// valid-until date (`expired: ...`, counted as not held) or ending within 90 days of `today`
/// (`expiring: ...`), and sources whose as-of date is more than `maximumAgeDays` before `today`.
struct FactFlags {
  let catalog: Catalog
  let today: CalendarDate
  let maximumAgeDays: Int

  func flags(for offering: Offering) -> [String] {
    var flags = CertificateValidity.notices(for: offering, on: today).map(\.text)
    let certs = offering.certifications
    var provenances = [
      offering.provenance, offering.regions.provenance, offering.capabilities.provenance,
      offering.openSourceStack.provenance,
    ]
    provenances += [certs.hds?.provenance, certs.secNumCloud?.provenance, offering.hdsTransparency?.provenance].compactMap { $0 }
    provenances += certs.others.map(\.provenance)
    provenances += [catalog.entities[offering.contractingEntity]?.provenance].compactMap { $0 }
    var seen = Set<String>()
    for source in provenances.flatMap(\.sources) where seen.insert(source.id + " " + source.url).inserted {
      let age = source.asOf.days(until: today)
      if age > maximumAgeDays {
        flags.append("stale: source `\(source.id)` is as of \(source.asOf) (\(age) days old, more than \(maximumAgeDays))")
      }
    }
    return flags
  }
}
