import Foundation
import SovereignTestSupport
import Testing

/// `sovereign rank --robustness N` and `--sweep`, end to end: on a small catalog written to a
/// temporary directory (hand-checked cases) and on the bundled catalog.
@Suite("rank --robustness and --sweep, end to end")
struct RankRobustnessCommandTests {
  /// A provider with one offering; `hds` nil writes no HDS record (the HDS fact is unknown).
  static func provider(id: String, seat: String, hds: String?, capabilities: String) -> String {
    """
    \(FixtureCatalogText.providerHead(id: id, seat: seat))
    \(FixtureCatalogText.oneOfferingHead(id: id))
        regions:
          source: legal
          list:
            - { country: \(seat) }
        capabilities:
          source: legal
          list: \(capabilities)
    """ + (hds.map {
      """

          certifications:
            hds:
              status: certified
              activities: \($0)
              referential: "2.0"
              source: legal
      """
    } ?? "")
  }

  /// alpha: HDS 1-6, no object storage; beta: HDS 1-3 (known to fall short of 1-6), object
  /// storage; gamma: no HDS record (unknown), no object storage.
  struct Workspace {
    let root: URL
    var catalog: String { root.appending(path: "catalog").path }
    var requirements: String { root.appending(path: "req.yaml").path }

    init(requirements text: String) throws {
      root = try CLIRunner.temporaryDirectory()
      var files = FixtureCatalogText.baseFiles(countries: ["FR", "DE", "US"])
      files["providers/alpha.yaml"] = provider(id: "alpha", seat: "FR", hds: "[1, 2, 3, 4, 5, 6]", capabilities: "[vm, kubernetes]")
      files["providers/beta.yaml"] = provider(id: "beta", seat: "DE", hds: "[1, 2, 3]", capabilities: "[vm, object-storage]")
      files["providers/gamma.yaml"] = provider(id: "gamma", seat: "FR", hds: nil, capabilities: "[vm]")
      try FixtureCatalogText.write(files, into: root.appending(path: "catalog"))
      try text.write(toFile: requirements, atomically: true, encoding: .utf8)
    }

    func rank(_ extra: [String]) throws -> CLIRunner.Result {
      try CLIRunner.run(["rank", requirements, "--catalog", catalog] + extra, in: root)
    }
  }

