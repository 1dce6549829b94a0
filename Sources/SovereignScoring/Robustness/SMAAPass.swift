import Dispatch

/// One worker's scratch buffers, allocated once per run (never per scenario).
final class ScenarioWorkspace {
  let weights: UnsafeMutableBufferPointer<Double>
  let present: UnsafeMutableBufferPointer<Bool>
  let r: UnsafeMutableBufferPointer<Double>
  let best: UnsafeMutableBufferPointer<Double>
  let worst: UnsafeMutableBufferPointer<Double>
  let scores: UnsafeMutableBufferPointer<Double>
  let order: UnsafeMutableBufferPointer<Int32>
  let ranks: UnsafeMutableBufferPointer<Int32>
  let holds: UnsafeMutableBufferPointer<Bool>
  let values: UnsafeMutableBufferPointer<Double>
  let keys: UnsafeMutableBufferPointer<UInt64>

  init(m: Int, n: Int, facts: Int = 0) {
    keys = .allocate(capacity: ScenarioRanking.scratch(m))
    keys.initialize(repeating: 0)
    holds = .allocate(capacity: max(facts, 1))
    values = .allocate(capacity: m * n)
    holds.initialize(repeating: true)
    values.initialize(repeating: 0)
    weights = .allocate(capacity: n)
    present = .allocate(capacity: m)
    r = .allocate(capacity: m * n)
    best = .allocate(capacity: n)
    worst = .allocate(capacity: n)
    scores = .allocate(capacity: m)
    order = .allocate(capacity: m)
    ranks = .allocate(capacity: m)
    weights.initialize(repeating: 0)
    present.initialize(repeating: true)
    r.initialize(repeating: 0)
    best.initialize(repeating: 0)
    worst.initialize(repeating: 0)
    scores.initialize(repeating: 0)
    order.initialize(repeating: 0)
    ranks.initialize(repeating: 0)
  }

  deinit {
    for buffer in [weights, r, best, worst, scores, values] { buffer.deallocate() }
    present.deallocate()
    holds.deallocate()
    keys.deallocate()
    order.deallocate()
    ranks.deallocate()
  }
}

/// Integer counts (added in any order) and per-chunk weight sums (added in chunk order).
struct PassTotals {
  var rankCounts: [Int]
  var presentCounts: [Int]
  var firstWeights: [Double]
  var pairwiseCounts: [Int]
  var rankingEntropy: Double
  var distinctRankings: Int
}

/// A raw pointer that may cross into the worker closures: every worker writes only its own slots.
struct SharedPointer<T>: @unchecked Sendable {
  let base: UnsafeMutablePointer<T>
}

enum SMAAPass {
  /// Resolves the unknown facts of one scenario: presence, and the scenario's matrix when facts
  /// change values; then normalises over the present alternatives.
  @inline(__always)
  static func resolve(
    kernel: ScoringKernel, sampler: ScenarioSampler, space: ScenarioWorkspace, present: UnsafeMutableBufferPointer<Bool>,
    r: UnsafeMutableBufferPointer<Double>, best: UnsafeMutableBufferPointer<Double>, worst: UnsafeMutableBufferPointer<Double>,
    _ random: inout Xoshiro256StarStar
  ) {
    guard let facts = sampler.facts else { return }
    kernel.raw.withUnsafeBufferPointer { base in
      facts.sample(holds: space.holds, present: present, base: base, values: space.values, &random)
      if facts.changesValues {
        kernel.prepare(values: UnsafeBufferPointer(space.values), present: present, r: r, best: best, worst: worst)
      } else {
        kernel.prepare(values: base, present: present, r: r, best: best, worst: worst)
      }
    }
  }

