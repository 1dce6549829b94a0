import Foundation
import SovereignTestSupport
import Testing

/// `sovereign csf` through the built binary: derived answers with their rules, intervals, the
/// answers file, profiles, and the errors a user meets.
@Suite("sovereign csf")
struct CSFCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func json(_ arguments: [String]) throws -> [String: Any] {
    let run = try SovereignRun.run(arguments + ["--format", "json"], in: Self.root)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    return try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
  }

  @Test("an offering's answers are derived from the catalog, each with its rule, facts and grade; the rest make an interval")
  func derivedInterval() throws {
    let report = try json(["csf", "clever-cloud-paas-hds", "--offline", "--as-of", "2026-11-30"])
    let score = try #require(report["score"] as? [String: Double])
    #expect(score["low"]! < score["high"]!, "unknown answers must leave an interval")
    #expect(score["value"] == nil)
    let seal = try #require(report["seal"] as? [String: Int])
    #expect(seal["low"]! <= seal["high"]!)
    #expect(report["as_of"] as? String == "2026-11-30")
    let criteria = (report["objectives"] as! [[String: Any]]).flatMap { $0["criteria"] as! [[String: Any]] }
    #expect(criteria.count == 48)
    let derived = criteria.filter { $0["origin"] as? String == "derived" }
    #expect(!derived.isEmpty, "the catalog decides or narrows at least one answer")
    for answer in derived {
      #expect((answer["rule"] as? String)?.isEmpty == false)
      #expect((answer["facts"] as? [Any])?.isEmpty == false)
      #expect((answer["sources"] as? [Any])?.isEmpty == false, "a derived answer cites its sources")
    }
    let table = try SovereignRun.run(["csf", "clever-cloud-paas-hds", "--offline"], in: Self.root)
    #expect(table.stdout.contains("Sovereignty Score: "))
    #expect(table.stdout.contains(" to "))
    #expect(table.stdout.contains("derived: "))
  }

  @Test("an offering the CLOUD Act reaches through control gets SOV-2.2 at most 'EU subsidiary with contractual protections' and SEAL at most 1")
  func exposedOfferingIsCapped() throws {
    let report = try json(["csf", "azure", "--offline"])
    let criteria = (report["objectives"] as! [[String: Any]]).flatMap { $0["criteria"] as! [[String: Any]] }
    let sov22 = try #require(criteria.first { $0["id"] as? String == "SOV-2.2" })
    #expect(sov22["possible"] as? [Int] == [0, 1, 2])
    #expect(sov22["origin"] as? String == "derived")
    #expect((report["seal"] as? [String: Int])?["high"] == 1)
  }

  @Test("an answers file is scored with the chosen profile and divisor")
  func answersFile() throws {
    let directory = FileManager.default.temporaryDirectory.appending(path: "csf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // Best answer everywhere: 100.0756 % with the 2026 profile and the nominal divisor.
    var lines: [String] = []
    let counts = [8, 6, 5, 6, 7, 5, 7, 4]
    for (objective, count) in counts.enumerated() {
      for criterion in 1...count {
        let id = "SOV-\(objective + 1).\(criterion)"
        let last = ["SOV-1.1", "SOV-1.3", "SOV-1.7"].contains(id) ? 3 : id == "SOV-2.1" ? 2 : 4
        lines.append("\(id): \(last)")
      }
    }
    let file = directory.appending(path: "best.yaml")
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let nominal = try json(["csf", "--answers", file.path])
    #expect(abs(((nominal["score"] as? [String: Double])?["value"] ?? 0) - 100.0756) < 1e-9)
    #expect((nominal["seal"] as? [String: Int])?["value"] == 4)
    let actual = try json(["csf", "--answers", file.path, "--divisor", "actual", "--profile", "v1.2.1"])
    #expect(abs(((actual["score"] as? [String: Double])?["value"] ?? 0) - 100) < 1e-9)
  }

  @Test("bad input: unknown criterion 65 with file:line:column, missing file 66, unknown offering or profile 64")
  func errors() throws {
    let directory = FileManager.default.temporaryDirectory.appending(path: "csf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let bad = directory.appending(path: "bad.yaml")
    try "SOV-2.2: 4\nSOV-2.9: 1\n".write(to: bad, atomically: true, encoding: .utf8)
    let invalid = try SovereignRun.run(["csf", "--answers", bad.path])
    #expect(invalid.status == 65)
    #expect(invalid.stderr.contains("bad.yaml:2:1: error: unknown criterion `SOV-2.9`"))
    #expect(invalid.stdout.isEmpty)
    let missing = try SovereignRun.run(["csf", "--answers", directory.appending(path: "none.yaml").path])
    #expect(missing.status == 66)
    let offering = try SovereignRun.run(["csf", "clever-cloud-paas-hsd"])
    #expect(offering.status == 64)
    #expect(offering.stderr.contains("did you mean `clever-cloud-paas-hds`?"))
    let provider = try SovereignRun.run(["csf", "clever-cloud"])
    #expect(provider.status == 64)
    #expect(provider.stderr.contains("is a provider"))
    let profile = try SovereignRun.run(["csf", "clever-cloud-paas-hds", "--profile", "2025"])
    #expect(profile.status == 64)
    #expect(profile.stderr.contains("unknown profile `2025`"))
  }
}
