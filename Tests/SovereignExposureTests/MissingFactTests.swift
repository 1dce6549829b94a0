import SovereignCatalog
import SovereignExposure
import Testing

/// A missing fact gives `unknown` naming it, never `not-exposed` or `pass`.
@Suite struct MissingFactTests {
  @Test func unknownSeatOfTheParentIsUnknownNotPass() throws {
    let catalog = Fixture.catalog(
      [
        Fixture.entity("fr-co", "Acme France SAS", seat: "FR", owners: [Fixture.holds("parent", 100)]),
        Fixture.entity("parent", "Acme Holding", seat: nil, headquarters: nil, complete: .yes),
      ], contracting: "fr-co")
    let result = Fixture.assess(catalog)
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .unknown)
    #expect(law.missingFacts.contains { $0.contains("seat country of Acme Holding") })
    #expect(result.criterion("19.6-b-individual")?.verdict == .unknown)
    #expect(result.criterion("19.6-b-collective")?.verdict == .unknown)
    #expect(result.secNumCloud196.verdict != .pass)
  }

  @Test func incompleteOwnersAreUnknownNamingTheFact() throws {
    let catalog = Fixture.catalog(
      [
        Fixture.entity("fr-co", "Acme France SAS", seat: "FR", owners: [Fixture.holds("founder", 60)], complete: .unknown),
        Fixture.entity("founder", kind: .person, seat: "FR"),
      ], contracting: "fr-co")
    let result = Fixture.assess(catalog)
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .unknown)
    #expect(law.missingFacts.contains { $0.contains("owners of Acme France SAS [fr-co] are not known to be complete") })
    // 40 % held by unknown holders: could be non-EU above 24 % and 39 %.
    #expect(result.criterion("19.6-b-individual")?.verdict == .unknown)
    #expect(result.criterion("19.6-b-collective")?.verdict == .unknown)
  }

  @Test func unknownVetoOfANonEUMinorityHolderIsUnknown() {
    let catalog = Fixture.catalog(
      [
        Fixture.entity("fr-co", seat: "FR", owners: [Fixture.holds("founder", 90), Fixture.holds("us-fund", 10, veto: .unknown)]),
        Fixture.entity("founder", kind: .person, seat: "FR"),
        Fixture.entity("us-fund", seat: "US", complete: .yes),
      ], contracting: "fr-co")
    let result = Fixture.assess(catalog)
    #expect(result.verdict(for: "us-cloud-act") == .unknown)
    #expect(result.exposure(to: "us-cloud-act")?.missingFacts.contains { $0.contains("veto: unknown") } == true)
    #expect(result.criterion("19.6-b-rights")?.verdict == .unknown)
  }

  @Test func unknownAccessCountriesAreUnknown() throws {
    let catalog = Fixture.catalog(
      [Fixture.entity("fr-co", seat: "FR", owners: [Fixture.holds("founder", 100)]), Fixture.entity("founder", kind: .person, seat: "FR")],
      contracting: "fr-co", transparency: nil)
    let result = Fixture.assess(catalog)
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .unknown)
    #expect(law.missingFacts.contains { $0.contains("hds_transparency.access_countries") })
    #expect(result.transparency.published == false)
  }

  @Test func votesOfASoleOwnerFollowFromCompleteOwners() {
    // Capital 100 % known, votes unknown: a complete single holder holds every vote.
    let catalog = Fixture.catalog(
      [
        Fixture.entity("fr-co", seat: "FR", owners: [Fixture.holds("founder", 100, votes: .some(nil))], complete: .unknown),
        Fixture.entity("founder", kind: .person, seat: "FR"),
      ], contracting: "fr-co")
    let result = Fixture.assess(catalog)
    #expect(result.verdict(for: "us-cloud-act") == .notExposed)
    #expect(result.criterion("19.6-b-individual")?.verdict == .pass)
    #expect(result.criterion("19.6-b-collective")?.verdict == .pass)
  }
}