  /// The main pass: every index except confidence factors.
  /// `store`: where to keep each resolved scenario for the confidence pass (nil: not kept).
  static func run(kernel: ScoringKernel, sampler: ScenarioSampler, plan: RunPlan, store: ScenarioStore? = nil) -> PassTotals {
    let m = kernel.m
    let n = kernel.n
    let k = plan.pairwise.count
    let streams = plan.streams()
    // 32-bit counts (at most 10^7 scenarios): half the memory traffic of the m × m table.
    let rankCounts = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: plan.workers * m * m)
    let presentCounts = UnsafeMutableBufferPointer<Int>.allocate(capacity: plan.workers * m)
    let pairCounts = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, plan.workers * k * k))
    let chunkWeights = UnsafeMutableBufferPointer<Double>.allocate(capacity: plan.chunks * m * n)
    let hashes = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: plan.scenarios)
    rankCounts.initialize(repeating: 0)
    presentCounts.initialize(repeating: 0)
    pairCounts.initialize(repeating: 0)
    chunkWeights.initialize(repeating: 0)
    hashes.initialize(repeating: 0)
    defer {
      rankCounts.deallocate()
      presentCounts.deallocate()
      pairCounts.deallocate()
      chunkWeights.deallocate()
      hashes.deallocate()
    }
    let shared = (
      SharedPointer(base: rankCounts.baseAddress!), SharedPointer(base: presentCounts.baseAddress!),
      SharedPointer(base: pairCounts.baseAddress!), SharedPointer(base: chunkWeights.baseAddress!),
      SharedPointer(base: hashes.baseAddress!)
    )
    let prepared = ScenarioWorkspace(m: m, n: n)
    if !sampler.hasUnknowns {
      kernel.prepare(present: nil, r: prepared.r, best: prepared.best, worst: prepared.worst)
    }
    let pairwise = plan.pairwise
    let preparedShared = SharedPointer(base: prepared.r.baseAddress!)
    let preparedBest = SharedPointer(base: prepared.best.baseAddress!)
    let preparedWorst = SharedPointer(base: prepared.worst.baseAddress!)

    DispatchQueue.concurrentPerform(iterations: plan.workers) { worker in
      let space = ScenarioWorkspace(m: m, n: n, facts: sampler.factCount)
      let r = sampler.hasUnknowns ? space.r : UnsafeMutableBufferPointer(start: preparedShared.base, count: m * n)
      let best = sampler.hasUnknowns ? space.best : UnsafeMutableBufferPointer(start: preparedBest.base, count: n)
      let worst = sampler.hasUnknowns ? space.worst : UnsafeMutableBufferPointer(start: preparedWorst.base, count: n)
      let present: UnsafeMutableBufferPointer<Bool>? = sampler.hasUnknowns ? space.present : nil
      let counts = shared.0.base + worker * m * m
      let presents = shared.1.base + worker * m
      let pairs = shared.2.base + worker * k * k
      var chunk = worker
      while chunk < plan.chunks {
        var random = streams[chunk]
        let sums = shared.3.base + chunk * m * n
        for scenario in plan.range(ofChunk: chunk) {
          sampler.weights.sample(into: space.weights, &random)
          if let present {
            resolve(kernel: kernel, sampler: sampler, space: space, present: present, r: r, best: best, worst: worst, &random)
            store?.save(scenario, present: present, r: r, best: best, worst: worst)
          }
          kernel.score(weights: space.weights, present: present, r: r, best: best, worst: worst, scores: space.scores)
          _ = ScenarioRanking.rank(scores: space.scores, present: present, order: space.order, ranks: space.ranks, keys: space.keys)
          var hash: UInt64 = 0x243F_6A88_85A3_08D3
          for i in 0..<m {
            let rank = Int(space.ranks[i])
            hash = (hash ^ UInt64(rank)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            guard rank > 0 else { continue }
            counts[i * m + rank - 1] &+= 1
            presents[i] += 1
            if rank == 1 {
              for j in 0..<n { sums[i * n + j] += space.weights[j] }
            }
          }
          shared.4.base[scenario] = hash
          for a in 0..<k {
            let rankA = space.ranks[pairwise[a]]
            guard rankA > 0 else { continue }
            for b in 0..<k {
              let rankB = space.ranks[pairwise[b]]
              if rankB == 0 || rankA < rankB { pairs[a * k + b] += 1 }
            }
          }
        }
        chunk += plan.workers
      }
      withExtendedLifetime(space) {}
    }
    withExtendedLifetime(prepared) {}

    var totals = PassTotals(
      rankCounts: Array(repeating: 0, count: m * m), presentCounts: Array(repeating: 0, count: m),
      firstWeights: Array(repeating: 0, count: m * n), pairwiseCounts: Array(repeating: 0, count: k * k),
      rankingEntropy: 0, distinctRankings: 0)
    for worker in 0..<plan.workers {
      for index in 0..<(m * m) { totals.rankCounts[index] += Int(rankCounts[worker * m * m + index]) }
      for index in 0..<m { totals.presentCounts[index] += presentCounts[worker * m + index] }
      for index in 0..<(k * k) { totals.pairwiseCounts[index] += pairCounts[worker * k * k + index] }
    }
    for chunk in 0..<plan.chunks {
      for index in 0..<(m * n) { totals.firstWeights[index] += chunkWeights[chunk * m * n + index] }
    }
    // Ranking entropy: equal rankings have equal 64-bit hashes (different rankings collide with
    // probability about N²/2⁶⁵, negligible); frequencies summed in sorted-hash order.
    var sorted = Array(hashes)
    sorted.sort()
    var probabilities: [Double] = []
    var start = 0
    while start < sorted.count {
      var end = start + 1
      while end < sorted.count && sorted[end] == sorted[start] { end += 1 }
      probabilities.append(Double(end - start) / Double(plan.scenarios))
      start = end
    }
    totals.rankingEntropy = SMAAResult.entropy(probabilities)
    totals.distinctRankings = probabilities.count
    return totals
  }

  /// Confidence factors: for each alternative with a central weight vector, the share of
  /// scenarios in which it ranks first under that fixed vector. With no unknown fact every
  /// scenario is the same, so one evaluation decides (0 or 1); otherwise the facts of the main
  /// pass's scenarios are read from `store`, or, without one, resolved again from the same
  /// streams (each scenario's weight draw replayed first, so the same facts come out).
  /// `rivals`: every alternative, those most often first leading (the order only saves work).
  static func confidence(
    kernel: ScoringKernel, sampler: ScenarioSampler, plan: RunPlan, centralWeights: [[Double]?], rivals: [Int],
    store: ScenarioStore? = nil
  ) -> [Double?] {
    let m = kernel.m
    let targets = centralWeights.indices.filter { centralWeights[$0] != nil }
    guard !targets.isEmpty else { return centralWeights.map { _ in nil } }
    if !sampler.hasUnknowns {
      return centralWeights.indices.map { i -> Double? in
        guard let weights = centralWeights[i] else { return nil }
        let scores = kernel.scoresOnce(weights: weights)
        return scores.contains { $0 > scores[i] } ? 0 : 1
      }
    }
    let streams = plan.streams()
    let t = targets.count
    let wins = UnsafeMutableBufferPointer<Int>.allocate(capacity: plan.workers * t)
    wins.initialize(repeating: 0)
    defer { wins.deallocate() }
    let shared = SharedPointer(base: wins.baseAddress!)
    let flatWeights = targets.flatMap { centralWeights[$0]! }
    let n = kernel.n
    DispatchQueue.concurrentPerform(iterations: plan.workers) { worker in
      let space = ScenarioWorkspace(m: m, n: n, facts: sampler.factCount)
      let counts = shared.base + worker * t
      var chunk = worker
      while chunk < plan.chunks {
        var random = streams[chunk]
        for scenario in plan.range(ofChunk: chunk) {
          let resolved: (
            present: UnsafeMutableBufferPointer<Bool>, r: UnsafeMutableBufferPointer<Double>,
            best: UnsafeMutableBufferPointer<Double>, worst: UnsafeMutableBufferPointer<Double>
          )
          if let store {
            resolved = store.scenario(scenario)
          } else {
            sampler.weights.sample(into: space.weights, &random)
            resolve(
              kernel: kernel, sampler: sampler, space: space, present: space.present, r: space.r, best: space.best,
              worst: space.worst, &random)
            resolved = (space.present, space.r, space.best, space.worst)
          }
          for (a, target) in targets.enumerated() where resolved.present[target] {
            for j in 0..<n { space.weights[j] = flatWeights[a * n + j] }
            let mine = kernel.score(target, weights: space.weights, r: resolved.r, best: resolved.best, worst: resolved.worst)
            // Strongest rivals first: most targets are beaten after a few scores.
            var first = true
            for rival in rivals where rival != target && resolved.present[rival] {
              if kernel.score(rival, weights: space.weights, r: resolved.r, best: resolved.best, worst: resolved.worst) > mine {
                first = false
                break
              }
            }
            if first { counts[a] += 1 }
          }
        }
        chunk += plan.workers
      }
      withExtendedLifetime(space) {}
    }
    var result: [Double?] = Array(repeating: nil, count: m)
    for (a, target) in targets.enumerated() {
      var total = 0
      for worker in 0..<plan.workers { total += wins[worker * t + a] }
      result[target] = Double(total) / Double(plan.scenarios)
    }
    return result
  }
}