  static func json(_ result: CLIRunner.Result) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
  }

  static func offerings(_ object: [String: Any]) -> [String: [String: Any]] {
    let list = ((object["robustness"] as? [String: Any])?["offerings"] as? [[String: Any]]) ?? []
    return Dictionary(uniqueKeysWithValues: list.map { ($0["offering_id"] as? String ?? "", $0) })
  }

  @Test("an offering whose HDS fact is unknown is eligible in a share p of scenarios; a known shortfall never flips")
  func unknownFactsDecideEligibility() throws {
    let workspace = try Workspace(
      requirements: """
        data: { kind: health }
        criteria: { certifications: 60, capabilities: 40 }
        nice_to_have: [object-storage]
        robustness: { unknown_facts: { p: 0.3 } }
        """)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let object = try Self.json(try workspace.rank(["--robustness", "4000", "--seed", "11", "--format", "json"]))
    let offerings = Self.offerings(object)
    let alpha = try #require(offerings["alpha-iaas"])
    let gamma = try #require(offerings["gamma-iaas"])
    #expect(offerings["beta-iaas"] == nil, "beta's HDS activities are known to fall short: never eligible")
    #expect(alpha["eligibility"] as? Double == 1)
    let p = try #require(gamma["eligibility"] as? Double)
    // Binomial(4000, 0.3): standard deviation 0.0072; 5 of them.
    #expect(abs(p - 0.3) < 0.036)
    #expect(gamma["unknown_facts"] as? [String] == ["hds", "secnumcloud", "capability:object-storage"])
    for offering in offerings.values {
      let b = try #require(offering["rank_acceptability"] as? [Double])
      #expect(abs(b.reduce(0, +) - (offering["eligibility"] as? Double ?? -1)) < 1e-12)
      #expect(offering["first_rank_acceptability"] as? Double == b.first)
    }
    // alpha is always eligible, so someone is first in every scenario (more than one when they tie:
    // resolved facts make equal values, and ties share the best rank).
    let b1 = offerings.values.compactMap { ($0["rank_acceptability"] as? [Double])?.first }.reduce(0, +)
    #expect(b1 >= 1 - 1e-12)
    let baseline = try #require(object["offerings"] as? [[String: Any]])
    #expect(baseline.first { $0["offering_id"] as? String == "beta-iaas" }?["standing"] as? String == "excluded-by-fact")
  }

  @Test("the same seed gives the same output; JSON adds `robustness` and leaves the other fields as they are")
  func seedAndAdditiveJSON() throws {
    let workspace = try Workspace(
      requirements: "criteria: { certifications: 60, capabilities: 40 }\nnice_to_have: [object-storage]\nrobustness: { unknown_facts: false }\n")
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let first = try workspace.rank(["--robustness", "3000", "--seed", "5", "--format", "json"])
    let second = try workspace.rank(["--robustness", "3000", "--seed", "5", "--format", "json"])
    let other = try workspace.rank(["--robustness", "3000", "--seed", "6", "--format", "json"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout == second.stdout)
    #expect(first.stdout != other.stdout)
    var with = try Self.json(first)
    let plain = try Self.json(try workspace.rank(["--format", "json"]))
    let robustness = try #require(with.removeValue(forKey: "robustness") as? [String: Any])
    #expect(NSDictionary(dictionary: with).isEqual(to: plain))
    #expect(robustness["scenarios"] as? Int == 3000 && robustness["seed"] as? Int == 5)
    #expect((robustness["weights"] as? [String: Any])?["model"] as? String == "spread")
    #expect((robustness["weights"] as? [String: Any])?["spread"] as? Double == 0.25)
    // Every offering eligible here (no gate, facts not varied, no tie but on a set of weights of measure 0):
    // each offering's acceptabilities sum to 1, and so does each rank.
    let offerings = Self.offerings(with.merging(["robustness": robustness]) { $1 })
    let rows = offerings.values.compactMap { $0["rank_acceptability"] as? [Double] }
    #expect(rows.count == 3)
    for row in rows { #expect(abs(row.reduce(0, +) - 1) < 1e-12) }
    for r in 0..<3 { #expect(abs(rows.map { $0[r] }.reduce(0, +) - 1) < 1e-12) }
  }

  @Test("--sweep: a hand-checked flip point at 1/2, with who takes over beyond it")
  func sweepFlipPoint() throws {
    // No gate: alpha, beta, gamma. certifications raw (mean of HDS, SecNumCloud, other schemes): alpha
    // (1 + 0.5 + 0)/3 = 1/2, beta (1/2 + 0.5 + 0)/3 = 1/3, gamma (0.5 + 0.5 + 0)/3 = 1/3; capabilities
    // (object storage listed 1, not listed 0.5): alpha 0.5, beta 1, gamma 0.5. Min-max: certifications alpha 1,
    // beta 0, gamma 0; capabilities alpha 0, beta 1, gamma 0. With certifications at t (capabilities 1 − t):
    // alpha t, beta 1 − t, gamma 0: alpha first for t ≥ 1/2, beta below, tied exactly at 1/2.
    let workspace = try Workspace(
      requirements: "criteria: { certifications: 70, capabilities: 30 }\nnice_to_have: [object-storage]\nmethod: weighted-sum\n")
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let object = try Self.json(try workspace.rank(["--sweep", "--format", "json"]))
    let sweeps = try #require(object["sweeps"] as? [[String: Any]])
    #expect(sweeps.map { $0["criterion"] as? String } == ["certifications", "capabilities"])
    let certifications = sweeps[0]
    #expect(certifications["winner"] as? String == "alpha-iaas")
    #expect(abs((certifications["lower"] as? Double ?? 0) - 0.5) < 1e-12)
    #expect(certifications["upper"] as? Double == 1)
    let below = try #require(certifications["below"] as? [String: Any])
    #expect(below["takers"] as? [String] == ["beta-iaas"])
    #expect(below["tied"] as? [String] == ["alpha-iaas", "beta-iaas"])
    #expect(certifications["exact"] as? Bool == true)
    // Capabilities at t (certifications 1 − t): alpha 1 − t, beta t: alpha first for t ≤ 1/2.
    let capabilities = try Self.json(try workspace.rank(["--sweep", "capabilities", "--format", "json"]))
    let only = try #require((capabilities["sweeps"] as? [[String: Any]])?.first)
    #expect(abs((only["upper"] as? Double ?? 0) - 0.5) < 1e-12)
    #expect((only["above"] as? [String: Any])?["takers"] as? [String] == ["beta-iaas"])
    let table = try workspace.rank(["--sweep"])
    #expect(table.stdout.contains("certifications  0.7000  [0.500000, 1.000000]"), "\(table.stdout)")
    #expect(table.stdout.contains("beta-iaas (tie at 0.500000: alpha-iaas, beta-iaas)"))
  }

  @Test("usage errors exit 64: an unknown criterion for --sweep (did you mean), CSV with --robustness")
  func usageErrors() throws {
    let workspace = try Workspace(requirements: "criteria: { certifications: 60, capabilities: 40 }\n")
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let typo = try workspace.rank(["--sweep", "certifcations"])
    #expect(typo.status == 64)
    #expect(typo.stderr.contains("`certifcations` is not a criterion"))
    #expect(typo.stderr.contains("certifications"))
    let notWeighted = try workspace.rank(["--sweep", "openness"])
    #expect(notWeighted.status == 64)
    let csv = try workspace.rank(["--robustness", "100", "--format", "csv"])
    #expect(csv.status == 64)
    #expect(csv.stderr.contains("--format json"))
    let zero = try workspace.rank(["--robustness", "0"])
    #expect(zero.status == 64)
  }

  @Test("bundled catalog: reproducible, and eligibility follows the facts")
  func bundledCatalog() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let file = root.appending(path: "examples/health-data-warehouse.yaml").path
    let run = { (seed: String) in try CLIRunner.run(["rank", file, "--robustness", "2000", "--seed", seed, "--format", "json"]) }
    let first = try run("3")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(try run("3").stdout == first.stdout)
    let object = try Self.json(first)
    let offerings = Self.offerings(object)
    let baseline = try #require(object["offerings"] as? [[String: Any]])
    // Excluded by a known fact: never eligible, so not among the alternatives.
    let byFact = baseline.filter { $0["standing"] as? String == "excluded-by-fact" }.compactMap { $0["offering_id"] as? String }
    #expect(!byFact.isEmpty)
    for id in byFact { #expect(offerings[id] == nil) }
    // Hanging on unknown facts: eligible in some scenarios, not all.
    let hanging = offerings.values.filter { !(($0["unknown_facts"] as? [String]) ?? []).isEmpty }
    #expect(!hanging.isEmpty)
    let partly = hanging.filter { ($0["eligibility"] as? Double).map { $0 > 0 && $0 < 1 } ?? false }
    #expect(!partly.isEmpty)
    for offering in offerings.values {
      let b = try #require(offering["rank_acceptability"] as? [Double])
      #expect(abs(b.reduce(0, +) - (offering["eligibility"] as? Double ?? -1)) < 1e-12)
    }
    let table = try CLIRunner.run(["rank", file, "--robustness", "500"])
    #expect(table.stdout.contains("Robustness. SMAA-2 (topsis): 500 scenarios, seed 1"))
    #expect(table.stdout.contains("█"))
    let markdown = try CLIRunner.run(["rank", file, "--robustness", "500", "--sweep", "--format", "markdown"])
    #expect(markdown.stdout.contains("## Robustness"))
    #expect(markdown.stdout.contains("## Weight sweeps"))
  }
}
