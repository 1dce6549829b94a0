import Foundation
import SovereignTestSupport
import Testing

/// `sovereign rank`, end to end on a small catalog written to a temporary directory.
@Suite("rank command, end to end")
struct RankCommandTests {
  static func provider(id: String, seat: String, country: String, activities: String) -> String {
    """
    \(FixtureCatalogText.providerHead(id: id, seat: seat))
    \(FixtureCatalogText.oneOfferingHead(id: id))
        regions:
          source: legal
          list:
            - { country: \(country) }
        capabilities:
          source: legal
          list: [vm, kubernetes]
        certifications:
          hds:
            status: certified
            activities: \(activities)
            referential: "2.0"
            source: legal
    """
  }

  /// A temporary directory with `catalog/` and `req.yaml`.
  struct Workspace {
    let root: URL
    var catalog: String { root.appending(path: "catalog").path }
    var requirements: String { root.appending(path: "req.yaml").path }

    init(requirements text: String) throws {
      root = try CLIRunner.temporaryDirectory()
      var files = FixtureCatalogText.baseFiles(countries: ["FR", "DE", "US"])
      files["providers/alpha.yaml"] = RankCommandTests.provider(id: "alpha", seat: "FR", country: "FR", activities: "[1, 2, 3, 4, 5, 6]")
      files["providers/beta.yaml"] = RankCommandTests.provider(id: "beta", seat: "DE", country: "DE", activities: "[1, 2, 3]")
      try FixtureCatalogText.write(files, into: root.appending(path: "catalog"))
      try text.write(toFile: requirements, atomically: true, encoding: .utf8)
    }

    func rank(_ extra: [String] = []) throws -> CLIRunner.Result {
      try CLIRunner.run(["rank", requirements, "--catalog", catalog] + extra, in: root)
    }
  }

  static let health = "name: Test\ndata:\n  kind: health\nresidency: [FR, DE]\n"

  @Test("ranks the offerings that pass and lists the excluded ones with the gate and evidence")
  func ranksAndExcludes() throws {
    let workspace = try Workspace(requirements: Self.health)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let result = try workspace.rank(["--wide"])  // the full layout: every exclusion with its evidence
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("1     ALPHA     alpha IaaS (alpha-iaas)"))
    #expect(result.stdout.contains("- beta-iaas (BETA):\n    hds fail (provider evidence): HDS-certified for activities 1, 2, 3 but not 4, 5, 6"))
    #expect(result.stdout.contains("[https://beta.example.org/legal]"))
    let explained = try workspace.rank(["--explain", "--method", "weighted-sum"])
    #expect(explained.stdout.contains("contribution "))
    #expect(explained.stdout.contains("gate residency: pass"))
  }

  @Test("csv and json follow the contract")
  func machineFormats() throws {
    let workspace = try Workspace(requirements: Self.health)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let csv = try workspace.rank(["--format", "csv", "--as-of", "2026-11-20"])
    #expect(csv.status == 0)
    // The original eight columns first; as_of, standing, score bounds and flags added at the end;
    // then one column per gate (here residency, and hds implied by health data).
    #expect(
      csv.stdout.hasPrefix(
        "rank,provider_id,provider_name,offering_id,offering_name,score,eligible,reasons,as_of,standing,score_worst,score_best,flags,residency,hds\r\n"
          + "1,alpha,ALPHA,alpha-iaas,alpha IaaS,1.0,true,,2026-11-20,proven,1.0,1.0,,pass,pass\r\n,beta,BETA,beta-iaas,beta IaaS,,false,"))
    let json = try workspace.rank(["--format", "json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["schema_version"] as? Int == 1)
    #expect((object["offerings"] as? [[String: Any]])?.first?["offering_id"] as? String == "alpha-iaas")
    let markdown = try workspace.rank(["--format", "markdown"])
    #expect(markdown.stdout.hasPrefix("# Test\n"))
  }

  @Test("exit 1 when no offering passes; the report is still printed with the nearest misses")
  func nothingPasses() throws {
    let workspace = try Workspace(requirements: Self.health + "gates:\n  secnumcloud: qualified\n")
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let result = try workspace.rank()
    #expect(result.status == 1)
    #expect(result.stdout.contains("No offering passes the gates."))
    #expect(result.stdout.contains("Nearest misses: alpha-iaas, beta-iaas"))
    #expect(result.stderr.contains("no offering passes the gates"))
  }

  @Test("--output writes the file atomically; an unwritable path exits 74 and leaves nothing")
  func outputFile() throws {
    let workspace = try Workspace(requirements: Self.health)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let target = workspace.root.appending(path: "ranking.csv").path
    let result = try workspace.rank(["--format", "csv", "--output", target])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("rank,provider_id"))
    let missingDirectory = workspace.root.appending(path: "no/such/dir/ranking.csv").path
    let failed = try workspace.rank(["--output", missingDirectory])
    #expect(failed.status == 74)
    #expect(failed.stderr.contains("cannot write"))
    #expect(!FileManager.default.fileExists(atPath: missingDirectory))
  }

  @Test("a missing requirements file exits 66")
  func missingFile() throws {
    let workspace = try Workspace(requirements: Self.health)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let result = try CLIRunner.run(["rank", "nope.yaml", "--catalog", workspace.catalog], in: workspace.root)
    #expect(result.status == 66)
    #expect(result.stderr.contains("nope.yaml: requirements file not found"))
  }

  @Test("a bad option value exits 64")
  func usage() throws {
    let workspace = try Workspace(requirements: Self.health)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    #expect(try workspace.rank(["--format", "xlsx"]).status == 64)
    #expect(try workspace.rank(["--method", "ahp"]).status == 64)
  }

  /// Each bad-input class: its text, and the expected `line:column: message` on stderr (exit 65).
  static let badInputs: [(String, String)] = [
    ("name: x\ngates:\n  immune_to: [us-cloud-act\n", "invalid YAML"),
    ("name: x\ncriterias: {sovereignty: 1}\n", "req.yaml:2:1: error: unknown key `criterias` in the requirements file\n    hint: did you mean `criteria`?"),
    ("residency: FR\n", "req.yaml:1:12: error: `residency` must be a list"),
    ("gates:\n  immune_to: [us-cloud-akt]\n", "req.yaml:2:15: error: unknown law `us-cloud-akt` in `gates.immune_to`\n    hint: did you mean `us-cloud-act`?"),
    ("nice_to_have: [kubernetis]\n", "req.yaml:1:16: error: unknown capability `kubernetis` in `nice_to_have`\n    hint: did you mean `kubernetes`?"),
    ("residency: [FX]\n", "req.yaml:1:13: error: unknown country or group `FX` in `residency`\n    hint: did you mean `FR`?"),
    ("criteria:\n  sovereignty: 0\n", "req.yaml:2:3: error: `criteria` gives no criterion a positive weight"),
    ("criteria:\n  openness: -1\n", "req.yaml:2:13: error: the weight of `openness` must be between 0 and 1000000, found -1"),
  ]

  @Test("bad requirements exit 65 with file:line:column and a hint", arguments: badInputs)
  func badInput(_ text: String, _ expected: String) throws {
    let workspace = try Workspace(requirements: text)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let result = try CLIRunner.run(["rank", "req.yaml", "--catalog", workspace.catalog], in: workspace.root)
    #expect(result.status == 65)
    #expect(result.stderr.contains(expected), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}
