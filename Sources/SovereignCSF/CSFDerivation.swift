import SovereignCatalog
import SovereignExposure

/// Answers derived from catalog facts, by rules written out in docs/csf.md. A rule narrows the
/// possible answers only as far as the facts go: an `exposed` verdict says the provider is reached
/// by a non-EU law, not which mitigation its contracts hold, so it leaves every answer that is
/// compatible with being reached. Facts that are unknown leave the criterion unknown.
///
/// Rules (criterion: facts → possible answers, worst = 0):
/// - SOV-1.1 EU/EEA legal entity control: a non-EU law reaches a providing entity through its
///   seat, headquarters or control → {0, 1}; every extraterritorial law `not-exposed` and every
///   providing entity seated in the EEA → {2, 3} (the catalog cannot tell "mostly" from
///   "entirely" when minority holders are outside the EU).
/// - SOV-2.1 primary legal jurisdiction: an entity seated outside the EEA → {0, 1}; all seated in
///   the EEA and a non-EU law reaches the offering → {1}; all in the EEA and no law reaches it → {2};
///   all in the EEA, reach unknown → {1, 2}.
/// - SOV-2.2 extraterritorial laws: any law `exposed` → {0, 1, 2}; every law `not-exposed` → {3, 4};
///   and with a current SecNumCloud qualification, whose § 19.6 ANSSI verifies → {4}.
/// - SOV-2.3 data access pathways: a law that compels access (`exposed`) → {0 … 3}; every law
///   `not-exposed` with a current SecNumCloud qualification → {4}.
/// - SOV-3.4 data location: a region outside the EEA → {0 … 3}; every region in the EEA and the
///   HDS 2.0 statements "stored only in the EEA" (req. 28) and "no access from outside the EEA"
///   (req. 29) → {4}; every region in the EEA with access from outside the EEA → {2, 3}; every
///   region in the EEA, the rest unknown → {2, 3, 4}.
/// - SOV-6.3 open-source availability: open-source stack `yes` → {2, 3, 4}; `no` → {0, 1}.
public struct CSFDerivation: Sendable {
  public let catalog: Catalog
  public let framework: CSFFramework
  /// The evaluation date: a SecNumCloud qualification past its end date counts as not held.
  public let asOf: CalendarDate

  public init(catalog: Catalog, framework: CSFFramework, asOf: CalendarDate) {
    self.catalog = catalog
    self.framework = framework
    self.asOf = asOf
  }

