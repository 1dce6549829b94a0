import SovereignCatalog
import SovereignExposure
import Testing

/// `controlling: yes` (a source names the parent without a percentage) counts as control.
@Suite struct ControllingFlagTests {
  static func catalog(controlling: TriState) -> Catalog {
    let edge = OwnershipEdge(
      owner: "us-parent", capital: .unknown, votes: .unknown, veto: .unknown, boardMajority: .unknown, controlling: controlling,
      provenance: Fixture.cited)
    return Fixture.catalog(
      [
        Fixture.entity("ie-sub", "Cloud Ireland Ltd", seat: "IE", owners: [edge], complete: .unknown),
        Fixture.entity("us-parent", "Cloud Inc", seat: "US", complete: .unknown),
      ], contracting: "ie-sub")
  }

  @Test func aControllingParentWithoutPercentageExposes() throws {
    let result = Fixture.assess(Self.catalog(controlling: .yes))
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .exposed)
    #expect(law.path?.description == "Cloud Ireland Ltd -> controlled by Cloud Inc (US) -> us-cloud-act")
    #expect(result.criterion("19.6-b-rights")?.verdict == .fail)
    // Its capital is unknown: the individual test cannot fail on a figure, nor pass.
    #expect(result.criterion("19.6-b-individual")?.verdict == .unknown)
  }

  @Test func anUnknownControllingFlagIsUnknownNotExposed() throws {
    let result = Fixture.assess(Self.catalog(controlling: .unknown))
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .unknown)
    #expect(law.missingFacts.contains { $0.contains("whether Cloud Inc [us-parent] controls Cloud Ireland Ltd") })
  }
}
