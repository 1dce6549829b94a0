import SovereignCatalogCore

/// Decides, from the catalog's facts only, which non-EU laws reach an offering, whether its
/// providers' seat is outside the EU/EEA, whether they look eligible under SecNumCloud 3.2
/// § 19.6, and what they publish under HDS 2.0 requirements 28-31.
///
/// Pure: no I/O, no clock. Build one engine per catalog (the ownership analysis is computed once)
/// and call ``assess(offering:)`` for each offering.
///
/// ```swift
/// let engine = ExposureEngine(catalog: try Catalog.bundled())
/// let result = engine.assess(offering: offering)
/// result.verdict(for: "us-cloud-act")   // .exposed / .notExposed / .unknown
/// result.secNumCloud196.verdict         // .pass / .fail / .unknown
/// ```
///
/// Entities examined for an offering: its contracting entity, its operators, and its
/// subprocessors whose access to the data is `yes` or `unknown` (not `no`).
///
/// How a law's verdict is reached (each law lists its reach rules in `data/laws/<id>.yaml`):
/// - `seat` / `headquarters`: an examined entity's country is in the law's jurisdiction.
/// - `control`: an examined entity is controlled, directly or through controlled entities, by an
///   entity whose seat or headquarters is in the jurisdiction. Control = more than 50 % of capital
///   or votes (summed with the entities the holder controls), a veto right, the right to appoint
///   the board majority, or `controlling: yes`. A public float never controls.
/// - `access`: the offering's declared access countries (`hds_transparency.access_countries`) or a
///   subprocessor's access countries include the jurisdiction.
/// - A law with `extraterritorial: no` reaches only data stored (regions) or accessed in its country.
/// `exposed` needs a complete sourced path. `unknown` whenever a fact that could complete a path is
/// missing: an unknown country, percentage, veto or board right, owners not known to be complete
/// (`owners_complete` not `yes` and listed capital not adding up to 100 %), unknown access countries.
/// `not-exposed` only when every such fact is known — or when the offering holds a current
/// SecNumCloud 3.2 qualification, which settles the doubts about non-EU control and non-EU
/// access (see ``SecNumCloudEvidence``); a sourced path to a law still wins over it, and a sourced
/// fact failing § 19.6 is a conflict that sets the attestation aside (``AttestationConflict``).
///
/// Every `exposed` / `not-exposed` verdict (and every decided 19.6 sub-criterion) carries the
/// kind of source its weakest deciding fact rests on (``LawExposure/evidence``), and the ids of
/// the catalog's derivation rules it used (``LawExposure/derived``).
public struct ExposureEngine: Sendable {
  public let catalog: Catalog
  /// The day the verdicts are for: a qualification that ended before it is not evidence. Nil:
  /// validity dates are not checked (the engine stays free of the clock; the CLI passes today).
  public let asOf: CalendarDate?
  private let graph: OwnershipGraph
  private let control: ControlAnalysis
  /// Findings about one entity, the same in every offering it takes part in.
  private let controlMemo = SharedMemo<LawEvaluator.ControlKey, LawEvaluator.ControlOutcome>()
  private let entityMemo = SharedMemo<SecNumCloudCheck.EntityKey, CheckFindings>()

  public init(catalog: Catalog, asOf: CalendarDate? = nil) {
    self.catalog = catalog
    self.asOf = asOf
    self.graph = OwnershipGraph(catalog: catalog)
    self.control = ControlAnalysis(graph: graph)
  }

  /// Everything the engine concludes about one offering.
  public func assess(offering: Offering) -> OfferingExposure { assess(offering: offering, ownership: true) }

  /// The ownership reports of the entities that provide `offering` (``OfferingExposure/ownership``).
  public func ownershipReports(of offering: Offering) -> [OwnershipReport] {
    providingEntities(of: offering).compactMap { ownershipReport($0) }
  }

  /// ``assess(offering:)``, with the ownership reports only when `ownership` is true (else
  /// empty): no verdict reads them, and they are about 6 % of the work (the ranking adds them
  /// only when it gives the whole assessment, with ``ownershipReports(of:)``).
  public func assess(offering: Offering, ownership: Bool) -> OfferingExposure {
    dated(assess(offering: offering, basis: Self.basis(of: offering, on: asOf, rules: catalog.rules), ownership: ownership), of: offering)
  }

