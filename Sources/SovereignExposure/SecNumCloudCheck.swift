import SovereignCatalogCore

/// Estimates SecNumCloud 3.2 § 19.6 eligibility of the entities that provide an offering.
///
/// Rules, applied to each providing entity (contracting entity and operators); the worst verdict wins:
/// - **19.6 a**: seat and headquarters (central administration and main establishment) in an EU member state.
/// - **19.6 b individual**: no non-EU holder above 24 % of the capital or of the voting rights,
///   directly or indirectly (products along chains, summed). A holder whose country is unknown,
///   and the unlisted remainder when the owners are not complete, keep the verdict `unknown`
///   unless their upper bound is within the limit. A public float counts as dispersed: each of
///   its investors is below disclosure thresholds, so it is not an individual holder.
/// - **19.6 b collective**: non-EU holders together at most 39 %, each part of the capital counted
///   once at the first holder on its chain not known to be in the EU. A public float counts in
///   full when its country (the investors' country) is non-EU, as an upper bound when unknown,
///   not at all when EU.
/// - **19.6 b rights**: no non-EU entity holds, by contract or statutes, a veto right or the right to
///   appoint the board majority, over the entity or over an entity that controls it; a non-EU
///   controller fails this test too (it appoints the board).
/// - **19.6 c**: no third party (subprocessor) with its seat outside the EU or controlled from
///   outside the EU has technical access to the data.
///
/// When the offering holds a current SecNumCloud 3.2 qualification, ANSSI has checked § 19.6: a
/// sub-criterion the catalog's facts leave `unknown` then passes as attested by the
/// qualification (``SecNumCloudEvidence``); one the facts show failing stays `fail`.
struct SecNumCloudCheck: Sendable {
  let graph: OwnershipGraph
  let control: ControlAnalysis
  /// Each entity's findings per sub-criterion (seat, individual, collective, rights): the same in
  /// every offering it provides. One per engine.
  let entityMemo: SharedMemo<EntityKey, CheckFindings>

  struct EntityKey: Hashable, Sendable {
    let entity: String
    let test: String
  }

  static let individualLimit = 24.0
  static let collectiveLimit = 39.0

  /// `evidence`: the offering's SecNumCloud qualification as evidence on the day (nil: none).
  func evaluate(providing: [ExaminedEntity], offering: Offering, evidence: SecNumCloudEvidence?) -> SecNumCloudEligibility {
    let entities = providing.compactMap { graph.entity($0.id) }
    func each(_ test: String, _ check: (LegalEntity) -> CheckFindings) -> [CheckFindings] {
      entities.map { entity in entityMemo.value(for: EntityKey(entity: entity.id, test: test)) { check(entity) } }
    }
    let criteria = [
      combine(id: "19.6-a-seat", requirement: "Registered seat, central administration and main establishment in an EU member state.", each("seat", seat)),
      combine(
        id: "19.6-b-individual",
        requirement: "No non-EU entity holds more than 24 % of the capital or of the voting rights, directly or indirectly.",
        each("individual", individual)),
      combine(
        id: "19.6-b-collective",
        requirement: "Non-EU entities together hold at most 39 % of the capital and of the voting rights, directly or indirectly.",
        each("collective", collective)),
      combine(
        id: "19.6-b-rights",
        requirement: "No non-EU entity has a veto right or the power to appoint the majority of the board (administration, management or supervision).",
        each("rights", rights)),
      thirdParties(offering),
    ]
    guard let evidence else {
      return SecNumCloudEligibility(criteria: criteria)
    }
    return SecNumCloudEligibility(
      criteria: criteria.map { criterion in
        guard criterion.verdict == .unknown else { return criterion }
        var attested = criterion
        attested.verdict = .pass
        attested.detail = "Attested by the offering's SecNumCloud 3.2 qualification (ANSSI checks § 19.6 before qualifying)"
          + evidence.derivedSuffix + ". The catalog's own facts leave it open: " + criterion.detail
        attested.missingFacts = []
        merge(evidence.sources, into: &attested.sources)
        attested.evidence = evidence.qualification.provenance.strongestKind
        attested.derived = evidence.standing.rules.map(\.id)
        return attested
      })
  }

