import Foundation
import SovereignCatalog
import SovereignExposure
import Testing

@Suite struct AccessAndSeatTests {
  static let owned: [LegalEntity] = [
    Fixture.entity("fr-co", "Acme France SAS", seat: "FR", owners: [Fixture.holds("founder", 100)]),
    Fixture.entity("founder", kind: .person, seat: "FR"),
    Fixture.entity("support-us", "Support Inc", seat: "US", complete: .yes),
  ]

  @Test func subprocessorWithAccessFromTheUSExposes() throws {
    let sub = Subprocessor(entity: "support-us", role: "support", access: .yes, accessCountries: .known(["US"]), provenance: Fixture.cited)
    let result = Fixture.assess(Fixture.catalog(Self.owned, contracting: "fr-co", subprocessors: [sub]))
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .exposed)
    #expect(law.path?.description.hasPrefix("Support Inc (seat US)") == true)
    #expect(result.criterion("19.6-c-third-party-access")?.verdict == .fail)
    #expect(result.transparency.accessCountries == .known(["FR", "US"]))
  }

  @Test func subprocessorWithUnknownAccessIsUnknown() throws {
    let sub = Subprocessor(entity: "support-us", access: .unknown, accessCountries: .known(["US"]), provenance: Fixture.cited)
    let result = Fixture.assess(Fixture.catalog(Self.owned, contracting: "fr-co", subprocessors: [sub]))
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .unknown)
    #expect(law.missingFacts.contains { $0.contains("has technical access") })
  }

  @Test func unknownAccessAsSubprocessorDoesNotUndoWhatTheSameEntityDecidesAsContractingEntity() throws {
    // The US company contracts and is also listed as a subprocessor whose access is unknown: its
    // seat reaches the offering as contracting entity, whatever its access as subprocessor.
    let sub = Subprocessor(entity: "support-us", access: .unknown, accessCountries: .known(["US"]), provenance: Fixture.cited)
    let result = Fixture.assess(Fixture.catalog(Self.owned, contracting: "support-us", subprocessors: [sub]))
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .exposed)
    #expect(law.path?.description.hasPrefix("Support Inc (seat US)") == true)
    // Listed twice, with access once and unknown access once: the known access stands.
    let twice = [
      Subprocessor(entity: "support-us", access: .yes, accessCountries: .known(["US"]), provenance: Fixture.cited), sub,
    ]
    #expect(Fixture.assess(Fixture.catalog(Self.owned, contracting: "fr-co", subprocessors: twice)).verdict(for: "us-cloud-act") == .exposed)
  }

  @Test func subprocessorWithoutAccessIsNotExamined() throws {
    let sub = Subprocessor(entity: "support-us", access: .no, accessCountries: .known([]), provenance: Fixture.cited)
    let result = Fixture.assess(Fixture.catalog(Self.owned, contracting: "fr-co", subprocessors: [sub]))
    #expect(result.verdict(for: "us-cloud-act") == .notExposed)
    #expect(result.criterion("19.6-c-third-party-access")?.verdict == .pass)
    #expect(result.secNumCloud196.verdict == .pass)
    // That "no" decides the verdict: a press article alone for it makes a not-exposed of
    // secondary grade, not of the grade of the facts examined.
    let blog = Source(id: "blog", url: "https://blog.example.org/no-access", asOf: CalendarDate(iso: "2026-01-10")!, kind: .secondary)
    let hearsay = Subprocessor(entity: "support-us", access: .no, accessCountries: .known([]), provenance: Provenance([blog]))
    let graded = try #require(
      Fixture.assess(Fixture.catalog(Self.owned, contracting: "fr-co", subprocessors: [hearsay])).exposure(to: "us-cloud-act"))
    #expect(graded.verdict == .notExposed)
    #expect(graded.evidence == .secondary)
    #expect(graded.sources.contains { $0.id == "blog" })
  }

  @Test func thirdPartyAccessNeedsTheOwnersAboveTheSubprocessorToo() {
    // A French operator with access, wholly owned by a parent whose owners are not all known: an
    // unlisted holder of the parent could control it from outside the EU. 19.6 c cannot pass,
    // as the laws cannot say not-exposed.
    let entities = Self.owned + [
      Fixture.entity("dc-op", seat: "FR", owners: [Fixture.holds("dc-parent", 100)]),
      Fixture.entity("dc-parent", seat: "FR", complete: .unknown),
    ]
    let sub = Subprocessor(entity: "dc-op", access: .yes, accessCountries: .known(["FR"]), provenance: Fixture.cited)
    let result = Fixture.assess(Fixture.catalog(entities, contracting: "fr-co", subprocessors: [sub]))
    #expect(result.verdict(for: "us-cloud-act") == .unknown)
    #expect(result.criterion("19.6-c-third-party-access")?.verdict == .unknown)
    #expect(result.secNumCloud196.verdict != .pass)
  }

  @Test func twoHoldersWithUnknownOwnersMayBeControlledTogether() throws {
    // Owned 50/50 by two companies whose owners are not known: neither controls it alone, but one
    // unlisted holder of both would. Not-exposed cannot be said; the missing facts name both.
    let entities = [
      Fixture.entity("joint-co", seat: "FR", owners: [Fixture.holds("jv-a", 50), Fixture.holds("jv-b", 50)]),
      Fixture.entity("jv-a", seat: "SE", complete: .unknown),
      Fixture.entity("jv-b", seat: "SE", complete: .unknown),
    ]
    let law = try #require(Fixture.assess(Fixture.catalog(entities, contracting: "joint-co")).exposure(to: "us-cloud-act"))
    #expect(law.verdict == .unknown)
    #expect(law.missingFacts.contains { $0.contains("jv-a") && $0.contains("jointly") })
    #expect(law.missingFacts.contains { $0.contains("jv-b") && $0.contains("jointly") })
    // With the owners of one of them known, no unlisted holder can reach half: not exposed.
    var known = entities
    known[2] = Fixture.entity("jv-b", seat: "SE", owners: [Fixture.holds("founder", 100)])
    #expect(Fixture.assess(Fixture.catalog(known + [Fixture.entity("founder", kind: .person, seat: "SE")], contracting: "joint-co"))
      .verdict(for: "us-cloud-act") == .notExposed)
  }

  @Test func declaredAccessFromChinaExposesToTheIntelligenceLaw() throws {
    let transparency = HDSTransparency(nonEEAAccess: .yes, accessCountries: .known(["FR", "CN"]), provenance: Fixture.cited)
    let result = Fixture.assess(Fixture.catalog(Self.owned, contracting: "fr-co", transparency: transparency))
    let law = try #require(result.exposure(to: "cn-national-intelligence-law"))
    #expect(law.verdict == .exposed)
    #expect(law.rule == .access)
    #expect(law.path?.description == "Test Cloud -> access from CN (hds_transparency.access_countries) -> cn-national-intelligence-law")
    #expect(result.verdict(for: "us-cloud-act") == .notExposed)
  }

  @Test func aSwissSeatIsAFactNotALaw() {
    let catalog = Fixture.catalog(
      [Fixture.entity("ch-co", seat: "CH", owners: [Fixture.holds("founder", 100)]), Fixture.entity("founder", kind: .person, seat: "CH")],
      contracting: "ch-co")
    let result = Fixture.assess(catalog)
    #expect(result.seat.outsideEU == .yes)
    #expect(result.seat.outsideEEA == .yes)
    #expect(result.laws.allSatisfy { $0.verdict == .notExposed })
    #expect(result.criterion("19.6-a-seat")?.verdict == .fail)
  }

  @Test func aNorwegianSeatIsOutsideTheEUButInsideTheEEA() {
    let catalog = Fixture.catalog(
      [Fixture.entity("no-co", seat: "NO", owners: [Fixture.holds("founder", 100)]), Fixture.entity("founder", kind: .person, seat: "NO")],
      contracting: "no-co")
    let result = Fixture.assess(catalog)
    #expect(result.seat.outsideEU == .yes)
    #expect(result.seat.outsideEEA == .no)
  }

  @Test func usSeatOfAnOperatorExposesEvenWithAnEUContractingEntity() throws {
    let catalog = Fixture.catalog(
      Self.owned + [Fixture.entity("ops-us", "Ops Inc", seat: "US", complete: .yes)], contracting: "fr-co", operators: ["ops-us"])
    let result = Fixture.assess(catalog)
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .exposed)
    #expect(law.rule == .seat)
    #expect(result.seat.outsideEU == .yes)
  }

  @Test func jsonSpellsVerdictsAndPaths() throws {
    let catalog = Fixture.catalog(
      [
        Fixture.entity("msft-ie", "Microsoft Ireland Operations Ltd", seat: "IE", owners: [Fixture.holds("msft-us", 100)]),
        Fixture.entity("msft-us", "Microsoft Corporation", seat: "US", owners: [Fixture.holds("float", 100)]),
        Fixture.entity("float", kind: .publicFloat, seat: nil),
      ], contracting: "msft-ie")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = String(decoding: try encoder.encode(Fixture.assess(catalog)), as: UTF8.self)
    #expect(json.contains(#""rendered":"Microsoft Ireland Operations Ltd -> 100% Microsoft Corporation (US) -> us-cloud-act""#))
    #expect(json.contains(#""verdict":"not-exposed""#))
    #expect(json.contains(#""secnumcloud_19_6":{"#))
    let decoded = try JSONDecoder().decode(OfferingExposure.self, from: Data(json.utf8))
    #expect(decoded.verdict(for: "us-cloud-act") == .exposed)
  }
}
