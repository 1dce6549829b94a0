import Foundation
import Sovereign

/// `sovereign-bench`: measurements behind BENCHMARKS.md (run through scripts/bench).
///
///     sovereign-bench scale N [CRITERIA] [SEED]   gates + TOPSIS on a synthetic N x CRITERIA matrix
///     sovereign-bench smaa [M] [N] [SCENARIOS] [THREADS]   SMAA-2, M alternatives x N criteria (1000 8 10000 0)
///     sovereign-bench refresh [REPEATS]           parse full-size HDS list and SecNumCloud catalogue
///     sovereign-bench fixtures DIR                write the full-size refresh fixtures to DIR
///     sovereign-bench phases FILE [REPEATS]       the phases of `sovereign rank FILE --format csv`, timed
///
/// Each prints one JSON object per measurement on standard output.
@main
enum SovereignBench {
  static func main() {
    // The allocator set up as `sovereign` sets it up, so `phases` times what `rank` does.
    HeapGrowth.configure()
    let arguments = Array(CommandLine.arguments.dropFirst())
    switch arguments.first {
    case "scale":
      guard arguments.count >= 2, let rows = Int(arguments[1]), rows > 0 else { usage() }
      let criteria = arguments.count > 2 ? Int(arguments[2]) ?? 32 : 32
      let seed = arguments.count > 3 ? UInt64(arguments[3]) ?? 42 : 42
      ScaleBenchmark.run(rows: rows, criteria: criteria, seed: seed)
    case "smaa":
      let number = { (k: Int, fallback: Int) in arguments.count > k ? Int(arguments[k]) ?? fallback : fallback }
      SMAABenchmark.run(alternatives: number(1, 1000), criteria: number(2, 8), scenarios: number(3, 10_000), threads: number(4, 0))
    case "refresh":
      let repeats = arguments.count > 1 ? Int(arguments[1]) ?? 20 : 20
      RefreshBenchmark.run(repeats: repeats)
    case "fixtures":
      guard arguments.count == 2 else { usage() }
      RefreshFixtures.write(to: URL(fileURLWithPath: arguments[1]))
    case "phases":
      guard arguments.count >= 2 else { usage() }
      PhasesBenchmark.run(file: arguments[1], repeats: arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20)
    default:
      usage()
    }
  }

  static func usage() -> Never {
    FileHandle.standardError.write(
      Data("usage: sovereign-bench scale N [CRITERIA] [SEED] | smaa [M] [N] [SCENARIOS] [THREADS] | refresh [REPEATS] | fixtures DIR | phases FILE [REPEATS]\n".utf8))
    exit(64)
  }
}
