import Foundation
import SovereignTestSupport
import Testing

/// Issue 12 through the CLI: headline and `summary`, proven first, nearest misses with the facts
/// to find, the attestation conflict, `--as-of` and the tie rule.
@Suite("rank: proven vs unverified, misses, conflicts, --as-of, ties")
struct RankStandingCommandTests {
  /// One provider file with one offering. `capabilities` listed; `stack` the open-source stack;
  /// `hds` the HDS block (YAML, indented 6).
  static func provider(
    id: String, seat: String = "FR", country: String? = "FR", capabilities: [String], stack: String = "unknown",
    hds: String = "status: not-certified", secnumcloud: String? = nil
  ) -> String {
    """
    \(FixtureCatalogText.providerHead(id: id, seat: seat, asOf: "2026-10-15"))
        owners: []
        owners_complete: yes
    \(FixtureCatalogText.oneOfferingHead(id: id))
    \(country.map { "    regions:\n          source: legal\n          list:\n            - { country: \($0) }" } ?? "")
        capabilities:
          source: legal
          list: [\(capabilities.joined(separator: ", "))]
        open_source_stack: { value: \(stack), source: legal }
        certifications:
          hds:
            \(hds)
            source: legal
    \(secnumcloud.map { "      secnumcloud:\n        " + $0 + "\n        source: legal" } ?? "")
    """
  }

  struct Workspace {
    let root: URL
    var catalog: String { root.appending(path: "catalog").path }
    var requirements: String { root.appending(path: "req.yaml").path }

    init(providers: [String: String], requirements text: String) throws {
      root = try CLIRunner.temporaryDirectory()
      var files = FixtureCatalogText.baseFiles(countries: ["FR", "DE", "US"])
      for (id, text) in providers { files["providers/\(id).yaml"] = text }
      try FixtureCatalogText.write(files, into: root.appending(path: "catalog"))
      try text.write(toFile: requirements, atomically: true, encoding: .utf8)
    }

    func rank(_ extra: [String] = [], bundled: Bool = false) throws -> CLIRunner.Result {
      try CLIRunner.run(["rank", requirements] + (bundled ? ["--offline"] : ["--catalog", catalog]) + extra, in: root)
    }
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// alpha: proven (every gate passes on facts); beta: residency unknown (no regions) but
  /// tolerated; gamma: US seat, reached by the CLOUD Act.
  static var mixed: [String: String] {
    [
      "alpha": provider(id: "alpha", capabilities: ["vm", "kubernetes"], stack: "yes"),
      "beta": provider(id: "beta", seat: "DE", country: nil, capabilities: ["vm"]),
      "gamma": provider(id: "gamma", seat: "US", capabilities: ["vm", "kubernetes", "object-storage"], stack: "yes"),
    ]
  }

  @Test("headline, summary and proven-first order; --order score gives one list")
  func headlineAndSummary() throws {
    let workspace = try Workspace(
      providers: Self.mixed, requirements: "residency: [FR, DE]\nunknown: tolerant\ngates:\n  immune_to: [us-cloud-act]\n")
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let table = try workspace.rank(["--as-of", "2026-11-20", "--wide"])
    #expect(table.status == 0, "\(table.stderr)")
    #expect(
      table.stdout.contains(
        "as of 2026-11-20: 1 proven (pass every gate on facts), 1 unverified (pass only because unknown facts are tolerated), 1 excluded by facts, 0 excluded by unknown facts"))
    let proven = try #require(table.stdout.range(of: "Proven (every gate passes on facts): 1"))
    let unverified = try #require(table.stdout.range(of: "Unverified (pass only because unknown facts are tolerated): 1"))
    #expect(proven.lowerBound < unverified.lowerBound)
    #expect(table.stdout.contains("bounds [worst, best]"))
    let byScore = try workspace.rank(["--order", "score"])
    #expect(!byScore.stdout.contains("Proven (every gate"))
    let json = try Self.json(try workspace.rank(["--format", "json", "--as-of", "2026-11-20"]).stdout)
    #expect(json["date"] as? String == "2026-11-20")
    #expect(json["summary"] as? [String: Int] == ["proven": 1, "unverified": 1, "excluded_by_fact": 1, "excluded_by_unknown": 0])
    let offerings = try #require(json["offerings"] as? [[String: Any]])
    let standing = Dictionary(uniqueKeysWithValues: offerings.map { ($0["offering_id"] as! String, $0["standing"] as! String) })
    #expect(standing == ["alpha-iaas": "proven", "beta-iaas": "unverified", "gamma-iaas": "excluded-by-fact"])
    for offering in offerings where offering["score"] is Double {
      let bounds = try #require(offering["bounds"] as? [String: Double])
      let score = offering["score"] as! Double
      #expect(bounds["worst"]! <= score && score <= bounds["best"]!)
    }
    let markdown = try workspace.rank(["--format", "markdown", "--as-of", "2026-11-20"]).stdout
    #expect(markdown.contains("**As of 2026-11-20: 1 proven"))
    #expect(markdown.contains("### Proven (every gate passes on facts): 1"))
    let csv = try workspace.rank(["--format", "csv", "--as-of", "2026-11-20"]).stdout
    #expect(csv.contains(",2026-11-20,proven,"))
  }

