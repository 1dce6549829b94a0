import SovereignCatalog

/// Flags facts an offering's verdicts rest on that may no longer hold: certificates past their
/// valid-until date (`expired: ...`, counted as not held) or ending within 90 days of `today`
/// (`expiring: ...`), sources whose as-of date is more than `maximumAgeDays` before `today`
/// (`stale: ...`), and sources dated after `today` (`later: ...`, when judging as of a past day).
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
    var later: [Source] = []
    for source in provenances.flatMap(\.sources).uniqueCitations() {
      let age = source.asOf.days(until: today)
      if age > maximumAgeDays {
        flags.append("stale: source `\(source.id)` is as of \(source.asOf) (\(age) days old, more than \(maximumAgeDays))")
      } else if age < 0 {
        later.append(source)
      }
    }
    if let latest = later.map(\.asOf).max() {
      // Judging as of a past day with facts read later: say so rather than pretend they were known then.
      flags.append(
        "later: \(later.count) source\(later.count == 1 ? " is" : "s are") dated after \(today) (latest \(latest): "
          + later.map { "`\($0.id)`" }.joined(separator: ", ") + ")")
    }
    return flags
  }
}
