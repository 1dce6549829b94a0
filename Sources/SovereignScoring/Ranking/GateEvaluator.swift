import SovereignCatalog

/// Evaluates the hard gates of a ``Requirements`` for one offering, from catalog facts and the
/// exposure engine, before the unknown policy is applied (see ``UnknownPolicyApplication``).
struct GateEvaluator {
  let catalog: Catalog
  let exposure: any ExposureAssessing
  let today: CalendarDate
  /// The EU Cloud Sovereignty Framework assessment of each offering, by id (filled only when the
  /// requirements have a CSF gate or criterion).
  var csf: [String: CSFAssessment] = [:]

  /// Every gate the requirements set, in a fixed order.
  func evaluate(_ offering: Offering, against requirements: Requirements) -> [(String, Evidence<GateVerdict>)] {
    var results: [(String, Evidence<GateVerdict>)] = []
    let gates = requirements.gates
    if !requirements.residency.isEmpty {
      results.append(("residency", residency(offering, allowed: requirements.residency)))
    }
    if requirements.effectiveHDSActivities != nil || gates.hdsReferential != nil {
      results.append(
        ("hds", hds(offering, activities: requirements.effectiveHDSActivities ?? [], referential: gates.hdsReferential)))
    }
    if let level = gates.secNumCloud, level != .any {
      results.append(("secnumcloud", secNumCloud(offering, level: level)))
    }
    for lawID in gates.immuneTo {
      guard let law = catalog.law(id: lawID) else { continue }
      let finding = exposure.exposure(of: offering, to: law)
      let verdict: GateVerdict =
        switch finding.verdict {
        case .exposed: .fail
        case .notExposed: .pass
        case .unknown: .unknown
        }
      results.append(
        ("immune_to:\(lawID)", Evidence(verdict, finding.detail, sources: finding.sources, evidence: Self.kind(of: finding), missingFacts: finding.missingFacts)))
    }
    if gates.secNumCloud196 {
      var check = exposure.secNumCloud196(of: offering)
      check.evidence = Self.kind(of: check)
      results.append(("secnumcloud_19_6", check))
    }
    if !gates.serviceTypes.isEmpty {
      let offered = offering.serviceTypes.map(\.rawValue).joined(separator: ", ")
      let wanted = gates.serviceTypes.map(\.rawValue).joined(separator: ", ")
      let matches = !Set(offering.serviceTypes).isDisjoint(with: gates.serviceTypes)
      results.append(
        ("service_types",
          Evidence(
            matches ? .pass : .fail, "service types \(offered); required one of \(wanted)",
            sources: offering.provenance.sources, evidence: offering.provenance.strongestKind)))
    }
    if !gates.capabilities.isEmpty {
      results.append(("capabilities", capabilities(offering, required: gates.capabilities)))
    }
    for (objective, minimum) in (gates.csfMinSeal ?? [:]).sorted(by: { $0.key < $1.key }) {
      results.append(
        ("csf_min_seal:\(objective)", CSFSealGate.evaluate(offering, objective: objective, minimum: minimum, assessment: csf[offering.id])))
    }
    if let minimum = gates.csfMinSealOverall {
      results.append(
        ("csf_min_seal_overall", CSFSealGate.evaluate(offering, objective: nil, minimum: minimum, assessment: csf[offering.id])))
    }
    return results.map { ($0.0, EvidenceFloor(minimum: requirements.evidence).apply($0.1)) }
  }

  /// The kind an assessor's verdict rests on; an assessor that names none (an `ExposureAssessing`
  /// written before grades) is judged by the weakest of its sources.
  static func kind<V>(of evidence: Evidence<V>) -> SourceKind? {
    evidence.evidence ?? SourceKind.weakest(evidence.sources.map(\.kind))
  }

  /// The set of country codes `residency` allows (groups expanded).
  func allowedCountries(_ residency: [String]) -> Set<String> {
    var allowed = Set<String>()
    for entry in residency {
      switch entry {
      case "EU": allowed.formUnion(catalog.countries.values.filter(\.isEU).map(\.code))
      case "EEA": allowed.formUnion(catalog.countries.values.filter(\.isEEA).map(\.code))
      default: allowed.insert(entry)
      }
    }
    return allowed
  }

