import Foundation
import SovereignTestSupport
import Testing

/// `sovereign mcda` on the reference matrix of shared/reference/anchors-mcda-comparators.md §2.2.
@Suite struct MCDACommandTests {
  static let matrix = """
    id,compliance,price,capabilities,exposure
    A,8,120,35,1.0
    B,6,80,50,3.0
    C,9,200,20,1.5
    D,5,60,45,4.0
    E,7,100,30,2.0

    """

  func write(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mcda-\(UUID().uuidString).csv")
    try Data(text.utf8).write(to: url)
    return url
  }

  @Test func scoresAndSweepsTheReferenceMatrix() throws {
    let file = try write(Self.matrix)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try SovereignRun.run([
      "mcda", file.path, "--weights", "0.4,0.25,0.2,0.15", "--directions", "benefit,cost,benefit,cost", "--sweep",
      "--format", "json",
    ])
    #expect(run.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let ranking = try #require(json["ranking"] as? [[String: Any]])
    #expect(ranking.map { $0["id"] as? String } == ["A", "B", "E", "C", "D"])
    #expect(abs((ranking[0]["score"] as? Double ?? 0) - 0.692857142857) < 1e-9)
    let sweeps = try #require(json["sweeps"] as? [[String: Any]])
    #expect(abs((sweeps[0]["lower"] as? Double ?? 0) - 5.0 / 26) < 1e-12)
    #expect(abs((sweeps[0]["upper"] as? Double ?? 0) - 25.0 / 39) < 1e-12)
  }

  @Test func robustnessIsReproducibleForASeed() throws {
    let file = try write(Self.matrix)
    defer { try? FileManager.default.removeItem(at: file) }
    let arguments = ["mcda", file.path, "--directions", "benefit,cost,benefit,cost", "--robustness", "2000", "--seed", "7", "--format", "json"]
    let first = try SovereignRun.run(arguments)
    let second = try SovereignRun.run(arguments)
    #expect(first.status == 0 && first.stdout == second.stdout && first.stdout.contains("rank_acceptability"))
  }

  @Test func badInputGetsLineColumnAndExitCodes() throws {
    let file = try write("id,a,b\nx,1,2\ny,1,zz\n")
    defer { try? FileManager.default.removeItem(at: file) }
    let bad = try SovereignRun.run(["mcda", file.path, "--weights", "1,1"])
    #expect(bad.status == 65 && bad.stderr.contains(":3:3: error:"))
    let missing = try SovereignRun.run(["mcda", "/nonexistent/m.csv", "--weights", "1"])
    #expect(missing.status == 66)
    let good = try write(Self.matrix)
    defer { try? FileManager.default.removeItem(at: good) }
    let usage = try SovereignRun.run(["mcda", good.path, "--weights", "1,2,3"])
    #expect(usage.status == 64 && usage.stderr.contains("3 values for 4 criteria"))
  }
}