  /// What an assessment depends on besides the catalog's facts: the offering's SecNumCloud
  /// qualification as evidence on the day (current and under 3.2, with the rules that derived its
  /// referential or end), or none. The engine reads the day only to find it (``basis(of:on:rules:)``),
  /// so two days with equal bases give the same assessment but for what ``dated(_:of:)`` sets:
  /// an assessment can be made ahead of time and reused on every day with its basis (the build
  /// does it for the bundled catalog, see ``ExposureArchive``).
  public struct Basis: Sendable, Hashable {
    let evidence: SecNumCloudEvidence?

    /// No SecNumCloud evidence: the basis of every offering not recorded as qualified, on every
    /// day, and of a qualified one on a day its qualification is not current under 3.2.
    public static let none = Basis(evidence: nil)

    /// True when the offering's SecNumCloud qualification is evidence on the day.
    public var hasQualificationEvidence: Bool { evidence != nil }
  }

  /// The basis of `offering`'s assessment on `day` (nil: validity dates not checked) under `rules`.
  public static func basis(of offering: Offering, on day: CalendarDate?, rules: [DerivationRule]) -> Basis {
    Basis(evidence: SecNumCloudEvidence(offering: offering, asOf: day, rules: rules))
  }

  /// The assessment of `offering` on any day whose basis is `basis`, without the day itself and
  /// what depends on it (``dated(_:of:)`` adds them); with the ownership reports only when
  /// `ownership` is true.
  public func assess(offering: Offering, basis: Basis, ownership: Bool) -> OfferingExposure {
    let providing = providingEntities(of: offering)
    let examined = providing + offering.subprocessors.compactMap { sub -> ExaminedEntity? in
      switch sub.access {
      case .yes: return ExaminedEntity(id: sub.entity, role: .subprocessorWithAccess, roleSources: sub.provenance.sources)
      case .unknown: return ExaminedEntity(id: sub.entity, role: .subprocessorAccessUnknown, roleSources: sub.provenance.sources)
      case .no: return nil
      }
    }
    let evaluator = LawEvaluator(graph: graph, control: control, controlMemo: controlMemo)
    let check = SecNumCloudCheck(graph: graph, control: control, entityMemo: entityMemo)
    var judged = offering
    var conflicts: [AttestationConflict] = []
    let qualification = basis.evidence
    var secNumCloud196 = check.evaluate(providing: providing, offering: offering, evidence: qualification)
    if let evidence = qualification {
      // A sourced fact failing § 19.6 contradicts the qualification: the fact wins and the
      // attestation settles nothing else for this offering (AttestationConflict.rule).
      conflicts = AttestationConflict.find(in: secNumCloud196, qualificationSources: evidence.sources)
      if !conflicts.isEmpty {
        judged.certifications.secNumCloud = nil
        secNumCloud196 = check.evaluate(providing: providing, offering: judged, evidence: nil)
      }
    }
    var result = OfferingExposure(
      offeringID: offering.id, offeringName: offering.name, providerID: offering.providerID,
      // The laws are judged on `judged`: its qualification is the evidence unless a conflict set it aside.
      laws: catalog.laws.map {
        evaluator.evaluate($0, offering: judged, examined: examined, qualification: conflicts.isEmpty ? qualification : nil)
      },
      seat: seatFact(providing), secNumCloud196: secNumCloud196,
      transparency: transparency(of: offering),
      ownership: ownership ? providing.compactMap { ownershipReport($0) } : [])
    result.conflicts = conflicts
    return result
  }

