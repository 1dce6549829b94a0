import Foundation
import SovereignTestSupport
import Testing

/// Issue 15 through the CLI: `compare`, `--assume` on rank / exposure / compare, `rank --questions`.
@Suite("compare, --assume, --questions")
struct CompareWhatIfCommandTests {
  typealias Workspace = RankStandingCommandTests.Workspace

  /// alpha: French, owners complete; gamma: US seat (reached by the CLOUD Act); delta: French,
  /// owners not known to be complete (CLOUD Act unknown: an unlisted holder could control it).
  static var providers: [String: String] {
    [
      "alpha": RankStandingCommandTests.provider(id: "alpha", capabilities: ["vm", "kubernetes"], stack: "yes"),
      "gamma": RankStandingCommandTests.provider(id: "gamma", seat: "US", capabilities: ["vm"], stack: "yes"),
      "delta": RankStandingCommandTests.provider(id: "delta", capabilities: ["vm", "kubernetes"], stack: "yes")
        .replacingOccurrences(of: "owners_complete: yes", with: "owners_complete: unknown"),
    ]
  }

  static let immune = "residency: [FR]\nunknown: conservative\ngates:\n  immune_to: [us-cloud-act]\n"

  func run(_ workspace: Workspace, _ arguments: [String]) throws -> CLIRunner.Result {
    try CLIRunner.run(arguments + ["--catalog", workspace.catalog, "--as-of", "2026-11-20"], in: workspace.root)
  }