  func residency(_ offering: Offering, allowed residency: [String]) -> Evidence<GateVerdict> {
    let sources = offering.regions.provenance.sources
    let wanted = residency.joined(separator: ", ")
    guard let regions = offering.regions.list.value, !regions.isEmpty else {
      return Evidence(
        .unknown, "no source lists where the offering stores data; required \(wanted)", sources: sources,
        missingFacts: ["the countries where \(offering.name) [\(offering.id)] stores data (regions: none listed)"])
    }
    let allowed = allowedCountries(residency)
    let countries = Array(Set(regions.map(\.country))).sorted()
    let inside = countries.filter(allowed.contains)
    if inside.isEmpty {
      return Evidence(
        .fail, "stores data in \(countries.joined(separator: ", ")) only; required \(wanted)", sources: sources,
        evidence: offering.regions.provenance.strongestKind)
    }
    return Evidence(
      .pass, "can store data in \(inside.joined(separator: ", ")) (required \(wanted))", sources: sources,
      evidence: offering.regions.provenance.strongestKind)
  }

  func hds(_ offering: Offering, activities required: [Int], referential: String?) -> Evidence<GateVerdict> {
    guard let hds = offering.certifications.hds, hds.status != .unknown else {
      return Evidence(
        .unknown, "no HDS certification is recorded for this offering (status unknown)",
        missingFacts: ["whether \(offering.name) [\(offering.id)] is HDS-certified, and for which activities (no HDS record)"])
    }
    let sources = hds.provenance.sources
    let kind = hds.provenance.strongestKind
    if hds.status == .notCertified {
      return Evidence(.fail, "not HDS-certified", sources: sources, evidence: kind)
    }
    // Known only from before a referential became mandatory (data/rules/): not known held.
    // Past its end date: not held (a known-bad fact, never scored like an unknown).
    let standing = CertificateCurrency.hds(hds, on: today, rules: catalog.rules)
    if standing.state == .expired {
      return Evidence(.fail, standing.reason + " (no renewal is recorded; not held)", sources: sources, evidence: kind)
    }
    if standing.state == .notKnownCurrent {
      let derived = standing.derivations.map { "; " + $0 }.joined()
      return Evidence(
        .unknown, standing.reason + derived, sources: sources,
        missingFacts: ["a current HDS certificate for \(offering.name) [\(offering.id)] (valid_until, referential 2.0)"])
    }
    var failures: [String] = []
    var unknowns: [String] = []
    var missing: [String] = []
    var passes: [String] = []
    if !required.isEmpty {
      let wanted = required.map(String.init).joined(separator: ", ")
      if let held = hds.activities.value {
        let missing = required.filter { !held.contains($0) }
        if missing.isEmpty {
          passes.append("HDS-certified for activities \(held.map(String.init).joined(separator: ", "))")
        } else {
          failures.append(
            "HDS-certified for activities \(held.map(String.init).joined(separator: ", ")) but not \(missing.map(String.init).joined(separator: ", ")) (required \(wanted))"
          )
        }
      } else {
        unknowns.append("HDS-certified but the certified activities are unknown (required \(wanted))")
        missing.append("the HDS activities certified for \(offering.name) [\(offering.id)] (activities: unknown)")
      }
    }
    if let referential {
      if let held = standing.referential.value {
        let heldRank = RequirementsReader.hdsReferentials.firstIndex(of: held) ?? -1
        let wantedRank = RequirementsReader.hdsReferentials.firstIndex(of: referential) ?? 0
        if heldRank >= wantedRank {
          passes.append("referential \(held)" + (standing.referentialRule.map { " (\($0.citation))" } ?? ""))
        } else {
          failures.append("HDS referential \(held), below the required \(referential)")
        }
      } else {
        unknowns.append("the HDS referential version is unknown (required \(referential) or later)")
        missing.append("the HDS referential version of \(offering.name) [\(offering.id)]'s certificate (referential: unknown)")
      }
    }
    var cited = sources
    for rule in standing.rules { cited += rule.provenance.sources.filter { !cited.contains($0) } }
    if !failures.isEmpty { return Evidence(.fail, (failures + unknowns).joined(separator: "; "), sources: cited, evidence: kind) }
    if !unknowns.isEmpty {
      return Evidence(.unknown, (unknowns + passes).joined(separator: "; "), sources: cited, missingFacts: missing)
    }
    return Evidence(.pass, passes.joined(separator: ", "), sources: cited, evidence: kind)
  }