  /// `offering`'s assessment on this engine's day taken from `made` (assessments made ahead of
  /// time by an engine on this catalog, e.g. the build's, ``ExposureArchive``), dated; nil when
  /// none of them was made on the basis `offering` has on this day. Without the ownership
  /// reports when those were made without them.
  public func assessment(of offering: Offering, from made: [ExposureArchive.Entry]) -> OfferingExposure? {
    let basis = Self.basis(of: offering, on: asOf, rules: catalog.rules)
    for entry in made where entry.assessment.offeringID == offering.id {
      let madeOn = entry.basisDay.map { Self.basis(of: offering, on: $0, rules: catalog.rules) } ?? .none
      if madeOn == basis { return dated(entry.assessment, of: offering) }
    }
    return nil
  }

  /// `assessment`, made by ``assess(offering:basis:ownership:)`` on this engine's catalog, as of
  /// this engine's day: the day itself, the certificates expired or ending within 90 days, and the
  /// catalog's assumptions. Equal to ``assess(offering:ownership:)`` when the basis is that of
  /// `offering` on this day.
  public func dated(_ assessment: OfferingExposure, of offering: Offering) -> OfferingExposure {
    var result = assessment
    result.asOf = asOf
    result.assumptions = catalog.assumptions.isEmpty ? nil : catalog.assumptions
    result.certificates = asOf.map { CertificateValidity.notices(for: offering, on: $0) } ?? []
    return result
  }

  /// Every offering of a provider, in file order.
  public func assess(provider: Provider) -> [OfferingExposure] {
    provider.offerings.map(assess(offering:))
  }

  /// Who ultimately controls an entity, who holds it directly or indirectly, and the cycles above it.
  public func ownership(of entityID: String) -> OwnershipReport? {
    ownershipReport(ExaminedEntity(id: entityID, role: .contracting, roleSources: []), role: "entity")
  }

  /// Whether the catalog's facts decide who controls an entity: every holder that may control it
  /// certainly does or certainly does not, and the owners of it and of every possible controller
  /// are known to be complete. Also returns the kind of source the weakest fact read rests on.
  public func controlDecided(entityID: String) -> (decided: Bool, evidence: SourceKind?) {
    guard let entity = graph.entity(entityID) else { return (false, nil) }
    let possible = control.possibleControllers(of: entityID)
    var kinds: [SourceKind?] = []
    var complete = true
    for id in [entityID] + possible.sorted() {
      guard let holder = graph.entity(id) else { continue }
      kinds.append(holder.provenance.strongestKind)
      kinds += holder.owners.map(\.provenance.strongestKind)
      if !graph.ownersKnownComplete(holder) { complete = false }
    }
    let decided = possible == control.certainControllers(of: entity.id) && complete
    return (decided, decided ? SourceKind.weakest(kinds) : nil)
  }

  // MARK: - Parts

  private func providingEntities(of offering: Offering) -> [ExaminedEntity] {
    var result = [ExaminedEntity(id: offering.contractingEntity, role: .contracting, roleSources: offering.provenance.sources)]
    for id in offering.operators where !result.contains(where: { $0.id == id }) {
      result.append(ExaminedEntity(id: id, role: .operator, roleSources: offering.provenance.sources))
    }
    return result
  }

  private func seatFact(_ providing: [ExaminedEntity]) -> SeatFact {
    var details: [String] = []
    var missing: [String] = []
    var sources: [Source] = []
    var outsideEU: [TriState] = []
    var outsideEEA: [TriState] = []
    for item in providing {
      guard let entity = graph.entity(item.id) else { continue }
      merge(entity.provenance.sources, into: &sources)
      details.append("\(entity.name) (\(item.role.words)): seat \(entity.seat), headquarters \(graph.headquarters(of: entity))")
      let codes = [entity.seat.value, graph.headquarters(of: entity).value]
      for (field, code) in zip(["seat", "headquarters"], codes) where code == nil {
        missing.append("the \(field) country of \(entity.name) [\(entity.id)] (\(field): unknown)")
      }
      func outside(_ member: (String) -> Bool) -> TriState {
        if codes.contains(where: { $0.map { !member($0) } ?? false }) { return .yes }
        return codes.allSatisfy { $0 != nil } ? .no : .unknown
      }
      outsideEU.append(outside(catalog.isEU))
      outsideEEA.append(outside(catalog.isEEA))
    }
    func any(_ values: [TriState]) -> TriState {
      values.contains(.yes) ? .yes : values.allSatisfy { $0 == .no } && !values.isEmpty ? .no : .unknown
    }
    let eu = any(outsideEU)
    return SeatFact(
      outsideEU: eu, outsideEEA: any(outsideEEA), detail: details.joined(separator: "; "),
      missingFacts: eu == .unknown ? missing : [], sources: sources)
  }

