import Dispatch
import Foundation
import SovereignCatalog

/// SMAA-2 (stochastic multicriteria acceptability analysis, Lahdelma & Salminen 2001) on a
/// decision matrix: N scenarios, each with weights drawn from a ``WeightModel`` and, when
/// alternatives hang on unknown facts, each unknown fact resolved favourably with probability p.
/// In every scenario the present alternatives are normalised, scored with the method and ranked
/// (competition ranking, strict ">": ties share the best rank, as in R `smaa`); the indices of
/// ``SMAAResult`` are counted over the scenarios.
///
/// Deterministic: scenarios are cut into fixed chunks of ``chunkSize``; chunk c draws from the
/// stream of ``Xoshiro256StarStar`` after c jumps from the seed, and chunk results are combined
/// in chunk order, so the result is bit for bit the same for any number of threads and on every
/// platform. No allocation happens per scenario.
///
/// ```swift
/// let matrix = try DecisionMatrix(
///   alternatives: ["A", "B"],
///   criteria: [DecisionCriterion("price", weight: 1, direction: .cost), DecisionCriterion("quality", weight: 1)],
///   values: [[100, 7], [80, 5]])
/// let result = try SMAA(matrix: matrix, method: .weightedSum).run(.init(scenarios: 10_000, seed: 42))
/// result.rankAcceptability[0][0]   // b¹ of A: the share of weight vectors under which A wins
/// ```
public struct SMAA: Sendable {
  public let matrix: DecisionMatrix
  public let method: MCDAMethod
  public let normalization: MatrixNormalization

  /// Scenarios per chunk (the unit of parallel work and of random streams).
  public static let chunkSize = 256

  public init(matrix: DecisionMatrix, method: MCDAMethod = .weightedSum, normalization: MatrixNormalization = .standard)
    throws(SMAAError)
  {
    if let problem = normalization.problem(with: method) { throw .normalization(problem) }
    self.matrix = matrix
    self.method = method
    self.normalization = normalization.resolved(for: method)
  }

  /// What to sample and how much.
  public struct Options: Sendable, Hashable {
    public var scenarios: Int
    public var seed: UInt64
    public var weights: WeightModel
    /// Number of unknown deciding facts per alternative (empty: none). An alternative is present
    /// in a scenario when each of its unknown facts resolves favourably, independently with
    /// probability ``favourableProbability``.
    public var unknownFacts: [Int]
    public var favourableProbability: Double
    /// Worker threads; 0 for one per active processor.
    public var threads: Int
    /// Pairwise winning indices are computed for all pairs when there are at most this many
    /// alternatives (their cost grows as m²), and omitted otherwise.
    public var pairwiseLimit: Int
    /// Whether to estimate confidence factors (one more pass when facts are unknown).
    public var confidenceFactors: Bool
    /// Unknown facts shared between alternatives and matrix cells (replaces ``unknownFacts``
    /// when set; its probability replaces ``favourableProbability``).
    public var facts: FactUncertainty?
    /// The alternatives whose pairwise winning indices are computed, overriding ``pairwiseLimit``.
    public var pairwise: [Int]?
    /// Bytes the resolved scenarios may take to be kept for the confidence pass (tests set 0 to
    /// check that resolving them again gives the same results).
    var scenarioStoreBudget = ScenarioStore.budget

    public init(
      scenarios: Int = 10_000, seed: UInt64 = 1, weights: WeightModel = .uniform, unknownFacts: [Int] = [],
      favourableProbability: Double = 0.5, threads: Int = 0, pairwiseLimit: Int = 64, confidenceFactors: Bool = true,
      facts: FactUncertainty? = nil, pairwise: [Int]? = nil
    ) {
      self.facts = facts
      self.pairwise = pairwise
      self.scenarios = scenarios
      self.seed = seed
      self.weights = weights
      self.unknownFacts = unknownFacts
      self.favourableProbability = favourableProbability
      self.threads = threads
      self.pairwiseLimit = pairwiseLimit
      self.confidenceFactors = confidenceFactors
    }
  }