  func secNumCloud(_ offering: Offering, level: Requirements.SecNumCloudRequirement) -> Evidence<GateVerdict> {
    guard let snc = offering.certifications.secNumCloud, snc.status != .unknown else {
      return Evidence(
        .unknown, "no SecNumCloud status is recorded for this offering (unknown)",
        missingFacts: ["whether \(offering.name) [\(offering.id)] is SecNumCloud-qualified (no SecNumCloud record)"])
    }
    let sources = snc.provenance.sources
    let kind = snc.provenance.strongestKind
    switch snc.status {
    case .qualified:
      let standing = CertificateCurrency.secNumCloud(snc, on: today, rules: catalog.rules)
      if standing.state == .expired {
        return Evidence(
          .fail, standing.reason + standing.derivations.map { "; " + $0 }.joined() + " (no renewal is recorded; not held)",
          sources: sources, evidence: kind)
      }
      if standing.state == .notKnownCurrent {
        return Evidence(
          .unknown, standing.reason + standing.derivations.map { "; " + $0 }.joined(), sources: sources,
          missingFacts: ["a current SecNumCloud qualification for \(offering.name) [\(offering.id)] (qualified_on or valid_until, referential 3.2)"])
      }
      let derived = standing.referentialRule.map { ", \($0.citation)" } ?? ""
      return Evidence(
        .pass, "SecNumCloud-qualified" + (standing.referential.value.map { " (referential \($0)\(derived))" } ?? ""),
        sources: sources, evidence: kind)
    case .inProgress:
      let milestone = snc.milestone.value.map { " (milestone \($0))" } ?? ""
      return level == .inProgress
        ? Evidence(.pass, "SecNumCloud qualification in progress\(milestone)", sources: sources, evidence: kind)
        : Evidence(.fail, "SecNumCloud qualification in progress\(milestone), not qualified", sources: sources, evidence: kind)
    case .none:
      return Evidence(.fail, "not SecNumCloud-qualified and not in the process", sources: sources, evidence: kind)
    case .unknown:
      return Evidence(
        .unknown, "SecNumCloud status unknown", sources: sources,
        missingFacts: ["whether \(offering.name) [\(offering.id)] is SecNumCloud-qualified (status: unknown)"])
    }
  }

  /// The catalog lists capabilities known to be offered; absence means "not known to be offered"
  /// (docs/catalog-format.md), so a capability that is not listed is `unknown`, never `fail`.
  func capabilities(_ offering: Offering, required: [String]) -> Evidence<GateVerdict> {
    let sources = offering.capabilities.provenance.sources
    let missing = required.filter { !offering.capabilities.list.contains($0) }
    if missing.isEmpty {
      return Evidence(
        .pass, "offers \(required.joined(separator: ", "))", sources: sources,
        evidence: offering.capabilities.provenance.strongestKind)
    }
    if sources.isEmpty {
      return Evidence(
        .unknown, "no source lists the offering's capabilities; required \(required.joined(separator: ", "))",
        missingFacts: missing.map { "whether \(offering.name) [\(offering.id)] offers \($0)" })
    }
    return Evidence(
      .unknown, "\(missing.joined(separator: ", ")) not listed among its documented capabilities (not known to be offered)",
      sources: sources, missingFacts: missing.map { "whether \(offering.name) [\(offering.id)] offers \($0)" })
  }
}
