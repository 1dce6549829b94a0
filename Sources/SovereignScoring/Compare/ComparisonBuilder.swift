import SovereignCatalog
import SovereignExposure

/// Builds a ``Comparison`` from the catalog's facts and the exposure engine's verdicts (laws,
/// § 19.6 sub-criteria, transparency): it reads, it decides nothing itself.
public struct ComparisonBuilder: Sendable {
  public let catalog: Catalog
  public let date: CalendarDate
  private let engine: ExposureEngine

  /// `catalog` may carry assumptions (``Catalog/assuming(_:on:)``); they are reported.
  public init(catalog: Catalog, date: CalendarDate) {
    self.catalog = catalog
    self.date = date
    self.engine = ExposureEngine(catalog: catalog, asOf: date)
  }

  /// The comparison of `offerings`, in that order.
  public func compare(_ offerings: [Offering]) -> Comparison {
    let exposures = offerings.map(engine.assess(offering:))
    var rows: [Comparison.Row] = []
    func row(_ key: String, _ section: Comparison.Section, _ label: String, _ cell: (Offering, OfferingExposure) -> Comparison.Cell) {
      rows.append(Comparison.Row(key: key, section: section, label: label, cells: zip(offerings, exposures).map(cell)))
    }
    let unknown = Comparison.Cell(value: "unknown")

    // Provider
    row("provider", .provider, "provider") { offering, _ in
      let provider = catalog.provider(id: offering.providerID)
      return Comparison.Cell(value: provider?.name ?? offering.providerID, sources: offering.provenance.sources)
    }
    row("contracting_entity", .provider, "contracting entity") { offering, _ in
      guard let entity = catalog.entities[offering.contractingEntity] else { return Comparison.Cell(value: offering.contractingEntity) }
      return Comparison.Cell(
        value: "\(entity.name) (seat \(entity.seat))", evidence: entity.provenance.strongestKind, sources: entity.provenance.sources)
    }
    row("seat_outside_eu", .provider, "seat outside the EU") { _, exposure in
      Comparison.Cell(
        value: exposure.seat.outsideEU.rawValue, sources: exposure.seat.sources,
        detail: exposure.seat.missingFacts.first.map { "missing: \($0)" })
    }
    row("service_types", .provider, "service types") { offering, _ in
      Comparison.Cell(value: offering.serviceTypes.map(\.rawValue).joined(separator: ","), sources: offering.provenance.sources)
    }

    // HDS
    func hds(_ offering: Offering, _ value: (HDSCertification) -> String) -> Comparison.Cell {
      guard let cert = offering.certifications.hds else { return unknown }
      let text = value(cert)
      return Comparison.Cell(
        value: text, evidence: text == "unknown" ? nil : cert.provenance.strongestKind, sources: cert.provenance.sources)
    }
    row("hds.status", .hds, "HDS status") { offering, _ in hds(offering) { $0.status.rawValue } }
    row("hds.activities", .hds, "HDS activities (1-6)") { offering, _ in
      hds(offering) { $0.activities.value.map { $0.map(String.init).joined(separator: ",") } ?? "unknown" }
    }
    row("hds.referential", .hds, "HDS referential") { offering, _ in hds(offering) { $0.referential.description } }
    row("hds.valid_until", .hds, "HDS valid until") { offering, _ in
      hds(offering) { cert in
        guard let end = cert.validUntil.value else { return "unknown" }
        return end.description + (end < date ? " (expired)" : "")
      }
    }

    // SecNumCloud
    func snc(_ offering: Offering, _ value: (SecNumCloudQualification) -> String) -> Comparison.Cell {
      guard let q = offering.certifications.secNumCloud else { return unknown }
      let text = value(q)
      return Comparison.Cell(value: text, evidence: text == "unknown" ? nil : q.provenance.strongestKind, sources: q.provenance.sources)
    }
    row("secnumcloud.status", .secnumcloud, "SecNumCloud status") { offering, _ in
      snc(offering) { q in q.status.rawValue + (q.status == .inProgress ? q.milestone.value.map { " (\($0))" } ?? "" : "") }
    }
    row("secnumcloud.referential", .secnumcloud, "SecNumCloud referential") { offering, _ in snc(offering) { $0.referential.description } }
    row("secnumcloud.valid_until", .secnumcloud, "SecNumCloud valid until") { offering, _ in
      snc(offering) { q in
        guard let end = q.validUntil.value else { return "unknown" }
        return end.description + (end < date ? " (expired)" : "")
      }
    }

    // Laws: those of the United States first (the CLOUD Act decides most files), then by id.
    let laws = catalog.laws.sorted { ($0.jurisdiction.contains("US") ? 0 : 1, $0.id) < ($1.jurisdiction.contains("US") ? 0 : 1, $1.id) }
    for law in laws {
      row("law.\(law.id)", .laws, law.id) { _, exposure in
        guard let verdict = exposure.exposure(to: law.id) else { return unknown }
        let detail = verdict.verdict == .unknown ? verdict.missingFacts.first.map { "missing: \($0)" } : verdict.path?.description
        return Comparison.Cell(value: verdict.verdict.rawValue, evidence: verdict.evidence, sources: verdict.sources, detail: detail)
      }
    }

    // § 19.6
    row("secnumcloud_19_6", .secNumCloud196, "§ 19.6 overall") { _, exposure in
      Comparison.Cell(
        value: exposure.secNumCloud196.verdict.rawValue,
        evidence: exposure.secNumCloud196.verdict == .unknown
          ? nil : SourceKind.weakest(exposure.secNumCloud196.criteria.map(\.evidence)),
        sources: exposure.secNumCloud196.criteria.flatMap(\.sources).uniqued())
    }
    let criterionIDs = exposures.flatMap { $0.secNumCloud196.criteria.map(\.id) }.uniqued()
    for id in criterionIDs {
      row("secnumcloud_19_6.\(id)", .secNumCloud196, id) { _, exposure in
        guard let criterion = exposure.secNumCloud196.criteria.first(where: { $0.id == id }) else { return unknown }
        return Comparison.Cell(
          value: criterion.verdict.rawValue, evidence: criterion.evidence, sources: criterion.sources,
          detail: criterion.missingFacts.first.map { "missing: \($0)" })
      }
    }

    // Residency
    row("regions", .residency, "storage countries") { offering, _ in
      guard let regions = offering.regions.list.value else { return Comparison.Cell(value: "unknown", sources: offering.regions.provenance.sources) }
      return Comparison.Cell(
        value: regions.map(\.country).uniqued().joined(separator: ","), evidence: offering.regions.provenance.strongestKind,
        sources: offering.regions.provenance.sources)
    }
    row("eea_only_storage", .residency, "EEA-only storage declared (req. 28)") { offering, exposure in
      transparencyCell(offering, exposure.transparency.eeaOnlyStorage.rawValue)
    }

    // Access
    row("non_eea_access", .access, "access from outside the EEA (req. 29)") { offering, exposure in
      transparencyCell(offering, exposure.transparency.nonEEAAccess.rawValue)
    }
    row("access_countries", .access, "access countries") { _, exposure in
      let t = exposure.transparency
      let value = t.accessCountries.value.map { $0.isEmpty ? "none" : $0.joined(separator: ",") } ?? "unknown"
      return Comparison.Cell(
        value: value, evidence: value == "unknown" ? nil : Provenance(t.sources).strongestKind, sources: t.sources,
        detail: t.remarks.first)
    }
    row("third_country_law_risk", .access, "third-country-law risk declared (req. 30)") { offering, exposure in
      transparencyCell(offering, exposure.transparency.thirdCountryLawRisk.rawValue)
    }

    // Subprocessors
    row("subprocessors", .subprocessors, "subprocessors (access)") { offering, _ in
      guard !offering.subprocessors.isEmpty else { return Comparison.Cell(value: "none listed") }
      let value = offering.subprocessors.map { sub in
        "\(catalog.entities[sub.entity]?.name ?? sub.entity) (access \(sub.access)\(sub.accessCountries.value.map { ", from " + $0.joined(separator: ",") } ?? ""))"
      }.joined(separator: "; ")
      let sources = offering.subprocessors.flatMap(\.provenance.sources).uniqued()
      return Comparison.Cell(value: value, evidence: Provenance(sources).strongestKind, sources: sources)
    }

    // Capabilities: one row per capability any of them is known to offer.
    let capabilities = offerings.flatMap(\.capabilities.list).uniqued().sorted()
    for capability in capabilities {
      row("capability.\(capability)", .capabilities, capability) { offering, _ in
        offering.capabilities.list.contains(capability)
          ? Comparison.Cell(value: "yes", evidence: offering.capabilities.provenance.strongestKind, sources: offering.capabilities.provenance.sources)
          : Comparison.Cell(value: "not known")
      }
    }

    let columns = offerings.map { offering in
      Comparison.Column(
        offeringID: offering.id, offeringName: offering.name, providerID: offering.providerID,
        providerName: catalog.provider(id: offering.providerID)?.name ?? offering.providerID)
    }
    return Comparison(date: date, columns: columns, rows: rows, assumptions: catalog.assumptions)
  }

  /// A fact of the offering's HDS 2.0 transparency block, with that block's sources.
  private func transparencyCell(_ offering: Offering, _ value: String) -> Comparison.Cell {
    let provenance = offering.hdsTransparency?.provenance ?? Provenance()
    return Comparison.Cell(value: value, evidence: value == "unknown" ? nil : provenance.strongestKind, sources: provenance.sources)
  }
}

extension Sequence where Element: Hashable {
  /// The elements in first-seen order, each once.
  fileprivate func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
