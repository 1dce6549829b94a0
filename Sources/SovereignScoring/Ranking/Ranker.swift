import SovereignCatalog

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

  /// Default age beyond which a source is flagged as stale: 365 days.
  public static let defaultMaximumFactAgeDays = 365

  public init(
    catalog: Catalog, exposure: any ExposureAssessing, today: CalendarDate = .today(),
    maximumFactAgeDays: Int = Ranker.defaultMaximumFactAgeDays
  ) {
    self.catalog = catalog
    self.exposure = exposure
    self.today = today
    self.maximumFactAgeDays = maximumFactAgeDays
  }

  /// Ranks every offering of the catalog. `method` overrides the requirements' method.
  public func rank(_ requirements: Requirements, method: MCDAMethod? = nil) throws(MCDAError) -> Ranking {
    var understood = requirements
    understood.gates.hdsActivities = requirements.effectiveHDSActivities
    if let method { understood.method = method }
    let gates = GateEvaluator(catalog: catalog, exposure: exposure, today: today)
    let criteria = CriterionEvaluator(catalog: catalog, exposure: exposure, today: today)
    let flags = FactFlags(catalog: catalog, today: today, maximumAgeDays: maximumFactAgeDays)
    let decisionCriteria = understood.criteria.map {
      DecisionCriterion($0.criterion.rawValue, weight: $0.weight, direction: $0.criterion.direction)
    }
    let weights = try WeightNormalization.normalize(decisionCriteria)

    var entries: [RankedOffering] = []
    for offering in catalog.offerings.sorted(by: { $0.id < $1.id }) {
      let results = gates.evaluate(offering, against: understood).map {
        UnknownPolicyApplication.apply(understood.unknownPolicy, gate: $0.0, evidence: $0.1)
      }
      let eligible = results.allSatisfy { $0.verdict == .pass || ($0.verdict == .unknown && $0.warning != nil) }
      entries.append(
        RankedOffering(
          rank: nil, providerID: offering.providerID,
          providerName: catalog.provider(id: offering.providerID)?.name ?? offering.providerID,
          offeringID: offering.id, offeringName: offering.name, score: nil, eligible: eligible, gates: results,
          criteria: [], distances: nil, flags: flags.flags(for: offering)))
    }

    let eligibleOfferings = entries.filter(\.eligible).compactMap { catalog.offering(id: $0.offeringID) }
    var ranked: [RankedOffering] = []
    if !eligibleOfferings.isEmpty {
      let values = eligibleOfferings.map { offering in
        understood.criteria.map { criteria.value($0.criterion, for: offering, requirements: understood) }
      }
      let matrix = try DecisionMatrix(
        alternatives: eligibleOfferings.map(\.id), criteria: decisionCriteria, values: values.map { $0.map(\.raw) })
      let result = try understood.method.score(matrix)
      let byID = Dictionary(uniqueKeysWithValues: zip(eligibleOfferings.map(\.id), values))
      for scored in result.alternatives {
        guard var entry = entries.first(where: { $0.offeringID == scored.id }), let raw = byID[scored.id] else { continue }
        entry.rank = scored.rank
        entry.score = scored.score
        entry.distances = scored.distances
        entry.criteria = zip(scored.terms, raw).map { term, value in
          CriterionExplanation(term: term, explanation: value.explanation, sources: value.sources)
        }
        ranked.append(entry)
      }
    }
    let excluded = entries.filter { !$0.eligible }
    let nearest =
      ranked.isEmpty
      ? excluded.sorted {
        let a = ($0.gates.filter { $0.verdict == .fail }.count, $0.gates.filter { $0.verdict == .unknown }.count)
        let b = ($1.gates.filter { $0.verdict == .fail }.count, $1.gates.filter { $0.verdict == .unknown }.count)
        return a != b ? a < b : $0.offeringID < $1.offeringID
      }.prefix(3).map(\.offeringID) : []
    return Ranking(
      date: today, requirements: understood, method: understood.method,
      criteria: zip(understood.criteria, weights).map { given, weight in
        RankingCriterion(
          name: given.criterion.rawValue, weight: weight, givenWeight: given.weight,
          direction: given.criterion.direction, definition: given.criterion.summary)
      },
      offerings: ranked + excluded, nearestMisses: nearest)
  }
}
