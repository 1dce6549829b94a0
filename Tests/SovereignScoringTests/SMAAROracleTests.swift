import Foundation
import Testing

@testable import SovereignScoring

/// Optional oracle: R's `smaa` package (gertvv/rsmaa, the reference implementation of SMAA-2) on
/// the same problem, when `Rscript` and the packages `smaa` and `hitandrun` are installed; skipped
/// otherwise (R is not part of the build). The problem is the reference matrix of
/// `../shared/reference/smaa-and-sweeps.md` (five alternatives, four criteria), min-max values,
/// weights uniform on the simplex; R draws its own weights, so the two agree within Monte-Carlo
/// error (N = 20,000 each: the standard deviation of a rank acceptability is at most 0.0035, and
/// of the difference of two independent estimates 0.005; the tolerance is 0.025).
@Suite struct SMAAROracleTests {
  /// The `Rscript` executable on `PATH`, when R and the packages are installed.
  static let rscript: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for directory in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appending(path: "Rscript")
      guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
      let check = run(candidate, ["-e", "quit(status = if (all(sapply(c('smaa', 'hitandrun'), requireNamespace, quietly = TRUE))) 0 else 1)"])
      return check?.status == 0 ? candidate : nil
    }
    return nil
  }()

  static func run(_ executable: URL, _ arguments: [String]) -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// The reference matrix, min-max normalised (costs reversed): a value scale, as R `smaa` expects.
  static func valueMatrix() throws -> DecisionMatrix {
    let raw: [[Double]] = [[8, 120, 35, 1.0], [6, 80, 50, 3.0], [9, 200, 20, 1.5], [5, 60, 45, 4.0], [7, 100, 30, 2.0]]
    let cost = [false, true, false, true]
    let values = raw.map { row in
      (0..<4).map { j -> Double in
        let column = raw.map { $0[j] }
        let (low, high) = (column.min()!, column.max()!)
        return cost[j] ? (high - row[j]) / (high - low) : (row[j] - low) / (high - low)
      }
    }
    return try DecisionMatrix(
      alternatives: ["A", "B", "C", "D", "E"], criteria: (1...4).map { DecisionCriterion("c\($0)", weight: 1) }, values: values)
  }

  @Test(.enabled(if: SMAAROracleTests.rscript != nil, "needs Rscript with the R packages smaa and hitandrun"))
  func rankAcceptabilitiesAgreeWithRSmaa() throws {
    let matrix = try Self.valueMatrix()
    let rows = matrix.values.map { "c(" + $0.map { "\($0)" }.joined(separator: ", ") + ")" }.joined(separator: ", ")
    let script = """
      suppressMessages({ library(smaa); library(hitandrun) })
      set.seed(1)
      N <- 20000; m <- 5; n <- 4
      x <- matrix(c(\(rows)), nrow = m, byrow = TRUE)
      meas <- array(rep(x, each = N), dim = c(N, m, n))
      pref <- simplex.sample(n, N)$samples
      ra <- smaa.ra(smaa.ranks(smaa.values(meas, pref)))
      write.table(unclass(ra), sep = ",", row.names = FALSE, col.names = FALSE)
      """
    let rscript = try #require(Self.rscript)
    let output = try #require(Self.run(rscript, ["-e", script]))
    #expect(output.status == 0)
    let r = output.output.split(separator: "\n").map { $0.split(separator: ",").compactMap { Double($0) } }
    let ours = try SMAA(matrix: matrix, method: .weightedSum, normalization: .none).run(.init(scenarios: 20_000, seed: 7))
    #expect(r.count == 5 && r.allSatisfy { $0.count == 5 })
    for i in 0..<5 {
      for k in 0..<5 { #expect(abs(ours.rankAcceptability[i][k] - r[i][k]) < 0.025, "b\(k + 1) of \(matrix.alternatives[i])") }
    }
  }
}
