import SovereignCatalog
import SovereignExposure
import Testing

/// A law without extraterritorial reach only reaches data stored or accessed in its country.
@Suite struct TerritorialLawTests {
  static let swissLaw = Law(
    id: "ch-territorial", name: "A Swiss law", jurisdiction: ["CH"], citation: "test", summary: "test", extraterritorial: false,
    reach: [.seat, .headquarters, .control, .access], provenance: Provenance([Fixture.lawSource]))

  static func result(regions: Known<[Region]>) -> OfferingExposure {
    var catalog = Fixture.catalog(
      [Fixture.entity("ch-co", seat: "CH", owners: [Fixture.holds("founder", 100)]), Fixture.entity("founder", kind: .person, seat: "CH")],
      contracting: "ch-co", laws: [swissLaw])
    catalog.providers[0].offerings[0].regions = Offering.Regions(list: regions, provenance: Fixture.cited)
    return Fixture.assess(catalog)
  }

  @Test func aSwissProviderStoringInFranceIsNotReachedButItsSeatIsReported() {
    let result = Self.result(regions: .known([Region(country: "FR")]))
    #expect(result.verdict(for: "ch-territorial") == .notExposed)
    #expect(result.seat.outsideEU == .yes)
  }

  @Test func dataStoredInSwitzerlandIsReached() {
    let result = Self.result(regions: .known([Region(country: "CH")]))
    #expect(result.verdict(for: "ch-territorial") == .exposed)
    #expect(result.exposure(to: "ch-territorial")?.path?.description == "Test Cloud -> data stored in CH -> ch-territorial")
  }

  @Test func unknownRegionsAreUnknown() {
    #expect(Self.result(regions: .unknown).verdict(for: "ch-territorial") == .unknown)
  }
}
