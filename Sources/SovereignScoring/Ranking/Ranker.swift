import SovereignCSF
import SovereignCatalog
import SovereignExposure

/// Ranks the offerings of a catalog against requirements: gates, unknown policy, criteria,
/// TOPSIS or weighted sum, explanations. Pure: the same inputs give the same ``Ranking``.
///
/// ```swift
/// let catalog = try Catalog.bundled()
/// let requirements = try RequirementsReader.read(text: yaml, file: "req.yaml", vocabulary: .init(catalog: catalog))
/// let ranking = try Ranker(catalog: catalog).rank(requirements)
/// ```
public struct Ranker: Sendable {
  public let catalog: Catalog
  public let exposure: any ExposureAssessing
  /// The date facts are judged against.
  public let today: CalendarDate
  /// Sources older than this many days are flagged as stale.
  public let maximumFactAgeDays: Int
  /// The EU Cloud Sovereignty Framework data for the `csf_*` gates and the `csf_score` criterion.
  public let csf: CSFData?

  /// Default age beyond which a source is flagged as stale: 365 days.
  public static let defaultMaximumFactAgeDays = 365

  public init(
    catalog: Catalog, exposure: any ExposureAssessing, today: CalendarDate = .today(),
    maximumFactAgeDays: Int = Ranker.defaultMaximumFactAgeDays, csf: CSFData? = CSFData.bundled
  ) {
    self.catalog = catalog
    self.exposure = exposure
    self.today = today
    self.maximumFactAgeDays = maximumFactAgeDays
    self.csf = csf
  }

  /// Default number of nearest misses listed: 5.
  public static let defaultMisses = 5

  /// Ranks every offering of the catalog. `method` overrides the requirements' method. `misses`:
  /// how many nearest misses to list; nil lists ``defaultMisses`` only when nothing passes.
  public func rank(_ requirements: Requirements, method: MCDAMethod? = nil, misses: Int? = nil) throws(MCDAError) -> Ranking {
    var understood = requirements
    understood.gates.hdsActivities = requirements.effectiveHDSActivities
    if let method { understood.method = method }
    var gates = GateEvaluator(catalog: catalog, exposure: exposure, today: today)
    var criteria = CriterionEvaluator(catalog: catalog, exposure: exposure, today: today)
    if understood.usesCSF {
      let assessments = csfAssessments(understood)
      gates.csf = assessments
      criteria.csf = assessments
    }
    let flags = FactFlags(catalog: catalog, today: today, maximumAgeDays: maximumFactAgeDays)
    let decisionCriteria = understood.criteria.map {
      DecisionCriterion($0.criterion.rawValue, weight: $0.weight, direction: $0.criterion.direction)
    }
    let weights = try WeightNormalization.normalize(decisionCriteria)

    // Each offering's gates, flags and conflicts, then each eligible one's criterion values,
    // depend on that offering alone: on all cores for a catalog of some size, in the same order.
    let offerings = catalog.offerings.sorted(by: { $0.id < $1.id })
    let workers = InterleavedMap.workers(forItems: offerings.count)
    let entries = InterleavedMap.map(offerings.count, workers: workers) { [gates, understood] k -> RankedOffering in
      let offering = offerings[k]
      let results = gates.evaluate(offering, against: understood).map {
        UnknownPolicyApplication.apply(understood.unknownPolicy, gate: $0.0, evidence: $0.1)
      }
      let eligible = results.allSatisfy { $0.verdict == .pass || ($0.verdict == .unknown && $0.warning != nil) }
      var entry = RankedOffering(
        rank: nil, providerID: offering.providerID,
        providerName: catalog.provider(id: offering.providerID)?.name ?? offering.providerID,
        offeringID: offering.id, offeringName: offering.name, score: nil, eligible: eligible, gates: results,
        criteria: [], distances: nil, flags: flags.flags(for: offering))
      let onFacts = results.map(\.factVerdict)
      entry.standing =
        eligible
        ? (onFacts.allSatisfy { $0 == .pass } ? .proven : .unverified)
        : (onFacts.contains(.fail) ? .excludedByFact : .excludedByUnknown)
      entry.conflicts = exposure.conflicts(of: offering)
      return entry
    }

    let eligibleOfferings = entries.filter(\.eligible).compactMap { catalog.offering(id: $0.offeringID) }
    var ranked: [RankedOffering] = []
    if !eligibleOfferings.isEmpty {
      let values = InterleavedMap.map(eligibleOfferings.count, workers: workers) { [criteria, understood] k in
        understood.criteria.map { criteria.value($0.criterion, for: eligibleOfferings[k], requirements: understood) }
      }
      let ids = eligibleOfferings.map(\.id)
      let rows = values.map { $0.map(\.raw) }
      let matrix = try DecisionMatrix(alternatives: ids, criteria: decisionCriteria, values: rows)
      let result = try understood.method.score(matrix)
      let current = Dictionary(uniqueKeysWithValues: result.alternatives.map { ($0.id, $0.score) })
      let bounds = try scoreBounds(
        ids: ids, rows: rows, values: values, criteria: decisionCriteria, method: understood.method, current: current)
      let byID = Dictionary(uniqueKeysWithValues: zip(ids, values))
      let entryIndex = Dictionary(entries.indices.map { (entries[$0].offeringID, $0) }, uniquingKeysWith: { first, _ in first })
      for scored in result.alternatives {
        guard let index = entryIndex[scored.id], let raw = byID[scored.id] else { continue }
        var entry = entries[index]
        entry.rank = scored.rank
        entry.score = scored.score
        entry.distances = scored.distances
        entry.bounds = bounds[scored.id]
        entry.criteria = zip(scored.terms, raw).map { term, value in
          CriterionExplanation(
            term: term, explanation: value.explanation, sources: value.sources, rawWorst: value.worst, rawBest: value.best)
        }
        ranked.append(entry)
      }
      // Bounds and ids read once: filtering `ranked` itself copied every entry for every entry.
      let allBounds = ranked.map(\.bounds)
      let rankedIDs = ranked.map(\.offeringID)
      for index in ranked.indices {
        guard let mine = allBounds[index] else { continue }
        ranked[index].notSeparableFrom = ranked.indices.filter { other in
          other != index && (allBounds[other].map(mine.overlaps) ?? false)
        }.map { rankedIDs[$0] }
      }
    }
    let excluded = entries.filter { !$0.eligible }
    let shown = misses ?? (ranked.isEmpty ? Self.defaultMisses : 0)
    let nearest = NearMiss.select(from: excluded, limit: shown)
    var ranking = Ranking(
      date: today, requirements: understood, method: understood.method,
      criteria: zip(understood.criteria, weights).map { given, weight in
        RankingCriterion(
          name: given.criterion.rawValue, weight: weight, givenWeight: given.weight,
          direction: given.criterion.direction, definition: given.criterion.summary)
      },
      offerings: ranked + excluded, nearestMisses: nearest.map(\.offeringID))
    ranking.misses = nearest
    ranking.assumptions = catalog.assumptions
    for index in ranking.offerings.indices where ranking.offerings[index].assumed {
      // A flag too, so every format (CSV included) says the offering's verdicts rest on an assumption.
      let offering = ranking.offerings[index]
      var used: [String] = []
      for source in offering.gates.flatMap(\.sources) + offering.criteria.flatMap(\.sources) where source.isAssumption {
        if !used.contains(source.url) { used.append(source.url) }
      }
      ranking.offerings[index].flags.append("assumed (what-if, not evidence): rests on " + used.joined(separator: ", "))
    }
    ranking.summary = RankingSummary(ranking.offerings)
    if ranked.count == 1 || ranked.count == 2 {
      ranking.notes.append(
        "Only \(ranked.count == 1 ? "one offering passes" : "two offerings pass") the gates: scores are relative to the offerings that pass, "
          + "so \(ranked.count == 1 ? "its score says" : "their scores say") little; compare the raw criterion values instead.")
    }
    return ranking
  }

