import SovereignCatalog
import SovereignExposure

/// Builds a ``CoverageReport`` from a catalog as of a date. Pure: the same catalog and date give
/// the same report. Certificate currency and derived facts come from ``CertificateCurrency`` and
/// the catalog's rules; the CLOUD Act verdict and control from the exposure engine.
public struct CoverageAnalysis: Sendable {
  public let catalog: Catalog
  public let date: CalendarDate
  /// Provider-file sources older than this many days are listed as stale (default 365).
  public var staleAfterDays = 365
  /// Certificates ending within this many days are listed (default 90).
  public var expiringWithinDays = 90

  /// The law whose verdict the report counts.
  public static let cloudActLawID = "us-cloud-act"

  public init(catalog: Catalog, date: CalendarDate) {
    self.catalog = catalog
    self.date = date
  }

  public func report() -> CoverageReport {
    let engine = ExposureEngine(catalog: catalog, asOf: date)
    var offerings: [OfferingCoverage] = []
    var totals: [CoverageFact: FactTotals] = [:]
    var expiring: [ExpiringCertificate] = []
    for offering in catalog.offerings {
      let facts = self.facts(of: offering, engine: engine)
      for (fact, coverage) in facts { totals[fact, default: FactTotals()].count(coverage) }
      offerings.append(OfferingCoverage(offeringID: offering.id, providerID: offering.providerID, name: offering.name, facts: facts))
      let certs = offering.certifications
      for (scheme, standing) in [
        ("hds", CertificateCurrency.hds(certs.hds, on: date, rules: catalog.rules)),
        ("secnumcloud", CertificateCurrency.secNumCloud(certs.secNumCloud, on: date, rules: catalog.rules)),
      ] where standing.expires(within: expiringWithinDays, of: date) {
        guard let end = standing.validUntil.value else { continue }
        expiring.append(
          ExpiringCertificate(
            offeringID: offering.id, scheme: scheme, validUntil: end, daysLeft: date.days(until: end),
            rule: standing.validUntilRule?.id))
      }
    }

    var byKind: [SourceKind: Int] = [:]
    var stale: [SourceAge] = []
    var seen = Set<String>()
    // A provider file's source reports a fact at its date, which may have changed since; a law's or
    // a rule's source is a text dated by its enactment, counted per kind but never stale.
    func count(_ sources: [Source], citedBy: String, ages: Bool = true) {
      for source in sources where seen.insert(citedBy + "\u{0}" + source.id + "\u{0}" + source.url).inserted {
        byKind[source.kind, default: 0] += 1
        let age = source.asOf.days(until: date)
        if ages && age > staleAfterDays {
          stale.append(SourceAge(citedBy: citedBy, id: source.id, url: source.url, kind: source.kind, asOf: source.asOf, ageDays: age))
        }
      }
    }
    var providers: [ProviderCoverage] = []
    for provider in catalog.providers {
      count(provider.sources, citedBy: "providers/\(provider.id)")
      let kinds = Dictionary(grouping: provider.sources, by: \.kind.rawValue).mapValues(\.count)
      providers.append(
        ProviderCoverage(
          id: provider.id, name: provider.name, offerings: provider.offerings.count, sources: provider.sources.count,
          sourcesByKind: Dictionary(uniqueKeysWithValues: SourceKind.allCases.map { ($0.rawValue, kinds[$0.rawValue] ?? 0) })))
    }
    for law in catalog.laws { count(law.provenance.sources, citedBy: "laws/\(law.id)", ages: false) }
    for rule in catalog.rules { count(rule.provenance.sources, citedBy: "rules/\(rule.id)", ages: false) }

    return CoverageReport(
      date: date, offerings: offerings, providers: providers, facts: totals, sourcesByKind: byKind,
      staleSources: stale.sorted { ($0.asOf, $0.citedBy, $0.id) < ($1.asOf, $1.citedBy, $1.id) },
      expiringCertificates: expiring.sorted { ($0.validUntil, $0.offeringID) < ($1.validUntil, $1.offeringID) },
      staleAfterDays: staleAfterDays, expiringWithinDays: expiringWithinDays,
      targets: CoverageTargets(offerings: offerings, catalog: catalog))
  }

