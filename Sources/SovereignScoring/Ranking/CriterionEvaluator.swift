import SovereignCatalog

/// The raw value of a criterion for one offering: a number in [0, 1] (higher is better), how it
/// was computed, and the sources of the facts used. Definitions: ``CriterionKind/summary`` and
/// `docs/ranking.md`. An unknown fact earns no credit (counts 0): the catalog never guesses.
public struct CriterionValue: Sendable, Hashable {
  public var raw: Double
  public var explanation: String
  public var sources: [Source]
}

/// Computes ``CriterionValue``s from catalog facts and the exposure engine.
struct CriterionEvaluator {
  let catalog: Catalog
  let exposure: any ExposureAssessing
  let today: CalendarDate

  /// Capabilities with an open standard interface, used as the portability proxy of `openness`.
  static let portableCapabilities = [
    "kubernetes", "object-storage", "managed-postgresql", "managed-mysql", "private-cloud-openstack",
  ]

  func value(_ kind: CriterionKind, for offering: Offering, requirements: Requirements) -> CriterionValue {
    switch kind {
    case .sovereignty: sovereignty(offering)
    case .certifications: certifications(offering)
    case .capabilities: capabilities(offering, wanted: requirements.niceToHave)
    case .openness: openness(offering)
    }
  }

  /// Extraterritorial laws of non-EU jurisdictions in the catalog.
  var foreignLaws: [Law] {
    catalog.laws.filter { law in law.extraterritorial && !law.jurisdiction.allSatisfy { catalog.isEU($0) } }
  }

  func sovereignty(_ offering: Offering) -> CriterionValue {
    var parts: [Double] = []
    var words: [String] = []
    var sources: [Source] = []
    let laws = foreignLaws
    if !laws.isEmpty {
      let findings = laws.map { exposure.exposure(of: offering, to: $0) }
      let clear = findings.filter { $0.verdict == .notExposed }.count
      parts.append(Double(clear) / Double(laws.count))
      let reached = zip(laws, findings).filter { $0.1.verdict == .exposed }.map(\.0.id)
      let unknown = zip(laws, findings).filter { $0.1.verdict == .unknown }.map(\.0.id)
      words.append(
        "\(clear)/\(laws.count) foreign laws known not to reach it"
          + (reached.isEmpty ? "" : "; reached by \(reached.joined(separator: ", "))")
          + (unknown.isEmpty ? "" : "; unknown for \(unknown.joined(separator: ", "))"))
      sources += findings.flatMap(\.sources)
    }
    let check = exposure.secNumCloud196(of: offering)
    parts.append(check.verdict == .pass ? 1 : 0)
    words.append("19.6 check \(check.verdict.rawValue)")
    sources += check.sources
    let entity = catalog.entities[offering.contractingEntity]
    let seat = entity?.seat.value
    let headquarters = entity?.headquarters.value
    parts.append(seat.map { catalog.isEU($0) ? 1 : 0 } ?? 0)
    parts.append(headquarters.map { catalog.isEU($0) ? 1 : 0 } ?? 0)
    words.append("seat \(seat ?? "unknown"), headquarters \(headquarters ?? "unknown") (\(offering.contractingEntity))")
    sources += entity?.provenance.sources ?? []
    return CriterionValue(raw: WeightedSum.sum(parts) / Double(parts.count), explanation: words.joined(separator: "; "), sources: Self.unique(sources))
  }

  func certifications(_ offering: Offering) -> CriterionValue {
    let certs = offering.certifications
    var sources: [Source] = []
    var hdsPart = 0.0
    var hdsWords = "HDS: none recorded"
    if let hds = certs.hds {
      sources += hds.provenance.sources
      if hds.status == .certified, CertificateCurrency.hds(hds, on: today, rules: catalog.rules).isCurrent {
        let activities = hds.activities.value ?? []
        hdsPart = Double(Set(activities).count) / 6
        hdsWords = hds.activities.isKnown ? "HDS activities \(activities.count)/6" : "HDS certified, activities unknown (0)"
      } else {
        hdsWords = "HDS \(hds.status.rawValue)"
      }
    }
    var sncPart = 0.0
    var sncWords = "SecNumCloud: none recorded"
    if let snc = certs.secNumCloud {
      sources += snc.provenance.sources
      let expired = CertificateCurrency.secNumCloud(snc, on: today, rules: catalog.rules).state == .expired
      sncPart = snc.status == .qualified && !expired ? 1 : snc.status == .inProgress ? 0.5 : 0
      sncWords = "SecNumCloud \(snc.status.rawValue)\(expired ? " (expired)" : "")"
    }
    let others = Set(
      certs.others.filter { $0.status == .certified && !($0.validUntil.value.map { $0 < today } ?? false) }.map(\.scheme))
    sources += certs.others.flatMap(\.provenance.sources)
    let othersPart = Double(min(others.count, 4)) / 4
    let othersWords = "other schemes \(others.count) (\(others.sorted().joined(separator: ", ")))"
    return CriterionValue(
      raw: WeightedSum.sum([hdsPart, sncPart, othersPart]) / 3,
      explanation: [hdsWords, sncWords, othersWords].joined(separator: "; "), sources: Self.unique(sources))
  }

  func capabilities(_ offering: Offering, wanted: [String]) -> CriterionValue {
    let sources = offering.capabilities.provenance.sources
    guard !wanted.isEmpty else {
      return CriterionValue(raw: 1, explanation: "no nice_to_have capabilities requested", sources: [])
    }
    let have = wanted.filter(offering.capabilities.list.contains)
    let missing = wanted.filter { !offering.capabilities.list.contains($0) }
    return CriterionValue(
      raw: Double(have.count) / Double(wanted.count),
      explanation: "\(have.count)/\(wanted.count) nice-to-have"
        + (have.isEmpty ? "" : ": \(have.joined(separator: ", "))")
        + (missing.isEmpty ? "" : "; not listed: \(missing.joined(separator: ", "))"),
      sources: sources)
  }

  func openness(_ offering: Offering) -> CriterionValue {
    let stack = offering.openSourceStack.value
    let portable = Self.portableCapabilities.filter(offering.capabilities.list.contains)
    let raw = WeightedSum.sum([stack == .yes ? 1 : 0, portable.isEmpty ? 0 : 1]) / 2
    return CriterionValue(
      raw: raw,
      explanation: "open-source stack \(stack.rawValue); portable interfaces: "
        + (portable.isEmpty ? "none listed" : portable.joined(separator: ", ")),
      sources: Self.unique(offering.openSourceStack.provenance.sources + offering.capabilities.provenance.sources))
  }

  static func unique(_ sources: [Source]) -> [Source] {
    var seen = Set<String>()
    return sources.filter { seen.insert($0.id + " " + $0.url).inserted }
  }
}