  private func combine(id: String, requirement: String, _ parts: [CheckFindings]) -> SecNumCloudEligibility.Criterion {
    var findings = CheckFindings()
    guard !parts.isEmpty else {
      findings.record(.unknown, "No providing entity is known.")
      return findings.criterion(id: id, requirement: requirement)
    }
    parts.forEach { findings.absorb($0) }
    return findings.criterion(id: id, requirement: requirement)
  }

  private func seat(_ entity: LegalEntity) -> CheckFindings {
    var findings = CheckFindings()
    findings.cite(entity.provenance.sources)
    let text = "\(entity.name): seat \(entity.seat), headquarters \(graph.headquarters(of: entity))."
    switch graph.region(of: entity) {
    case .eu: findings.record(.pass, text)
    case .nonEU: findings.record(.fail, text + " Outside the EU.")
    case .unknown:
      findings.record(.unknown, text)
      findings.missing(
        [("seat", entity.seat), ("headquarters", graph.headquarters(of: entity))].filter { $0.1.value == nil }.map {
          "the \($0.0) country of \(entity.name) [\(entity.id)] (\($0.0): unknown)"
        })
    }
    return findings
  }

  private func individual(_ entity: LegalEntity) -> CheckFindings {
    var findings = CheckFindings()
    for measure in OwnershipGraph.Measure.allCases {
      let analysis = graph.holdings(of: entity.id, measure: measure)
      findings.cite(analysis)
      let candidates = analysis.byHolder.compactMap { id, share -> (LegalEntity, ShareRange)? in
        guard let holder = graph.entity(id), graph.region(of: holder) != .eu else { return nil }
        return (holder, share)
      }.sorted { ($0.1.high, $0.0.id) > ($1.1.high, $1.0.id) }
      let over = candidates.filter { graph.region(of: $0.0) == .nonEU && $0.1.low > Self.individualLimit }
      if let (holder, share) = over.first {
        findings.record(
          .fail, "\(graph.label(holder.id)) holds \(share) of the \(measure.words) of \(entity.name), directly or indirectly (limit 24 %).")
        continue
      }
      let doubtful = candidates.filter { $0.1.high > Self.individualLimit }
      if doubtful.isEmpty && analysis.unattributed.high <= Self.individualLimit {
        let largest = candidates.first { graph.region(of: $0.0) == .nonEU }
        findings.record(
          .pass,
          largest.map { "Largest non-EU holding in the \(measure.words) of \(entity.name): \(graph.label($0.0.id)), \($0.1)." }
            ?? "No non-EU holder of the \(measure.words) of \(entity.name).")
      } else {
        var parts = doubtful.map { "\(graph.label($0.0.id)) up to \(ShareRange.format($0.1.high))" }
        if analysis.unattributed.high > Self.individualLimit {
          parts.append("unlisted holders up to \(ShareRange.format(analysis.unattributed.high))")
        }
        findings.record(
          .unknown, "A non-EU holder could exceed 24 % of the \(measure.words) of \(entity.name): \(parts.joined(separator: "; ")).")
        findings.missing(analysis.missingFacts)
      }
    }
    return findings
  }

  private func collective(_ entity: LegalEntity) -> CheckFindings {
    var findings = CheckFindings()
    for measure in OwnershipGraph.Measure.allCases {
      let analysis = graph.holdings(of: entity.id, measure: measure)
      findings.cite(analysis)
      let total = analysis.nonEUCollective
      let parts = analysis.collectiveParts.isEmpty ? "" : " (\(analysis.collectiveParts.joined(separator: "; ")))"
      let verdict: CheckVerdict = total.low > Self.collectiveLimit ? .fail : total.high <= Self.collectiveLimit ? .pass : .unknown
      findings.record(verdict, "Non-EU holders of the \(measure.words) of \(entity.name) together: \(total)\(parts); limit 39 %.")
      if verdict == .unknown { findings.missing(analysis.missingFacts) }
    }
    return findings
  }

