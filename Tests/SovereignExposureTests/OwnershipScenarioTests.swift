import SovereignCatalog
import SovereignExposure
import Testing

/// The ownership scenarios of issue 3, on hand-built graphs.
@Suite struct OwnershipScenarioTests {
  @Test func whollyOwnedEUSubsidiaryOfAUSGroupIsExposedToTheCLOUDAct() throws {
    let catalog = Fixture.catalog(
      [
        Fixture.entity("msft-ie", "Microsoft Ireland Operations Ltd", seat: "IE", owners: [Fixture.holds("msft-us", 100)]),
        Fixture.entity("msft-us", "Microsoft Corporation", seat: "US", owners: [Fixture.holds("msft-float", 100)]),
        Fixture.entity("msft-float", "Microsoft public float", kind: .publicFloat, seat: nil),
      ], contracting: "msft-ie")
    let result = Fixture.assess(catalog)
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .exposed)
    #expect(law.rule == .control)
    #expect(law.path?.description == "Microsoft Ireland Operations Ltd -> 100% Microsoft Corporation (US) -> us-cloud-act")
    #expect(law.sources.contains(Fixture.source))
    #expect(law.sources.contains(Fixture.lawSource))
    #expect(result.verdict(for: "cn-national-intelligence-law") == .notExposed)
    #expect(result.criterion("19.6-b-individual")?.verdict == .fail)
    #expect(result.criterion("19.6-b-rights")?.verdict == .fail)
    #expect(result.criterion("19.6-a-seat")?.verdict == .pass)
    #expect(result.secNumCloud196.verdict == .fail)
    #expect(result.ownership.first?.ultimateControllers.map(\.entityID) == ["msft-us"])
    #expect(result.seat.outsideEU == .no)
  }

  @Test func thirtyPercentUSShareholderDoesNotControlButFails196Individually() {
    let catalog = Fixture.catalog(
      [
        Fixture.entity("fr-co", seat: "FR", owners: [Fixture.holds("founder", 70), Fixture.holds("us-fund", 30)]),
        Fixture.entity("founder", kind: .person, seat: "FR"),
        Fixture.entity("us-fund", kind: .fund, seat: "US", owners: [], complete: .unknown),
      ], contracting: "fr-co")
    let result = Fixture.assess(catalog)
    #expect(result.verdict(for: "us-cloud-act") == .notExposed)
    let individual = result.criterion("19.6-b-individual")
    #expect(individual?.verdict == .fail)
    #expect(individual?.detail.contains("30 %") == true)
    #expect(result.criterion("19.6-b-collective")?.verdict == .pass)
    #expect(result.criterion("19.6-b-rights")?.verdict == .pass)
  }

  @Test func twoNonEUHoldersAtTwentyPercentFailCollectively() {
    let catalog = Fixture.catalog(
      [
        Fixture.entity(
          "fr-co", seat: "FR",
          owners: [Fixture.holds("founder", 60), Fixture.holds("us-fund", 20), Fixture.holds("cn-fund", 20)]),
        Fixture.entity("founder", kind: .person, seat: "FR"),
        Fixture.entity("us-fund", kind: .person, seat: "US"),
        Fixture.entity("cn-fund", kind: .person, seat: "CN"),
      ], contracting: "fr-co")
    let result = Fixture.assess(catalog)
    #expect(result.criterion("19.6-b-individual")?.verdict == .pass)
    let collective = result.criterion("19.6-b-collective")
    #expect(collective?.verdict == .fail)
    #expect(collective?.detail.contains("40 %") == true)
    #expect(result.secNumCloud196.verdict == .fail)
  }

  @Test func indirectHoldingIsTheProductAlongTheChain() throws {
    // 60 % of a holding that owns 50 % = 30 %.
    let catalog = Fixture.catalog(
      [
        Fixture.entity("target", seat: "FR", owners: [Fixture.holds("holding", 50), Fixture.holds("founder", 50)]),
        Fixture.entity("holding", seat: "FR", owners: [Fixture.holds("us-parent", 60), Fixture.holds("founder", 40)]),
        Fixture.entity("us-parent", seat: "US", owners: [], complete: .yes),
        Fixture.entity("founder", kind: .person, seat: "FR"),
      ], contracting: "target")
    let result = Fixture.assess(catalog)
    let holding = try #require(result.ownership.first?.holders.first { $0.entityID == "us-parent" })
    #expect(holding.capital == ShareRange(exactly: 30))
    #expect(holding.region == .nonEU)
    // The founder holds 50 % directly and 40 % of 50 % = 20 % through the holding.
    #expect(result.ownership.first?.holders.first { $0.entityID == "founder" }?.capital == ShareRange(exactly: 70))
    #expect(result.criterion("19.6-b-individual")?.verdict == .fail)
    // The US parent controls the holding, but the holding's 50 % is not a majority of the target.
    #expect(result.verdict(for: "us-cloud-act") == .notExposed)
  }

  @Test func aVetoRightWithFivePercentIsControl() throws {
    let catalog = Fixture.catalog(
      [
        Fixture.entity("fr-co", seat: "FR", owners: [Fixture.holds("founder", 95), Fixture.holds("us-investor", 5, veto: .yes)]),
        Fixture.entity("founder", kind: .person, seat: "FR"),
        Fixture.entity("us-investor", seat: "US", complete: .yes),
      ], contracting: "fr-co")
    let result = Fixture.assess(catalog)
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .exposed)
    #expect(law.path?.description.contains("veto right") == true)
    #expect(result.criterion("19.6-b-individual")?.verdict == .pass)
    #expect(result.criterion("19.6-b-rights")?.verdict == .fail)
  }

  @Test func aCycleIsReportedAndNotLoopedOn() {
    let catalog = Fixture.catalog(
      [
        Fixture.entity("a", seat: "FR", owners: [Fixture.holds("b", 50), Fixture.holds("founder", 50)]),
        Fixture.entity("b", seat: "FR", owners: [Fixture.holds("a", 10), Fixture.holds("founder", 90)]),
        Fixture.entity("founder", kind: .person, seat: "FR"),
      ], contracting: "a")
    let result = Fixture.assess(catalog)
    #expect(result.ownership.first?.cycles == [["a", "b", "a"]])
    #expect(result.verdict(for: "us-cloud-act") == .notExposed)
    // The part that goes round the cycle (10 % of 50 % = 5 %) is an upper bound only: still within 39 %.
    #expect(result.criterion("19.6-b-collective")?.verdict == .pass)
  }

  @Test func summedHoldingsWithAControlledSubsidiaryAreControl() throws {
    let catalog = Fixture.catalog(
      [
        Fixture.entity(
          "fr-co", seat: "FR",
          owners: [Fixture.holds("us-parent", 30), Fixture.holds("us-sub", 30), Fixture.holds("founder", 40)]),
        Fixture.entity("us-sub", seat: "DE", owners: [Fixture.holds("us-parent", 100)]),
        Fixture.entity("us-parent", seat: "US", complete: .yes),
        Fixture.entity("founder", kind: .person, seat: "FR"),
      ], contracting: "fr-co")
    let result = Fixture.assess(catalog)
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .exposed)
    #expect(law.path?.description == "fr-co -> 60% with the entities it controls us-parent (US) -> us-cloud-act")
    #expect(result.criterion("19.6-b-individual")?.verdict == .fail)
  }
}

