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

  @Test func aHolderASourceSaysDoesNotControlIsNoPossibleControllerEvenWithUnknownCapital() throws {
    // As OVHcloud's own § 19.6 declaration says of KKR and TowerBrook: shares of unknown size,
    // no control. The family holder is the controller; the US fund is not summed back in.
    let fund = OwnershipEdge(
      owner: "us-fund", capital: .unknown, votes: .unknown, veto: .unknown, boardMajority: .unknown, controlling: .no,
      provenance: Fixture.cited)
    let family = OwnershipEdge(
      owner: "fr-family", capital: .unknown, votes: .unknown, veto: .unknown, boardMajority: .unknown, controlling: .yes,
      provenance: Fixture.cited)
    let catalog = Fixture.catalog(
      [
        Fixture.entity("fr-group", "Cloud Groupe SA", seat: "FR", owners: [fund, family], complete: .yes),
        Fixture.entity("us-fund", "Fund LP", seat: "US", complete: .unknown),
        Fixture.entity("fr-family", "Family Holding", seat: "FR", complete: .yes),
      ], contracting: "fr-group")
    let law = try #require(Fixture.assess(catalog).exposure(to: "us-cloud-act"))
    #expect(law.verdict != .exposed)
    #expect(!law.missingFacts.contains { $0.contains("Fund LP") }, "\(law.missingFacts)")
    let path = law.path?.description ?? ""
    #expect(!path.contains("Fund LP"), "\(path)")
  }
}