  @Test("compare two offerings: the CLOUD Act row differs and is marked, each cell cites its sources, in every format")
  func compareTwoOfferings() throws {
    let workspace = try Workspace(providers: Self.providers, requirements: Self.immune)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let table = try run(workspace, ["compare", "alpha-iaas", "gamma-iaas"])
    #expect(table.status == 0, "\(table.stderr)")
    let line = try #require(table.stdout.split(separator: "\n").first { $0.contains("us-cloud-act") })
    #expect(line.hasPrefix("≠"))
    #expect(line.contains("not-exposed (provider) [") && line.contains("exposed (provider) ["))
    let capabilities = try #require(table.stdout.split(separator: "\n").first { $0.contains(" kubernetes ") })
    #expect(capabilities.hasPrefix("≠") && capabilities.contains("not known"))
    let seat = try #require(table.stdout.split(separator: "\n").first { $0.contains("HDS status") })
    #expect(!seat.hasPrefix("≠"))
    #expect(table.stdout.contains("\nSources\n[1] "))
    #expect(table.stdout.contains("https://alpha.example.org/legal"))

    let json = try RankStandingCommandTests.json(try run(workspace, ["compare", "alpha-iaas", "gamma-iaas", "--format", "json"]).stdout)
    #expect(json["schema_version"] as? Int == 1)
    let columns = try #require(json["columns"] as? [[String: Any]])
    #expect(columns.map { $0["offering_id"] as? String } == ["alpha-iaas", "gamma-iaas"])
    let rows = try #require(json["rows"] as? [[String: Any]])
    let law = try #require(rows.first { $0["key"] as? String == "law.us-cloud-act" })
    #expect(law["differs"] as? Bool == true && law["assumed"] as? Bool == false && law["section"] as? String == "laws")
    let cells = try #require(law["cells"] as? [[String: Any]])
    #expect(cells.map { $0["value"] as? String } == ["not-exposed", "exposed"])
    #expect(cells.map { $0["grade"] as? String } == ["provider", "provider"])
    for cell in cells { #expect(!((cell["sources"] as? [[String: Any]]) ?? []).isEmpty) }
    #expect((json["differing_rows"] as? [String])?.contains("law.us-cloud-act") == true)
    #expect((json["assumptions"] as? [Any])?.isEmpty == true)

    let markdown = try run(workspace, ["compare", "alpha-iaas", "gamma-iaas", "--format", "markdown"]).stdout
    #expect(markdown.contains("| ≠ | us-cloud-act | **not-exposed (provider)**"))
    #expect(markdown.contains("## Sources"))
    // A provider id stands for its offerings.
    let byProvider = try RankStandingCommandTests.json(try run(workspace, ["compare", "alpha", "gamma", "--format", "json"]).stdout)
    #expect((byProvider["columns"] as? [[String: Any]])?.map { $0["offering_id"] as? String } == ["alpha-iaas", "gamma-iaas"])
  }

  @Test("compare with an unknown id or a single offering: exit 64 with a did-you-mean")
  func compareUnknownID() throws {
    let workspace = try Workspace(providers: Self.providers, requirements: Self.immune)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let unknown = try run(workspace, ["compare", "alpha-iaas", "gama-iaas"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("no offering or provider has the id `gama-iaas`: did you mean `gamma-iaas`?"))
    #expect(unknown.stdout.isEmpty)
    let single = try run(workspace, ["compare", "alpha-iaas", "alpha"])
    #expect(single.status == 64)
    #expect(single.stderr.contains("needs at least two offerings"))
  }

  @Test("--assume owners_complete=yes makes an offering excluded by an unknown pass, every affected line marked")
  func assumeMakesUnknownPass() throws {
    let workspace = try Workspace(providers: Self.providers, requirements: Self.immune)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let before = try RankStandingCommandTests.json(try workspace.rank(["--format", "json"]).stdout)
    let standing = { (json: [String: Any]) -> [String: String] in
      Dictionary(uniqueKeysWithValues: (json["offerings"] as! [[String: Any]]).map { ($0["offering_id"] as! String, $0["standing"] as! String) })
    }
    #expect(standing(before)["delta-iaas"] == "excluded-by-unknown")
    #expect(before["assumptions"] == nil)

    let assume = ["--assume", "delta-sas.owners_complete=yes"]
    let json = try RankStandingCommandTests.json(try workspace.rank(assume + ["--format", "json"]).stdout)
    #expect(standing(json)["delta-iaas"] == "proven")
    let assumptions = try #require(json["assumptions"] as? [[String: Any]])
    #expect(assumptions.count == 1 && assumptions[0]["id"] as? String == "delta-sas" && assumptions[0]["fact"] as? String == "owners_complete")
    #expect(assumptions[0]["value"] as? String == "yes" && assumptions[0]["subject"] as? String == "entity")
    let offerings = try #require(json["offerings"] as? [[String: Any]])
    let delta = try #require(offerings.first { $0["offering_id"] as? String == "delta-iaas" })
    #expect(delta["assumed"] as? Bool == true)
    let gates = try #require(delta["gates"] as? [[String: Any]])
    let gate = try #require(gates.first { $0["gate"] as? String == "immune_to:us-cloud-act" })
    #expect(gate["verdict"] as? String == "pass" && gate["assumed"] as? Bool == true)
    #expect(gate["grade"] as? String == "assumed" && gate["evidence_kind"] as? String == "assumption")
    // Facts the assumption does not touch are not marked.
    #expect(gates.first { $0["gate"] as? String == "residency" }?["assumed"] == nil)
    let alpha = try #require(offerings.first { $0["offering_id"] as? String == "alpha-iaas" })
    #expect(alpha["assumed"] == nil)

    let table = try workspace.rank(assume + ["--explain"])
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains("WHAT-IF: this result rests on assumptions, not on evidence († marks every line they affect):"))
    #expect(table.stdout.contains("  † assumed delta-sas.owners_complete=yes"))
    let lines = table.stdout.split(separator: "\n")
    let row = try #require(lines.first { $0.contains("(delta-iaas)") })
    #expect(row.contains("(delta-iaas) †"))
    #expect(!(lines.first { $0.contains("(alpha-iaas)") }?.contains("†") ?? true))
    #expect(lines.contains { $0.contains("gate immune_to:us-cloud-act: pass (assumption evidence) †:") })
    let csv = try workspace.rank(assume + ["--format", "csv"]).stdout.split(whereSeparator: \.isNewline)
    #expect(csv.first { $0.contains(",delta-iaas,") }?.contains("assumed (what-if, not evidence): rests on --assume delta-sas.owners_complete=yes") == true)
    #expect(csv.first { $0.contains(",alpha-iaas,") }?.contains("assumed") == false)
    let markdown = try workspace.rank(assume + ["--format", "markdown"]).stdout
    #expect(markdown.contains("> WHAT-IF: this result rests on assumptions"))
    #expect(markdown.contains("`immune_to:us-cloud-act` pass (assumption evidence) †"))

    let exposure = try run(workspace, ["exposure", "delta-iaas"] + assume)
    #expect(exposure.status == 0, "\(exposure.stderr)")
    #expect(exposure.stdout.contains("  us-cloud-act: not-exposed (assumption evidence) †"))
    let exposureJSON = try #require(
      try JSONSerialization.jsonObject(with: Data(try run(workspace, ["exposure", "delta-iaas", "--format", "json"] + assume).stdout.utf8))
        as? [[String: Any]])
    #expect((exposureJSON.first?["assumptions"] as? [Any])?.count == 1)
    let laws = try #require(exposureJSON.first?["laws"] as? [[String: Any]])
    #expect(laws.first { $0["law"] as? String == "us-cloud-act" }?["assumed"] as? Bool == true)

    let compare = try run(workspace, ["compare", "alpha-iaas", "delta-iaas", "--format", "json"] + assume)
    let rows = try #require(try RankStandingCommandTests.json(compare.stdout)["rows"] as? [[String: Any]])
    let law = try #require(rows.first { $0["key"] as? String == "law.us-cloud-act" })
    #expect((law["cells"] as? [[String: Any]])?.map { $0["assumed"] as? Bool } == [false, true])
  }

