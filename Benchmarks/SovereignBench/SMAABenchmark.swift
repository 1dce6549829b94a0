import Foundation
import Sovereign

/// SMAA-2 (weighted sum, uniform weights) on a synthetic alternatives x criteria matrix, values
/// `1 + 99 u` from SplitMix64 at each position (the same matrix as Benchmarks/python/smaa_numpy.py).
enum SMAABenchmark {
  static func run(alternatives: Int, criteria: Int, scenarios: Int, threads: Int) {
    let values = (0..<alternatives).map { i in
      (0..<criteria).map { j in 1 + 99 * SplitMix64.unit(seed: 42, index: UInt64(i * criteria + j)) }
    }
    let matrix = try! DecisionMatrix(
      alternatives: (0..<alternatives).map { "a\($0)" },
      criteria: (0..<criteria).map { DecisionCriterion("c\($0)", weight: 1) }, values: values)
    let smaa = try! SMAA(matrix: matrix, method: .weightedSum)
    let start = Date()
    let result = try! smaa.run(.init(scenarios: scenarios, seed: 42, threads: threads))
    let seconds = Date().timeIntervalSince(start)
    let top = result.reportOrder.first ?? 0
    print(
      "{\"benchmark\":\"smaa\",\"implementation\":\"sovereign\",\"alternatives\":\(alternatives),\"criteria\":\(criteria),"
        + "\"scenarios\":\(scenarios),\"threads\":\(threads),\"seconds\":\(seconds),\"top\":\"\(result.alternatives[top])\","
        + "\"top_b1\":\(result.firstRankAcceptability(top))}")
  }
}