  /// The answers the facts decide or narrow for `offering`, given its exposure.
  public func answers(for offering: Offering, exposure: OfferingExposure) -> [CSFChoice] {
    let extraterritorial = catalog.laws.filter(\.extraterritorial).map(\.id)
    let verdicts = exposure.laws.filter { extraterritorial.contains($0.lawID) }
    let reached = verdicts.filter { $0.verdict == .exposed }
    let allClear = !verdicts.isEmpty && verdicts.allSatisfy { $0.verdict == .notExposed }
    let lawFacts = verdicts.map { "\($0.lawID): \($0.verdict.rawValue)" }
    // The facts about the offering's entities decide; the laws' own texts and commentaries are
    // the rule, not evidence about the provider, so they do not set the grade.
    let lawTexts = Set(catalog.laws.flatMap { $0.provenance.sources.map(\.url) })
    func evidence(of exposure: LawExposure) -> [Source] { exposure.sources.filter { !lawTexts.contains($0.url) } }
    let lawSources = verdicts.flatMap(evidence)
    let qualification = currentSecNumCloud(offering)
    let seat = exposure.seat
    var result: [CSFChoice] = []

    func add(_ id: String, _ possible: [Int], rule: String, facts: [String], sources: [Source]) {
      guard let criterion = framework.criterion(id: id) else { return }
      let valid = possible.filter { criterion.answers.indices.contains($0) }
      guard !valid.isEmpty, valid.count < criterion.answers.count else { return }
      let unique = Self.unique(sources)
      result.append(
        CSFChoice(
          criterionID: id, possible: valid,
          origin: .derived(rule: rule, facts: facts, sources: unique, grade: unique.map(\.grade).min())))
    }

    // SOV-1.1 and SOV-2.1: who controls the providing entities, where they are seated.
    let reachedByStructure = reached.filter { [.seat, .headquarters, .control].contains($0.rule) }
    if !reachedByStructure.isEmpty {
      add(
        "SOV-1.1", [0, 1], rule: "a non-EU law reaches a providing entity through its seat, headquarters or control",
        facts: reachedByStructure.map { "\($0.lawID): exposed (\($0.rule?.rawValue ?? "")): \($0.detail)" },
        sources: reachedByStructure.flatMap(evidence))
    } else if allClear && seat.outsideEEA == .no {
      add(
        "SOV-1.1", [2, 3], rule: "every extraterritorial law not-exposed and every providing entity seated in the EEA",
        facts: lawFacts + ["seat: \(seat.detail)"], sources: lawSources + seat.sources)
    }
    switch seat.outsideEEA {
    case .yes:
      add("SOV-2.1", [0, 1], rule: "a providing entity is seated outside the EEA", facts: ["seat: \(seat.detail)"], sources: seat.sources)
    case .no where !reached.isEmpty:
      add(
        "SOV-2.1", [1], rule: "seated in the EEA, and a non-EU law reaches the offering (mixed jurisdiction)",
        facts: ["seat: \(seat.detail)"] + reached.map { "\($0.lawID): exposed" },
        sources: seat.sources + reached.flatMap(evidence))
    case .no where allClear:
      add(
        "SOV-2.1", [2], rule: "seated in the EEA and no non-EU law reaches the offering",
        facts: ["seat: \(seat.detail)"] + lawFacts, sources: seat.sources + lawSources)
    case .no:
      add(
        "SOV-2.1", [1, 2], rule: "seated in the EEA; whether a non-EU law also reaches the offering is unknown",
        facts: ["seat: \(seat.detail)"], sources: seat.sources)
    default:
      break
    }

    // SOV-2.2 and SOV-2.3: extraterritorial laws and the access they compel.
    if !reached.isEmpty {
      let facts = reached.map { "\($0.lawID): exposed: \($0.detail)" }
      let sources = reached.flatMap(evidence)
      add("SOV-2.2", [0, 1, 2], rule: "a non-EU law with cross-border reach reaches the offering", facts: facts, sources: sources)
      add("SOV-2.3", [0, 1, 2, 3], rule: "a non-EU law can compel access to the data", facts: facts, sources: sources)
    } else if allClear, let qualification {
      let facts = lawFacts + ["SecNumCloud: qualified until \(qualification.validUntil.value.map(\.description) ?? "unknown")"]
      let sources = lawSources + qualification.provenance.sources
      add(
        "SOV-2.2", [4], rule: "no non-EU law reaches the offering and ANSSI verified § 19.6 (current SecNumCloud qualification)",
        facts: facts, sources: sources)
      add(
        "SOV-2.3", [4], rule: "no non-EU law reaches the offering and ANSSI verified § 19.6 (current SecNumCloud qualification)",
        facts: facts, sources: sources)
    } else if allClear {
      add("SOV-2.2", [3, 4], rule: "every extraterritorial law not-exposed", facts: lawFacts, sources: lawSources)
    }

    // SOV-3.4: data location.
    if case .known(let regions) = offering.regions.list, !regions.isEmpty {
      let outside = regions.filter { !catalog.isEEA($0.country) }.map(\.country)
      let transparency = exposure.transparency
      let regionFact = "regions: " + regions.map(\.country).joined(separator: ", ")
      if !outside.isEmpty {
        add(
          "SOV-3.4", [0, 1, 2, 3], rule: "the offering has regions outside the EEA", facts: [regionFact],
          sources: offering.regions.provenance.sources)
      } else if transparency.eeaOnlyStorage == .yes && transparency.nonEEAAccess == .no {
        add(
          "SOV-3.4", [4], rule: "every region in the EEA, stored only in the EEA (HDS req. 28), no access from outside it (req. 29)",
          facts: [regionFact, "eea_only_storage: yes", "non_eea_access: no"],
          sources: offering.regions.provenance.sources + transparency.sources)
      } else if transparency.nonEEAAccess == .yes {
        add(
          "SOV-3.4", [2, 3], rule: "every region in the EEA, but access from outside the EEA (HDS req. 29)",
          facts: [regionFact, "non_eea_access: yes"], sources: offering.regions.provenance.sources + transparency.sources)
      } else {
        add(
          "SOV-3.4", [2, 3, 4], rule: "every region in the EEA; storage fallback and outside access not published",
          facts: [regionFact], sources: offering.regions.provenance.sources)
      }
    }

    // SOV-6.3: open source.
    switch offering.openSourceStack.value {
    case .yes:
      add("SOV-6.3", [2, 3, 4], rule: "the offering runs on an open-source stack", facts: ["open_source_stack: yes"],
          sources: offering.openSourceStack.provenance.sources)
    case .no:
      add("SOV-6.3", [0, 1], rule: "the offering does not run on an open-source stack", facts: ["open_source_stack: no"],
          sources: offering.openSourceStack.provenance.sources)
    case .unknown:
      break
    }
    return result
  }

  /// The offering's SecNumCloud qualification when it is current on the evaluation date (the
  /// catalog's one currency rule, ``CertificateCurrency``, with its derivation rules).
  func currentSecNumCloud(_ offering: Offering) -> SecNumCloudQualification? {
    guard let snc = offering.certifications.secNumCloud, snc.status == .qualified,
      CertificateCurrency.secNumCloud(snc, on: asOf, rules: catalog.rules).isCurrent
    else { return nil }
    return snc
  }

  static func unique(_ sources: [Source]) -> [Source] {
    var seen: Set<String> = []
    return sources.filter { seen.insert($0.url).inserted }
  }
}
