import Foundation
import SovereignScoring

/// Gates + TOPSIS through the library's public API (`DecisionMatrix`, `TOPSIS.score`, the
/// same calls `sovereign rank` makes) on a synthetic catalog; prints time, peak memory and a
/// checksum that scale_pymcdm.py reproduces.
enum ScaleBenchmark {
  static func run(rows: Int, criteria: Int, seed: UInt64) {
    let clock = ContinuousClock()
    var synthetic: SyntheticCatalog!
    let generation = clock.measure { synthetic = SyntheticCatalog(rows: rows, criteriaCount: criteria, seed: seed) }
    let afterGeneration = PeakMemory.mebibytes

    // Gates: an offering is ranked only when it passes all four; then the library's calls.
    var result: MCDAResult!
    var ids: [String] = []
    var matrix: [[Double]] = []
    var decision: DecisionMatrix!
    let gating = clock.measure {
      for i in 0..<rows where (0..<4).allSatisfy({ synthetic.gates[i * 4 + $0] }) {
        ids.append(synthetic.ids[i])
        matrix.append(Array(synthetic.values[(i * criteria)..<((i + 1) * criteria)]))
      }
    }
    let eligible = ids.count
    let checking = clock.measure {
      do { decision = try DecisionMatrix(alternatives: ids, criteria: synthetic.criteria, values: matrix) } catch {
        fatalError("invalid matrix: \(error)")
      }
    }
    let scoring = clock.measure {
      // Scores and ranks only, as pymcdm computes them: per-criterion explanations of a million
      // alternatives (what `--explain` prints for a few) would be most of the memory.
      do { result = try TOPSIS.score(decision, explain: false) } catch { fatalError("scoring failed: \(error)") }
    }
    let checksum = result.alternatives.reduce(0.0) { $0 + $1.score }
    let top = result.alternatives.prefix(3).map { "\"\($0.id)\": \(String(format: "%.12f", $0.score))" }
    print(
      """
      {"bench": "scale", "implementation": "sovereign", "rows": \(rows), "criteria": \(criteria), "seed": \(seed), \
      "eligible": \(eligible), "generate_s": \(seconds(generation)), "gates_topsis_s": \(seconds(gating + checking + scoring)), \
      "gates_s": \(seconds(gating)), "matrix_check_s": \(seconds(checking)), "topsis_and_rank_s": \(seconds(scoring)), \
      "peak_rss_mib": \(String(format: "%.1f", PeakMemory.mebibytes)), \
      "rss_after_generation_mib": \(String(format: "%.1f", afterGeneration)), \
      "score_sum": \(String(format: "%.9f", checksum)), "top": {\(top.joined(separator: ", "))}}
      """)
  }

  static func seconds(_ duration: Duration) -> String {
    let (s, attoseconds) = duration.components
    return String(format: "%.4f", Double(s) + Double(attoseconds) * 1e-18)
  }
}