  @Test("nearest misses: fewest failed then unknown gates, with the facts to find; a US-controlled offering is never one")
  func nearestMisses() throws {
    let workspace = try Workspace(
      providers: Self.mixed, requirements: "residency: [FR, DE]\ngates:\n  immune_to: [us-cloud-act]\n  secnumcloud: qualified\n")
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let result = try workspace.rank(["--wide"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("Nearest misses: alpha-iaas, beta-iaas\n"))
    #expect(result.stdout.contains("- alpha-iaas (ALPHA): 0 failed, 1 unknown (secnumcloud)"))
    #expect(result.stdout.contains("to know (secnumcloud): whether alpha IaaS [alpha-iaas] is SecNumCloud-qualified (no SecNumCloud record); usually published in ANSSI's catalogue"))
    #expect(result.stdout.contains("to know (residency): the countries where beta IaaS [beta-iaas] stores data (regions: none listed)"))
    #expect(!result.stdout.contains("- gamma-iaas (GAMMA): "))
    let json = try Self.json(try workspace.rank(["--format", "json", "--misses", "1"]).stdout)
    #expect(json["nearest_misses"] as? [String] == ["alpha-iaas"])
    let misses = try #require(json["misses"] as? [[String: Any]])
    #expect(misses.first?["unknown"] as? [String] == ["secnumcloud"])
    // With offerings passing, misses are listed only when asked.
    let passing = try Workspace(providers: Self.mixed, requirements: "residency: [FR]\n")
    defer { try? FileManager.default.removeItem(at: passing.root) }
    #expect(!(try passing.rank().stdout.contains("Nearest misses")))
    #expect(try passing.rank(["--misses", "3"]).stdout.contains("Nearest misses: "))
  }

  @Test("one or two survivors: a note that relative scores say little, with the raw values")
  func fewSurvivors() throws {
    let workspace = try Workspace(providers: Self.mixed, requirements: "residency: [FR]\n")
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let result = try workspace.rank()
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("note: Only two offerings pass the gates"))
    #expect(result.stdout.contains("  alpha-iaas: raw sovereignty "))
  }

  @Test("scores equal to 1e-12 share a rank (competition ranking 1, 2, 2, 4)")
  func ties() throws {
    // Weighted sum over certifications, capabilities and openness with equal weights: min-max
    // values (1/3, 2/3, 1) for a and (2/3, 1, 1/3) for b. Summed in criterion order they differ
    // in the last bit (0.6666666666666666 vs 0.6666666666666667): the same score.
    let hds = { (activities: String) in "status: certified\n        activities: \(activities)" }
    let providers = [
      "zmin": Self.provider(id: "zmin", capabilities: [], stack: "no"),
      "a": Self.provider(id: "a", capabilities: ["vm", "kubernetes"], stack: "yes", hds: hds("[1, 2]")),
      "b": Self.provider(id: "b", capabilities: ["vm", "kubernetes", "object-storage"], stack: "no", hds: hds("[1, 2, 3, 4]")),
      "max": Self.provider(id: "max", capabilities: ["vm", "kubernetes", "object-storage"], stack: "yes", hds: hds("[1, 2, 3, 4, 5, 6]")),
    ]
    let workspace = try Workspace(
      providers: providers,
      requirements: """
        criteria: { certifications: 1, capabilities: 1, openness: 1 }
        nice_to_have: [vm, kubernetes, object-storage]
        method: weighted-sum

        """)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let json = try Self.json(try workspace.rank(["--format", "json"]).stdout)
    let offerings = try #require(json["offerings"] as? [[String: Any]])
    #expect(offerings.map { $0["offering_id"] as? String } == ["max-iaas", "a-iaas", "b-iaas", "zmin-iaas"])
    #expect(offerings.map { $0["rank"] as? Int } == [1, 2, 2, 4])
    // Full-precision scores from the CSV (JSONSerialization may round the last digit).
    let rows = try workspace.rank(["--format", "csv"]).stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let a = try #require(Double(String(rows[2][5])))
    let b = try #require(Double(String(rows[3][5])))
    #expect(rows[2][0] == "2" && rows[3][0] == "2")
    #expect(abs(a - b) <= 1e-12 * max(a, b))
    #expect(a != b, "the fixture should give scores that differ in the last bits (\(a), \(b))")
  }

