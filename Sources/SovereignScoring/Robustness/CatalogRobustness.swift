import SovereignCatalog

/// SMAA-2 and weight sweeps on a catalog ranking (`sovereign rank --robustness N`, `--sweep`).
///
/// The alternatives are the offerings no known fact excludes. In each scenario the weights are
/// drawn as the requirements' ``RobustnessSettings`` say and, unless `unknown_facts` is off, each
/// unknown deciding fact of each offering holds with probability p, independently per fact and per
/// offering. A gate whose verdict is unknown on the facts passes when its facts hold (the unknown
/// policy does not apply: the fact is resolved); a gate that fails on a fact never flips. The
/// criteria follow the same facts through ``Credit/unknowns``: a criterion's value is its worst
/// value plus the gain of every unknown term whose facts hold (`law:<id>` is one fact, shared by the
/// `immune_to` gate and the sovereignty criterion). With `unknown_facts` off, the alternatives are
/// the offerings the ranking found eligible, with their raw values.
extension Ranker {
  /// Runs SMAA-2 on `ranking` (made by this ranker, so its requirements are as understood).
  public func robustness(of ranking: Ranking, scenarios: Int, seed: UInt64, threads: Int = 0) throws(SMAAError)
    -> RobustnessReport
  {
    let requirements = ranking.requirements
    let settings = requirements.robustness ?? RobustnessSettings()
    let kinds = requirements.criteria.map(\.criterion)
    let decisionCriteria = requirements.criteria.map {
      DecisionCriterion($0.criterion.rawValue, weight: $0.weight, direction: $0.criterion.direction)
    }
    let weights = ranking.criteria.map(\.weight)
    let evaluator = CriterionEvaluator(catalog: catalog, exposure: exposure, today: today)

    var entries: [RankedOffering] = []
    var rows: [[Double]] = []
    var presence: [[Int]] = []
    var terms: [FactUncertainty.ValueTerm] = []
    var factNames: [[String]] = []
    var factCount = 0
    if settings.unknownFacts != nil {
      for entry in ranking.offerings where !entry.gates.contains(where: { $0.factVerdict == .fail }) {
        guard let offering = catalog.offering(id: entry.offeringID) else { continue }
        var local: [String: Int] = [:]
        var names: [String] = []
        func fact(_ key: String) -> Int {
          if let index = local[key] { return index }
          defer { factCount += 1 }
          local[key] = factCount
          names.append(key)
          return factCount
        }
        var needs: [Int] = []
        for gate in entry.gates where gate.factVerdict == .unknown {
          for key in Self.factKeys(of: gate, offering: offering, requirements: requirements) where !needs.contains(fact(key)) {
            needs.append(fact(key))
          }
        }
        let values = kinds.map { evaluator.value($0, for: offering, requirements: requirements) }
        for (j, value) in values.enumerated() {
          for term in value.unknowns where term.gain != 0 {
            let facts = term.facts.isEmpty ? [fact("\(kinds[j].rawValue):unnamed-\(factCount)")] : term.facts.map(fact)
            terms.append(.init(alternative: entries.count, criterion: j, facts: facts, gain: term.gain))
          }
        }
        rows.append(values.map(\.worst))
        presence.append(needs)
        factNames.append(names)
        entries.append(entry)
      }
    } else {
      for entry in ranking.eligible {
        entries.append(entry)
        rows.append(entry.criteria.map(\.raw))
        presence.append([])
        factNames.append([])
      }
    }
    let model: WeightModel =
      switch settings.weights {
      case .uniform: .uniform
      case .fixed: .fixed(weights)
      case .spread(let spread): .around(weights, spread: spread)
      case .order(let order): .ordinal(order: order.map { kinds.firstIndex(of: $0) ?? -1 })
      }
    var report = RobustnessReport(
      scenarios: scenarios, seed: seed, method: ranking.method, criteria: kinds.map(\.rawValue), weights: settings.weights,
      unknownFacts: settings.unknownFacts)
    guard !entries.isEmpty else { return report }
    let matrix: DecisionMatrix
    do {
      matrix = try DecisionMatrix(alternatives: entries.map(\.offeringID), criteria: decisionCriteria, values: rows)
    } catch { throw .matrix(error) }
    let facts = settings.unknownFacts.map { FactUncertainty(facts: factCount, presence: presence, terms: terms, probability: $0) }
    let result = try SMAA(matrix: matrix, method: ranking.method).run(
      .init(
        scenarios: scenarios, seed: seed, weights: model, threads: threads, facts: facts,
        pairwise: Array(0..<min(RobustnessReport.pairwiseCount, entries.count))))
    report.choiceEntropy = result.choiceEntropy
    report.rankingEntropy = result.rankingEntropy
    report.distinctRankings = result.distinctRankings
    report.offerings = result.reportOrder.map { i in
      RobustnessReport.Offering(
        offeringID: entries[i].offeringID, offeringName: entries[i].offeringName, providerName: entries[i].providerName,
        baselineRank: entries[i].rank, eligibility: result.eligibility[i], rankAcceptability: result.rankAcceptability[i],
        holisticAcceptability: result.holisticAcceptability[i],
        centralWeights: result.centralWeights[i].map { Dictionary(uniqueKeysWithValues: zip(kinds.map(\.rawValue), $0)) },
        confidenceFactor: result.confidenceFactors[i], unknownFacts: factNames[i])
    }
    report.pairwise = RobustnessReport.Pairwise(
      offeringIDs: result.pairwiseAlternatives.map { entries[$0].offeringID }, winningIndex: result.pairwiseWinning)
    return report
  }

  /// The facts an unknown gate waits for, named as the criteria name them (``UnknownTerm``).
  static func factKeys(of gate: GateResult, offering: Offering, requirements: Requirements) -> [String] {
    if gate.gate.hasPrefix("immune_to:") { return ["law:" + gate.gate.dropFirst("immune_to:".count)] }
    if gate.gate == "capabilities" {
      let missing = requirements.gates.capabilities.filter { !offering.capabilities.list.contains($0) }
      return missing.isEmpty ? ["capabilities"] : missing.map { "capability:" + $0 }
    }
    return [gate.gate]
  }

  /// Weight sweeps over the offerings `ranking` found eligible, with their raw values: every
  /// criterion, or the one named (nil when no criterion has that name). Empty when none is eligible.
  public func sweeps(of ranking: Ranking, criterion: String? = nil) throws(SMAAError) -> [WeightSweepResult]? {
    let criteria = ranking.requirements.criteria.map {
      DecisionCriterion($0.criterion.rawValue, weight: $0.weight, direction: $0.criterion.direction)
    }
    var index: Int?
    if let criterion {
      guard let found = criteria.firstIndex(where: { $0.name == criterion }) else { return nil }
      index = found
    }
    let eligible = ranking.eligible
    guard !eligible.isEmpty else { return [] }
    let matrix: DecisionMatrix
    do {
      matrix = try DecisionMatrix(
        alternatives: eligible.map(\.offeringID), criteria: criteria, values: eligible.map { $0.criteria.map(\.raw) })
    } catch { throw .matrix(error) }
    let sweep = try WeightSweep(matrix: matrix, method: ranking.method)
    return index.map { [sweep.sweep(criterion: $0)] } ?? sweep.sweepAll()
  }
}