  private func rights(_ entity: LegalEntity) -> CheckFindings {
    var findings = CheckFindings()
    let sure = control.certainControllers(of: entity.id)
    let maybe = control.possibleControllers(of: entity.id)
    for id in sure.sorted() {
      guard let controller = graph.entity(id), graph.region(of: controller) == .nonEU else { continue }
      findings.record(.fail, "\(graph.label(id)) controls \(entity.name), so it can appoint the majority of its board.")
      findings.cite(controller.provenance.sources)
    }
    // Rights over the entity, or over an entity that controls it, count as rights over the entity.
    for id in [entity.id] + maybe.sorted() {
      guard let held = graph.entity(id) else { continue }
      let decisive = id == entity.id || sure.contains(id)
      // A pass rests on the holders listed (and their completeness): grade them too.
      for edge in held.owners where edge.veto == .no && edge.boardMajority == .no { findings.cite(edge.provenance.sources) }
      findings.cite(held.provenance.sources)
      for edge in held.owners {
        guard let holder = graph.entity(edge.owner) else { continue }
        let region = graph.region(of: holder)
        guard region != .eu else { continue }
        let rights = [("veto right", edge.veto), ("power to appoint the board majority", edge.boardMajority)]
        for (what, value) in rights {
          let over = held.id == entity.id ? entity.name : "\(held.name), which \(decisive ? "controls" : "may control") \(entity.name)"
          switch (value, region, decisive) {
          case (.yes, .nonEU, true):
            findings.record(.fail, "\(graph.label(holder.id)) has a \(what) over \(over).")
            findings.cite(edge.provenance.sources)
          case (.no, _, _):
            continue
          default:
            findings.record(.unknown)
            findings.cite(edge.provenance.sources)
            if value == .unknown {
              let field = what == "veto right" ? "veto" : "board_majority"
              findings.missing("whether \(holder.name) [\(holder.id)] has a \(what) over \(held.name) (\(field): unknown)")
            }
            if region == .unknown { findings.missing("the country (seat and headquarters) of \(holder.name) [\(holder.id)]") }
            if !decisive { findings.missing("whether \(held.name) [\(held.id)] controls \(entity.name)") }
          }
        }
      }
      if !graph.ownersKnownComplete(held) && (id == entity.id || decisive) {
        findings.record(.unknown)
        findings.missing(graph.incompleteOwnersFact(held) + ": an unlisted holder could have such rights")
      }
    }
    if findings.verdict == .pass {
      findings.explain("No non-EU holder of \(entity.name) or of its controllers has a veto or board-appointment right.")
    }
    if findings.verdict == .unknown && findings.details.isEmpty {
      findings.explain("Rights of possibly non-EU holders over \(entity.name) are not all known.")
    }
    return findings
  }

  private func thirdParties(_ offering: Offering) -> SecNumCloudEligibility.Criterion {
    var findings = CheckFindings()
    for sub in offering.subprocessors {
      guard let entity = graph.entity(sub.entity) else { continue }
      findings.cite(sub.provenance.sources)
      findings.cite(entity.provenance.sources)
      let region = graph.region(of: entity)
      let controllers = control.possibleControllers(of: entity.id).compactMap(graph.entity)
      let sureControllers = control.certainControllers(of: entity.id).compactMap(graph.entity)
      let nonEU = region == .nonEU || sureControllers.contains { graph.region(of: $0) == .nonEU }
      // As the law evaluator: an unlisted holder of the subprocessor or of whoever may control
      // it could control it from outside the EU.
      let maybeNonEU =
        nonEU || region == .unknown || controllers.contains { graph.region(of: $0) != .eu }
        || !([entity] + controllers).allSatisfy(graph.ownersKnownComplete)
      switch (sub.access, nonEU, maybeNonEU) {
      case (.no, _, _), (_, false, false):
        findings.record(.pass)
      case (.yes, true, _):
        findings.record(.fail, "\(graph.label(entity.id)), non-EU or controlled from outside the EU, has technical access to the data.")
      default:
        findings.record(.unknown, "\(graph.label(entity.id)): access \(sub.access), \(nonEU ? "non-EU" : "EU status not established").")
        if sub.access == .unknown { findings.missing("whether \(entity.name) [\(entity.id)] has technical access to the data (access: unknown)") }
        if !nonEU { findings.missing("whether \(entity.name) [\(entity.id)] is EU-based and not controlled from outside the EU") }
      }
    }
    if offering.subprocessors.isEmpty {
      findings.record(.unknown, "The catalog lists no subprocessor for \(offering.name), so third-party access is not established.")
      findings.missing("the subprocessors (third parties) of \(offering.name) [\(offering.id)] and their access to the data (none listed)")
    }
    if findings.details.isEmpty { findings.explain("No listed non-EU third party has technical access to the data.") }
    return findings.criterion(
      id: "19.6-c-third-party-access",
      requirement: "No third party based or controlled outside the EU can technically obtain the data operated through the service.")
  }
}