  /// The CSF assessment of every offering (empty without CSF data or with an unknown profile).
  func csfAssessments(_ requirements: Requirements) -> [String: CSFAssessment] {
    guard let csf else { return [:] }
    let engine = ExposureEngine(catalog: catalog, asOf: today)
    var result: [String: CSFAssessment] = [:]
    for offering in catalog.offerings {
      let assessed = exposure.assessment(of: offering) ?? engine.assess(offering: offering)
      result[offering.id] = CSFAssessment.assess(
        offering, exposure: assessed, catalog: catalog, data: csf, settings: requirements.effectiveCSF,
        minimum: requirements.evidence, today: today)
    }
    return result
  }

  /// For each ranked offering, its score with its own raw values at their worst / best (every
  /// unknown fact bad / good), the other rows unchanged.
  ///
  /// `current` is each offering's score in the ranking itself (the unchanged rows); only a row
  /// whose worst or best differs from it is scored again, and then for the scores alone (the same
  /// arithmetic as the ranking, without its rank order and explanations).
  func scoreBounds(
    ids: [String], rows: [[Double]], values: [[CriterionValue]], criteria: [DecisionCriterion], method: MCDAMethod,
    current: [String: Double]
  ) throws(MCDAError) -> [String: ScoreBounds] {
    var bounds: [String: ScoreBounds] = [:]
    let matrix = try DecisionMatrix(alternatives: ids, criteria: criteria, values: rows)
    for (i, id) in ids.enumerated() {
      func score(_ row: [Double]) throws(MCDAError) -> Double {
        try method.scores(matrix.replacingRow(i, with: row))[i]
      }
      let worstRow = values[i].map(\.worst)
      let bestRow = values[i].map(\.best)
      let now = current[id] ?? 0
      bounds[id] = ScoreBounds(
        worst: worstRow == rows[i] ? now : try score(worstRow),
        best: bestRow == rows[i] ? now : try score(bestRow))
    }
    return bounds
  }
}