  /// Runs the analysis.
  public func run(_ options: Options = Options()) throws(SMAAError) -> SMAAResult {
    let m = matrix.alternatives.count
    let n = matrix.criteria.count
    guard options.scenarios > 0, options.scenarios <= SMAAError.maximumScenarios else {
      throw .scenarios(options.scenarios)
    }
    if let problem = options.weights.problem(criteria: n) { throw .weights(problem) }
    var model = options.facts
    if model == nil, options.unknownFacts.contains(where: { $0 > 0 }) {
      let unknown = options.unknownFacts
      guard unknown.count == m, unknown.allSatisfy({ $0 >= 0 }) else {
        throw .unknownFacts("give one count (zero or more) per alternative: \(unknown.count) for \(m)")
      }
      model = .counts(unknown, probability: options.favourableProbability)
    }
    if let model {
      if let problem = model.problem(alternatives: m, criteria: n) { throw .unknownFacts(problem) }
      let p = model.probability
      guard p.isFinite, p >= 0, p <= 1 else { throw .probability(p) }
    }
    if let pairwise = options.pairwise, !pairwise.allSatisfy({ $0 >= 0 && $0 < m }) || Set(pairwise).count != pairwise.count {
      throw .unknownFacts("the pairwise alternatives must be distinct indices of the matrix")
    }
    let kernel = ScoringKernel(matrix: matrix, method: method, normalization: normalization)
    let plan = RunPlan(
      scenarios: options.scenarios, seed: options.seed, threads: options.threads,
      pairwise: options.pairwise ?? (m <= options.pairwiseLimit ? Array(0..<m) : []))
    let sampler = ScenarioSampler(weights: options.weights, facts: model.map { CompiledFacts($0, criteria: n) })
    let store =
      options.confidenceFactors && sampler.hasUnknowns
      ? ScenarioStore(scenarios: options.scenarios, m: m, n: n, budget: options.scenarioStoreBudget) : nil
    let totals = SMAAPass.run(kernel: kernel, sampler: sampler, plan: plan, store: store)

    let N = Double(options.scenarios)
    let rankAcceptability = (0..<m).map { i in (0..<m).map { r in Double(totals.rankCounts[i * m + r]) / N } }
    let centralWeights: [[Double]?] = (0..<m).map { i in
      let count = totals.rankCounts[i * m]
      guard count > 0 else { return nil }
      return (0..<n).map { totals.firstWeights[i * n + $0] / Double(count) }
    }
    var confidence: [Double?] = Array(repeating: nil, count: m)
    if options.confidenceFactors {
      let rivals = (0..<m).sorted { (totals.rankCounts[$0 * m], $1) > (totals.rankCounts[$1 * m], $0) }
      confidence = SMAAPass.confidence(
        kernel: kernel, sampler: sampler, plan: plan, centralWeights: centralWeights, rivals: rivals, store: store)
    }
    let alpha = SMAAResult.metaWeights(m)
    let holistic = rankAcceptability.map { row in zip(row, alpha).reduce(0.0) { $0 + $1.0 * $1.1 } }
    let firsts = rankAcceptability.map { $0[0] }
    let firstTotal = firsts.reduce(0, +)
    let choice = firstTotal > 0 ? SMAAResult.entropy(firsts.map { $0 / firstTotal }) : 0
    let k = plan.pairwise.count
    let pairwise = (0..<k).map { a in (0..<k).map { b in Double(totals.pairwiseCounts[a * k + b]) / N } }
    return SMAAResult(
      alternatives: matrix.alternatives, criteria: matrix.criteria.map(\.name), method: method,
      normalization: normalization, scenarios: options.scenarios, seed: options.seed, weightModel: options.weights,
      favourableProbability: model?.probability,
      rankAcceptability: rankAcceptability, eligibility: (0..<m).map { Double(totals.presentCounts[$0]) / N },
      centralWeights: centralWeights, confidenceFactors: confidence, pairwiseAlternatives: plan.pairwise,
      pairwiseWinning: pairwise, holisticAcceptability: holistic, choiceEntropy: choice,
      rankingEntropy: totals.rankingEntropy, distinctRankings: totals.distinctRankings)
  }
}

/// How a run is cut into chunks and spread over threads.
struct RunPlan: Sendable {
  let scenarios: Int
  let seed: UInt64
  let chunks: Int
  let workers: Int
  let pairwise: [Int]

  init(scenarios: Int, seed: UInt64, threads: Int, pairwise: [Int]) {
    self.scenarios = scenarios
    self.seed = seed
    chunks = (scenarios + SMAA.chunkSize - 1) / SMAA.chunkSize
    let available = threads > 0 ? threads : ProcessorCount.active
    workers = max(1, min(available, chunks))
    self.pairwise = pairwise
  }

  func range(ofChunk c: Int) -> Range<Int> {
    (c * SMAA.chunkSize)..<min(scenarios, (c + 1) * SMAA.chunkSize)
  }

  /// The starting generator of every chunk (chunk c: c jumps from the seed).
  func streams() -> [Xoshiro256StarStar] {
    var generator = Xoshiro256StarStar(seed: seed)
    var result: [Xoshiro256StarStar] = []
    result.reserveCapacity(chunks)
    for _ in 0..<chunks {
      result.append(generator)
      generator.jump()
    }
    return result
  }
}

/// Draws one scenario: weights, then which facts hold, hence which alternatives are present and
/// (when facts change values) the scenario's matrix.
struct ScenarioSampler: Sendable {
  let weights: WeightModel
  /// Unknown facts; nil when none.
  let facts: CompiledFacts?

  var hasUnknowns: Bool { facts != nil }
  var changesValues: Bool { facts?.changesValues ?? false }
  var factCount: Int { facts?.facts ?? 0 }
}