  private func transparency(of offering: Offering) -> TransparencySummary {
    let t = offering.hdsTransparency
    var remarks: [String] = []
    let outside = offering.regions.list.value?.map(\.country).filter { !catalog.isEEA($0) } ?? []
    let uniqueOutside = Array(Set(outside)).sorted()
    if t == nil { remarks.append("The catalog records no HDS 2.0 transparency publication for this offering (all unknown).") }
    if t?.eeaOnlyStorage == .yes && !uniqueOutside.isEmpty {
      remarks.append("EEA-only storage is declared, but the offering lists regions outside the EEA: \(uniqueOutside.joined(separator: ", ")).")
    }
    var countries = t?.accessCountries ?? .unknown
    let subCountries = offering.subprocessors.filter { $0.access != .no }.map(\.accessCountries)
    if case .known(let declared) = countries {
      var all = declared
      for case .known(let list) in subCountries { all += list.filter { !all.contains($0) } }
      countries = .known(all)
      if subCountries.contains(.unknown) { remarks.append("Some subprocessors' access countries are unknown.") }
    }
    if let access = countries.value, t?.nonEEAAccess == .no, let foreign = access.first(where: { !catalog.isEEA($0) }) {
      remarks.append("No access from outside the EEA is declared, yet access from \(foreign) is recorded.")
    }
    var sources = t?.provenance.sources ?? []
    for sub in offering.subprocessors where sub.access != .no { merge(sub.provenance.sources, into: &sources) }
    return TransparencySummary(
      published: t != nil, eeaOnlyStorage: t?.eeaOnlyStorage ?? .unknown, nonEEAAccess: t?.nonEEAAccess ?? .unknown,
      accessCountries: countries, thirdCountryLawRisk: t?.thirdCountryLawRisk ?? .unknown,
      transferMappingURL: t?.transferMappingURL ?? .unknown, regionsOutsideEEA: uniqueOutside, remarks: remarks, sources: sources)
  }

  private func ownershipReport(_ item: ExaminedEntity, role: String? = nil) -> OwnershipReport? {
    guard let entity = graph.entity(item.id) else { return nil }
    let controllers = control.ultimateControllers(of: entity.id).compactMap { id -> OwnershipReport.Controller? in
      guard let top = graph.entity(id), let chain = control.path(from: entity.id, to: id, certainOnly: true) else { return nil }
      var sources: [Source] = []
      for link in chain { merge(link.sources, into: &sources) }
      merge(top.provenance.sources, into: &sources)
      return OwnershipReport.Controller(
        entityID: id, name: top.name, country: graph.country(of: top),
        steps: control.steps(chain, from: entity.id), sources: sources)
    }
    let capital = graph.holdings(of: entity.id, measure: .capital)
    let votes = graph.holdings(of: entity.id, measure: .votes)
    let ids = Set(capital.byHolder.keys).union(capital.byFloat.keys).union(votes.byHolder.keys).union(votes.byFloat.keys)
    let holders = ids.compactMap { id -> OwnershipReport.Holding? in
      guard let holder = graph.entity(id) else { return nil }
      return OwnershipReport.Holding(
        entityID: id, name: holder.name, kind: holder.kind, region: graph.region(of: holder),
        capital: capital.byHolder[id] ?? capital.byFloat[id] ?? .zero, votes: votes.byHolder[id] ?? votes.byFloat[id] ?? .zero)
    }.sorted { ($0.capital.high, $0.entityID) > ($1.capital.high, $1.entityID) }
    return OwnershipReport(
      entityID: entity.id, name: entity.name, role: role ?? item.role.words, ultimateControllers: controllers, holders: holders,
      cycles: ownershipCycles(above: entity.id, in: graph))
  }
}
