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

    // One read pass over the whole matrix (the floor the issue measures against): the sum of
    // every value, four accumulators so that memory, not the add latency, bounds it.
    var readSum = 0.0
    let reading = clock.measure {
      synthetic.values.withUnsafeBufferPointer { values in
        var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
        var k = 0
        while k + 4 <= values.count {
          s0 += values[k]
          s1 += values[k + 1]
          s2 += values[k + 2]
          s3 += values[k + 3]
          k += 4
        }
        while k < values.count {
          s0 += values[k]
          k += 1
        }
        readSum = (s0 + s1) + (s2 + s3)
      }
    }

    // Gates in one sweep over the gate results: the selection is the rows that pass all four, in
    // order. The values (column-major, as a columnar store keeps them) and the ids are then
    // filtered in place: column j's selected values move to j × eligible + k, never past a value
    // still to be read (k ≤ row and eligible ≤ rows), and the ids to k. The decision matrix so
    // takes the catalog's own storage, with no second buffer of 168 MB: first touching fresh
    // memory costs more here than the arithmetic (about 0.5 ms per MiB on this machine).
    var result: MCDAResult!
    var ids = synthetic.ids
    var columns = synthetic.values
    synthetic.ids = []
    synthetic.values = []
    var decision: DecisionMatrix!
    let gating = clock.measure {
      var selection = [Int32]()
      selection.reserveCapacity(rows)
      synthetic.gates.withUnsafeBytes { gates in
        // Four gate results per row, one byte each: the row passes when all four bytes are 1.
        let allPass = UInt32(0x0101_0101)
        for i in 0..<rows where gates.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self) == allPass {
          selection.append(Int32(truncatingIfNeeded: i))
        }
      }
      let eligible = selection.count
      selection.withUnsafeBufferPointer { selection in
        ids.withUnsafeMutableBufferPointer { ids in
          for k in 0..<eligible { ids[k] = ids[Int(selection[k])] }
        }
        columns.withUnsafeMutableBufferPointer { values in
          for j in 0..<criteria {
            let source = values.baseAddress! + j * rows
            let target = values.baseAddress! + j * eligible
            for k in 0..<eligible { target[k] = source[Int(selection[k])] }
          }
        }
      }
      ids.removeLast(rows - eligible)
      columns.removeLast((rows - eligible) * criteria)
    }
    let eligible = ids.count
    let checking = clock.measure {
      do { decision = try DecisionMatrix(alternatives: ids, criteria: synthetic.criteria, columnMajor: columns) } catch {
        fatalError("invalid matrix: \(error)")
      }
    }
    ids = []
    columns = []
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
      "read_pass_s": \(seconds(reading)), "gates_s": \(seconds(gating)), "matrix_check_s": \(seconds(checking)), "topsis_and_rank_s": \(seconds(scoring)), \
      "peak_rss_mib": \(String(format: "%.1f", PeakMemory.mebibytes)), \
      "rss_after_generation_mib": \(String(format: "%.1f", afterGeneration)), \
      "read_sum": \(String(format: "%.3f", readSum)), "score_sum": \(String(format: "%.9f", checksum)), "top": {\(top.joined(separator: ", "))}}
      """)
  }

  static func seconds(_ duration: Duration) -> String {
    let (s, attoseconds) = duration.components
    return String(format: "%.4f", Double(s) + Double(attoseconds) * 1e-18)
  }
}