  @Test("--as-of: Outscale's SecNumCloud qualification counts on 2026-11-29, not on 2026-12-01, and is flagged in November")
  func asOfOutscale() throws {
    let workspace = try Workspace(providers: [:], requirements: "gates:\n  secnumcloud: qualified\nunknown: tolerant\n")
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let before = try Self.json(try workspace.rank(["--format", "json", "--as-of", "2026-11-29"], bundled: true).stdout)
    let after = try Self.json(try workspace.rank(["--format", "json", "--as-of", "2026-12-01"], bundled: true).stdout)
    func outscale(_ json: [String: Any]) throws -> [String: Any] {
      let offerings = try #require(json["offerings"] as? [[String: Any]])
      return try #require(offerings.first { $0["offering_id"] as? String == "outscale-iaas-secnumcloud" })
    }
    func gate(_ offering: [String: Any]) -> String? {
      (offering["gates"] as? [[String: Any]])?.first { $0["gate"] as? String == "secnumcloud" }?["verdict"] as? String
    }
    #expect(before["date"] as? String == "2026-11-29" && after["date"] as? String == "2026-12-01")
    #expect(gate(try outscale(before)) == "pass")
    #expect(gate(try outscale(after)) == "fail")
    #expect(((try outscale(before))["flags"] as? [String])?.contains { $0.hasPrefix("expiring: SecNumCloud qualification valid until 2026-11-30") } == true)
    #expect(((try outscale(after))["flags"] as? [String])?.contains("expired: SecNumCloud qualification valid until 2026-11-30") == true)
    let table = try workspace.rank(["--as-of", "2026-11-15"], bundled: true).stdout
    #expect(table.contains("as of 2026-11-15"))
    #expect(table.contains("- outscale-iaas-secnumcloud: expiring: SecNumCloud qualification valid until 2026-11-30 (15 days"))
    let markdown = try workspace.rank(["--as-of", "2026-11-15", "--format", "markdown"], bundled: true).stdout
    #expect(markdown.contains("expiring: SecNumCloud qualification valid until 2026-11-30"))
    let csv = try workspace.rank(["--as-of", "2026-11-15", "--format", "csv"], bundled: true).stdout
    #expect(csv.contains("expiring: SecNumCloud qualification valid until 2026-11-30"))
    // exposure and show take the same option and print the date.
    let exposure = try CLIRunner.run(["exposure", "outscale-iaas-secnumcloud", "--offline", "--as-of", "2026-11-15"])
    #expect(exposure.stdout.contains("as of 2026-11-15"))
    #expect(exposure.stdout.contains("expiring: SecNumCloud qualification valid until 2026-11-30"))
    let exposureJSON = try CLIRunner.run(["exposure", "outscale-iaas-secnumcloud", "--offline", "--as-of", "2026-12-01", "--format", "json"])
    let results = try #require(try JSONSerialization.jsonObject(with: Data(exposureJSON.stdout.utf8)) as? [[String: Any]])
    #expect(results.first?["as_of"] as? String == "2026-12-01")
    #expect((results.first?["certificate_notices"] as? [[String: Any]])?.first?["kind"] as? String == "expired")
    let show = try CLIRunner.run(["show", "outscale", "--offline", "--as-of", "2026-11-15"])
    #expect(show.stdout.contains("as of 2026-11-15"))
    #expect(show.stdout.contains("expiring: SecNumCloud qualification valid until 2026-11-30"))
    let bad = try CLIRunner.run(["rank", workspace.requirements, "--offline", "--as-of", "2026-13-01"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--as-of expects a date as YYYY-MM-DD"))
  }

  /// The bundled catalog records Cloud Temple's Tunisian freelance engineers on its managed
  /// services (HDS activity 5), not on its SecNumCloud IaaS, so the bundled data holds no conflict.
  /// This test gives the IaaS that sourced subprocessor (a copy of data/ in a temporary catalog):
  /// the qualification's § 19.6 attestation and the sourced Tunisian access then disagree.
  @Test("Cloud Temple: Tunisian access contradicts the SecNumCloud attestation; a conflict is reported, the fact wins, no law is 'not exposed' on the attestation")
  func cloudTempleConflict() throws {
    let workspace = try Workspace(providers: [:], requirements: "gates:\n  immune_to: [us-cloud-act]\n  secnumcloud_19_6: true\nunknown: tolerant\n")
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appending(path: "data")
    let copy = workspace.root.appending(path: "data")
    try FileManager.default.copyItem(at: data, to: copy)
    let file = copy.appending(path: "providers/cloud-temple.yaml")
    var text = try String(contentsOf: file, encoding: .utf8)
    let block = try #require(text.range(of: "    subprocessors:\n      - entity: cloud-temple-tunisia-freelancers"))
    let blockEnd = try #require(text.range(of: "\n    notes:", range: block.upperBound..<text.endIndex))
    let subprocessors = String(text[block.lowerBound..<blockEnd.lowerBound]) + "\n"
    let iaas = try #require(text.range(of: "  - id: cloud-temple-iaas-secure-temple\n"))
    let iaasNotes = try #require(text.range(of: "\n    notes:", range: iaas.upperBound..<text.endIndex))
    text.insert(contentsOf: "\n" + subprocessors.dropLast(), at: iaasNotes.lowerBound)
    try text.write(to: file, atomically: true, encoding: .utf8)
    func rank(_ extra: [String]) throws -> CLIRunner.Result {
      try CLIRunner.run(["rank", workspace.requirements, "--catalog", copy.path, "--offline"] + extra, in: workspace.root)
    }
    let id = "cloud-temple-iaas-secure-temple"
    let json = try Self.json(try rank(["--format", "json", "--as-of", "2026-11-29"]).stdout)
    let offerings = try #require(json["offerings"] as? [[String: Any]])
    let temple = try #require(offerings.first { $0["offering_id"] as? String == id })
    let conflicts = try #require(temple["conflicts"] as? [[String: Any]])
    let conflict = try #require(conflicts.first { $0["subject"] as? String == "19.6-c-third-party-access" })
    #expect((conflict["fact"] as? String)?.contains("Tunisia") == true)
    #expect(!((conflict["fact_sources"] as? [Any]) ?? []).isEmpty && !((conflict["attestation_sources"] as? [Any]) ?? []).isEmpty)
    let gates = try #require(temple["gates"] as? [[String: Any]])
    #expect(gates.first { $0["gate"] as? String == "secnumcloud_19_6" }?["verdict"] as? String == "fail")
    // The CLOUD Act verdict does not rest on the contradicted attestation.
    let cloudAct = try #require(gates.first { $0["gate"] as? String == "immune_to:us-cloud-act" })
    #expect(!((cloudAct["detail"] as? String) ?? "").contains("ANSSI's qualification attests"))
    #expect(temple["standing"] as? String == "excluded-by-fact")
    let table = try rank(["--as-of", "2026-11-29"]).stdout
    #expect(table.contains("Conflicts between sourced facts and SecNumCloud qualifications (rule: the specific sourced fact wins"))
    let exposure = try CLIRunner.run(["exposure", id, "--catalog", copy.path, "--offline", "--as-of", "2026-11-29"]).stdout
    #expect(exposure.contains("Conflicts between sourced facts and the SecNumCloud qualification"))
    #expect(!exposure.contains("not-exposed  [18 U.S.C."))  // the CLOUD Act line is not "not-exposed"
    #expect(!exposure.contains("ANSSI's qualification attests"))
  }
}