  @Test("--assume with an unknown id, fact or value: exit 64 naming what is accepted")
  func assumeRejectsBadInput() throws {
    let workspace = try Workspace(providers: Self.providers, requirements: Self.immune)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let fact = try workspace.rank(["--assume", "delta-sas.owner_complete=yes"])
    #expect(fact.status == 64)
    #expect(fact.stderr.contains("`owner_complete` is not a fact that can be assumed for the legal entity `delta-sas`: did you mean `owners_complete`?"))
    #expect(fact.stdout.isEmpty)
    let value = try workspace.rank(["--assume", "delta-sas.owners_complete=maybe"])
    #expect(value.status == 64)
    #expect(value.stderr.contains("`maybe` is not a value of `owners_complete`; accepted: yes, no or unknown"))
    let country = try run(workspace, ["exposure", "delta-iaas", "--assume", "delta-iaas.access_countries=FR,ZZ"])
    #expect(country.status == 64)
    #expect(country.stderr.contains("accepted: country codes separated by commas"))
    let id = try run(workspace, ["compare", "alpha-iaas", "delta-iaas", "--assume", "delt-sas.owners_complete=yes"])
    #expect(id.status == 64)
    #expect(id.stderr.contains("no legal entity or offering has the id `delt-sas`: did you mean `delta-sas`?"))
    let provider = try workspace.rank(["--assume", "delta.owners_complete=yes"])
    #expect(provider.status == 64)
    #expect(provider.stderr.contains("`delta` is a provider; an assumption names one of its legal entities (`delta-sas`)"))
    let wrongSubject = try workspace.rank(["--assume", "delta-iaas.owners_complete=yes"])
    #expect(wrongSubject.status == 64)
    #expect(wrongSubject.stderr.contains("(it is a fact of a legal entity)"))
  }

  @Test("rank --questions: the missing ownership fact asked of the provider, with the gate it decides")
  func questions() throws {
    let workspace = try Workspace(providers: Self.providers, requirements: Self.immune)
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let table = try workspace.rank(["--questions"])
    #expect(table.stdout.contains("\nDELTA [delta], https://delta.example.org\n"))
    #expect(table.stdout.contains("  1. Who holds the capital and voting rights of delta SAS [delta-sas]? Please give every holder with its percentages (the complete list).\n"))
    #expect(table.stdout.contains("     decides: immune_to:us-cloud-act for delta-iaas (near-miss)\n"))
    #expect(table.stdout.contains("usually published in: the registration document or annual report"))
    #expect(!table.stdout.contains("ALPHA [alpha]"))
    let json = try RankStandingCommandTests.json(try workspace.rank(["--questions", "--format", "json"]).stdout)
    let providers = try #require(json["providers"] as? [[String: Any]])
    #expect(providers.map { $0["provider_id"] as? String } == ["delta"])
    let question = try #require((providers[0]["questions"] as? [[String: Any]])?.first)
    #expect(question["decides"] as? [String] == ["immune_to:us-cloud-act"])
    #expect(question["offerings"] as? [String] == ["delta-iaas"])
    #expect((question["fact"] as? String)?.contains("owners_complete: unknown") == true)
    // Tolerated, the same offering is shortlisted and still has the question.
    let tolerant = try Workspace(providers: Self.providers, requirements: Self.immune.replacingOccurrences(of: "conservative", with: "tolerant"))
    defer { try? FileManager.default.removeItem(at: tolerant.root) }
    #expect(try tolerant.rank(["--questions"]).stdout.contains("decides: immune_to:us-cloud-act for delta-iaas (shortlisted)"))
    #expect(try workspace.rank(["--questions", "--format", "csv"]).status == 64)
  }

  @Test("an assumption is never evidence: a catalog cannot cite kind `assumption`, requirements cannot ask for `evidence: assumed`")
  func assumptionIsNotACatalogKind() throws {
    var providers = Self.providers
    providers["alpha"] = providers["alpha"]!.replacingOccurrences(of: "kind: provider", with: "kind: assumption")
    let workspace = try Workspace(providers: providers, requirements: "residency: [FR]\nevidence: assumed\n")
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let validate = try CLIRunner.run(["validate", "--catalog", workspace.catalog])
    #expect(validate.status == 65)
    #expect(validate.stderr.contains("must be one of official-list, regulator, registry, law, court, provider, secondary, found `assumption`"))
    let clean = try Workspace(providers: Self.providers, requirements: "residency: [FR]\nevidence: assumed\n")
    defer { try? FileManager.default.removeItem(at: clean.root) }
    let rank = try clean.rank()
    #expect(rank.status == 65)
    #expect(rank.stderr.contains("`evidence` must be one of secondary, provider, official, found `assumed`"))
  }
}