  /// The deciding facts of one offering.
  func facts(of offering: Offering, engine: ExposureEngine) -> [CoverageFact: FactCoverage] {
    var facts: [CoverageFact: FactCoverage] = [:]
    let certs = offering.certifications

    // HDS: status, activities, referential, validity.
    let hdsKind = certs.hds?.provenance.strongestKind
    let hds = CertificateCurrency.hds(certs.hds, on: date, rules: catalog.rules)
    switch hds.state {
    case .unknown, .notKnownCurrent:
      facts[.hdsStatus] = FactCoverage(.unknown, value: hds.state == .notKnownCurrent ? "not-known-current" : nil)
    case .current: facts[.hdsStatus] = FactCoverage(.known, value: "certified", evidence: hdsKind)
    case .expired: facts[.hdsStatus] = FactCoverage(.known, value: "expired", evidence: hdsKind)
    case .notHeld: facts[.hdsStatus] = FactCoverage(.known, value: "not-certified", evidence: hdsKind)
    }
    if let record = certs.hds, record.status == .certified {
      facts[.hdsActivities] = record.activities.value.map {
        FactCoverage(.known, value: $0.map(String.init).joined(separator: ","), evidence: hdsKind)
      } ?? FactCoverage(.unknown)
      if let rule = hds.referentialRule, let value = hds.referential.value {
        facts[.hdsReferential] = FactCoverage(.derived, value: value, evidence: hdsKind, rule: rule.id)
      } else {
        facts[.hdsReferential] = record.referential.value.map { FactCoverage(.known, value: $0, evidence: hdsKind) } ?? FactCoverage(.unknown)
      }
      facts[.hdsValidity] = record.validUntil.value.map { FactCoverage(.known, value: "\($0)", evidence: hdsKind) } ?? FactCoverage(.unknown)
    } else {
      let state: CoverageState = certs.hds?.status == .notCertified ? .notApplicable : .unknown
      for fact in [CoverageFact.hdsActivities, .hdsReferential, .hdsValidity] { facts[fact] = FactCoverage(state) }
    }

    // SecNumCloud: status and validity.
    let sncKind = certs.secNumCloud?.provenance.strongestKind
    let snc = CertificateCurrency.secNumCloud(certs.secNumCloud, on: date, rules: catalog.rules)
    if snc.state == .notKnownCurrent {
      facts[.secNumCloudStatus] = FactCoverage(.unknown, value: "not-known-current")
    } else if let record = certs.secNumCloud, record.status != .unknown {
      let value = snc.state == .expired ? "expired" : record.status.rawValue
      facts[.secNumCloudStatus] = FactCoverage(.known, value: value, evidence: sncKind)
    } else {
      facts[.secNumCloudStatus] = FactCoverage(.unknown)
    }
    if certs.secNumCloud?.status == .qualified {
      if let end = snc.validUntil.value {
        facts[.secNumCloudValidity] = FactCoverage(
          snc.validUntilRule == nil ? .known : .derived, value: "\(end)", evidence: sncKind, rule: snc.validUntilRule?.id)
      } else {
        facts[.secNumCloudValidity] = FactCoverage(.unknown)
      }
    } else {
      facts[.secNumCloudValidity] = FactCoverage(certs.secNumCloud?.status == .unknown || certs.secNumCloud == nil ? .unknown : .notApplicable)
    }

    // Residency, capabilities.
    facts[.residency] = offering.regions.list.value.map {
      FactCoverage(.known, value: Array(Set($0.map(\.country))).sorted().joined(separator: ","), evidence: offering.regions.provenance.strongestKind)
    } ?? FactCoverage(.unknown)
    let caps = offering.capabilities
    facts[.capabilities] =
      caps.list.isEmpty || caps.provenance.isEmpty
      ? FactCoverage(.unknown) : FactCoverage(.known, value: "\(caps.list.count)", evidence: caps.provenance.strongestKind)

    // Contracting entity: seat and control.
    let entity = catalog.entities[offering.contractingEntity]
    facts[.contractingEntitySeat] = entity?.seat.value.map {
      FactCoverage(.known, value: $0, evidence: entity?.provenance.strongestKind)
    } ?? FactCoverage(.unknown)
    let control = engine.controlDecided(entityID: offering.contractingEntity)
    facts[.controlDecided] = control.decided ? FactCoverage(.known, value: "decided", evidence: control.evidence) : FactCoverage(.unknown)

    // Access countries (HDS 2.0 req. 29).
    let transparency = offering.hdsTransparency
    facts[.accessCountries] = transparency?.accessCountries.value.map {
      FactCoverage(.known, value: $0.isEmpty ? "none" : $0.joined(separator: ","), evidence: transparency?.provenance.strongestKind)
    } ?? FactCoverage(.unknown)

    // The US CLOUD Act verdict.
    if catalog.law(id: Self.cloudActLawID) == nil {
      facts[.usCloudAct] = FactCoverage(.notApplicable)
    } else if let law = engine.assess(offering: offering).exposure(to: Self.cloudActLawID), law.verdict != .unknown {
      facts[.usCloudAct] = FactCoverage(
        law.derived.isEmpty ? .known : .derived, value: law.verdict.rawValue, evidence: law.evidence, rule: law.derived.first)
    } else {
      facts[.usCloudAct] = FactCoverage(.unknown)
    }
    return facts
  }
}
