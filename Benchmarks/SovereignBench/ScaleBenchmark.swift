import Foundation
import SovereignScoring

/// Gates + TOPSIS + rank order through the library's public API on a synthetic catalog: the
/// column-store path (`RowSelection`, `TOPSIS.rank`) that the targets measure, then the named
/// path (`DecisionMatrix`, `TOPSIS.score`, the calls `sovereign rank` makes) for comparison,
/// checked to give the same scores and order. Prints times, peak memory and a checksum that
/// the Python references (Benchmarks/python/scale_*.py) reproduce.
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

    // The column-store path (`columnStorePath`) is what the targets measure. Both paths run
    // first on a small catalog, untimed (the Python references do the same): the times below
    // are those of a warm process, without the first-use costs of the Swift runtime (type
    // metadata, protocol conformances) and of the thread pool, which `sovereign rank`'s end-to-end
    // time includes.
    var warmUp = SyntheticCatalog(rows: warmUpRows, criteriaCount: criteria, seed: seed &+ 1)
    let warm = columnStorePath(warmUp, clock: clock)
    _ = namedPath(synthetic: &warmUp, selection: warm.selection, clock: clock)
    let (gating, scoring, selection, ranking) = columnStorePath(synthetic, clock: clock)
    let peak = PeakMemory.mebibytes
    let eligible = selection.rows.count
    // The checksum adds the scores in rank order (the Python references add them in row order;
    // summarize.py compares the sums to 1e-9 per row).
    let checksum = ranking.order.reduce(0.0) { $0 + ranking.scores[Int($1)] }
    let top = ranking.order.prefix(3).map { k in
      "\"\(synthetic.ids[Int(ranking.rows[Int(k)])])\": \(String(format: "%.12f", ranking.scores[Int(k)]))"
    }

    // The named path, for comparison: the eligible rows copied (in place) into a
    // `DecisionMatrix` (unique ids and finite values checked), then `TOPSIS.score`, which builds
    // one `ScoredAlternative` per offering: what `sovereign rank` does with its few offerings.
    let named = namedPath(synthetic: &synthetic, selection: selection, clock: clock)
    let agreement = compare(named, ranking, ids: synthetic.ids)
    print(
      """
      {"bench": "scale", "implementation": "sovereign", "rows": \(rows), "criteria": \(criteria), "seed": \(seed), \
      "eligible": \(eligible), "generate_s": \(seconds(generation)), "gates_topsis_s": \(seconds(gating + scoring)), \
      "read_pass_s": \(seconds(reading)), "gates_s": \(seconds(gating)), "topsis_and_rank_s": \(seconds(scoring)), \
      "named_gates_topsis_s": \(seconds(named.gating + named.checking + named.scoring)), "named_gates_s": \(seconds(named.gating)), \
      "named_matrix_check_s": \(seconds(named.checking)), "named_topsis_and_rank_s": \(seconds(named.scoring)), \
      "named_same_scores_and_order": \(agreement.identical), "named_same_up_to_ties": \(agreement.upToTies), \
      "named_tie_groups_ordered_otherwise": \(agreement.tieGroups), \
      "peak_rss_mib": \(String(format: "%.1f", peak)), "named_peak_rss_mib": \(String(format: "%.1f", PeakMemory.mebibytes)), \
      "rss_after_generation_mib": \(String(format: "%.1f", afterGeneration)), \
      "read_sum": \(String(format: "%.3f", readSum)), "score_sum": \(String(format: "%.9f", checksum)), "top": {\(top.joined(separator: ", "))}}
      """)
  }

  /// Rows of the untimed warm-up run: enough for the TOPSIS passes to run on every core, so
  /// that the thread pool is started.
  static let warmUpRows = 20_000

  /// The column-store path (what the targets measure, as numpy's pipeline does): the gates in
  /// one sweep over the gate results give the rows that pass all four, in order; TOPSIS then
  /// reads those rows of the catalog's own columns in place and returns scores and the rank
  /// order (`RowRanking`), without copying the eligible values or building a result per
  /// offering. First touching fresh memory costs more here than the arithmetic (about 0.5 ms
  /// per MiB on this machine).
  static func columnStorePath(
    _ synthetic: SyntheticCatalog, clock: ContinuousClock
  ) -> (gating: Duration, scoring: Duration, selection: RowSelection, ranking: RowRanking) {
    let rows = synthetic.ids.count
    var selection: RowSelection!
    let gating = clock.measure {
      let rows = [Int32](unsafeUninitializedCapacity: rows) { chosen, count in
        synthetic.gates.withUnsafeBytes { gates in
          // Four gate results per row, one byte each: the row passes when all four bytes are 1.
          let allPass = UInt32(0x0101_0101)
          var k = 0
          for i in 0..<rows where gates.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self) == allPass {
            chosen[k] = Int32(truncatingIfNeeded: i)
            k += 1
          }
          count = k
        }
      }
      selection = RowSelection(rows: rows, of: synthetic.ids.count)
    }
    var ranking: RowRanking!
    let scoring = clock.measure {
      do { ranking = try TOPSIS.rank(columnMajor: synthetic.values, criteria: synthetic.criteria, selection: selection) } catch {
        fatalError("scoring failed: \(error)")
      }
    }
    return (gating, scoring, selection, ranking)
  }

  /// Whether the named path gave the column-store path's scores and order: `identical` position
  /// by position, else `upToTies` when every difference lies within a group of tied scores (the
  /// named path orders ties by id, "o10" before "o9"; the column-store path by row), with the
  /// number of such groups.
  static func compare(_ named: NamedPath, _ ranking: RowRanking, ids: [String]) -> (identical: Bool, upToTies: Bool, tieGroups: Int) {
    let n = ranking.order.count
    guard named.scores.count == n, named.ids.count == n else { return (false, false, 0) }
    func id(_ p: Int) -> String { ids[Int(ranking.rows[Int(ranking.order[p])])] }
    func score(_ p: Int) -> Double { ranking.scores[Int(ranking.order[p])] }
    var p = 0
    var groups = 0
    while p < n {
      if named.ids[p] == id(p), named.scores[p].bitPattern == score(p).bitPattern {
        p += 1
        continue
      }
      // The tie group holding position p: the positions of its rank (competition ranks: a
      // group's rank is its first position + 1).
      let start = Int(ranking.ranks[p]) - 1
      var end = p
      while end < n, ranking.ranks[end] == ranking.ranks[p] { end += 1 }
      let mine = Set((start..<end).map { "\(id($0)) \(score($0).bitPattern)" })
      let theirs = Set((start..<end).map { "\(named.ids[$0]) \(named.scores[$0].bitPattern)" })
      guard end - start > 1, mine == theirs else { return (false, false, groups) }
      groups += 1
      p = end
    }
    return (groups == 0, true, groups)
  }

  /// The named path's times, and its scores and ids in rank order.
  struct NamedPath {
    var gating: Duration
    var checking: Duration
    var scoring: Duration
    var scores: [Double]
    var ids: [String]
  }

  /// The eligible values (column-major, as a columnar store keeps them) and ids filtered in
  /// place: column j's selected values move to j × eligible + k, never past a value still to be
  /// read (k ≤ row and eligible ≤ rows), and the ids to k; then `DecisionMatrix` and
  /// `TOPSIS.score`. Takes the catalog's storage (no second buffer of 168 MB) and leaves the ids.
  static func namedPath(synthetic: inout SyntheticCatalog, selection: RowSelection, clock: ContinuousClock) -> NamedPath {
    let rows = selection.rowCount
    let criteria = synthetic.criteria.count
    var ids = synthetic.ids
    var columns = synthetic.values
    synthetic.values = []
    let eligible = selection.rows.count
    let gating = clock.measure {
      selection.rows.withUnsafeBufferPointer { selection in
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
    var decision: DecisionMatrix!
    let checking = clock.measure {
      do { decision = try DecisionMatrix(alternatives: ids, criteria: synthetic.criteria, columnMajor: columns) } catch {
        fatalError("invalid matrix: \(error)")
      }
    }
    ids = []
    columns = []
    var result: MCDAResult!
    let scoring = clock.measure {
      // Scores and ranks only, as pymcdm computes them: per-criterion explanations of a million
      // alternatives (what `--explain` prints for a few) would be most of the memory.
      do { result = try TOPSIS.score(decision, explain: false) } catch { fatalError("scoring failed: \(error)") }
    }
    return NamedPath(
      gating: gating, checking: checking, scoring: scoring, scores: result.alternatives.map(\.score),
      ids: result.alternatives.map(\.id))
  }

  static func seconds(_ duration: Duration) -> String {
    let (s, attoseconds) = duration.components
    return String(format: "%.6f", Double(s) + Double(attoseconds) * 1e-18)
  }
}