/// Holders above a non-EU holder stay unknown when the non-EU holder's own owners are not complete.
@Suite struct UnlistedHoldersTests {
  @Test func unlistedHoldersOfTwoFundsCouldBeOneHolderAboveTheLimit() {
    let catalog = Fixture.catalog(
      [
        Fixture.entity(
          "fr-co", seat: "FR",
          owners: [Fixture.holds("founder", 60), Fixture.holds("us-fund", 20), Fixture.holds("cn-fund", 20)]),
        Fixture.entity("founder", kind: .person, seat: "FR"),
        Fixture.entity("us-fund", kind: .fund, seat: "US", complete: .unknown),
        Fixture.entity("cn-fund", kind: .fund, seat: "CN", complete: .unknown),
      ], contracting: "fr-co")
    let result = Fixture.assess(catalog)
    // One unlisted investor could own both funds: 40 % > 24 %, so the individual test cannot pass.
    #expect(result.criterion("19.6-b-individual")?.verdict == .unknown)
    #expect(result.criterion("19.6-b-collective")?.verdict == .fail)
  }

  @Test func aPublicFloatOfUnknownCountryCountsCollectivelyAsAnUpperBound() {
    let catalog = Fixture.catalog(
      [
        Fixture.entity("fr-co", seat: "FR", listedFloat: 45),
        Fixture.entity("family", kind: .family, seat: "FR"),
        Fixture.entity("float", kind: .publicFloat, seat: nil),
      ], contracting: "fr-co")
    let result = Fixture.assess(catalog)
    #expect(result.criterion("19.6-b-individual")?.verdict == .pass)
    #expect(result.criterion("19.6-b-collective")?.verdict == .unknown)
    #expect(result.verdict(for: "us-cloud-act") == .notExposed)
  }

  @Test func aSmallPublicFloatPassesCollectively() {
    let catalog = Fixture.catalog(
      [
        Fixture.entity("fr-co", seat: "FR", listedFloat: 20),
        Fixture.entity("family", kind: .family, seat: "FR"),
        Fixture.entity("float", kind: .publicFloat, seat: nil),
      ], contracting: "fr-co")
    #expect(Fixture.assess(catalog).criterion("19.6-b-collective")?.verdict == .pass)
  }
}

extension Fixture {
  /// A listed company held by a French family and a public float of `float` %.
  static func entity(_ id: String, seat: String, listedFloat float: Double) -> LegalEntity {
    entity(id, seat: seat, owners: [holds("family", 100 - float), holds("float", float)])
  }
}
