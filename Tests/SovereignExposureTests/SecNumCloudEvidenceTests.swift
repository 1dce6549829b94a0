import SovereignCatalog
import SovereignExposure
import Testing

/// A current SecNumCloud 3.2 qualification settles doubts about non-EU control and access.
@Suite struct SecNumCloudEvidenceTests {
  /// A French provider whose owners are not known to be complete: on its own facts, unknown.
  static let entities = [Fixture.entity("fr-co", "Acme France SAS", seat: "FR", owners: [], complete: .unknown)]

  static func catalog(_ qualification: SecNumCloudQualification?, entities: [LegalEntity] = entities) -> Catalog {
    var catalog = Fixture.catalog(entities, contracting: "fr-co", transparency: nil)
    catalog.providers[0].offerings[0].certifications.secNumCloud = qualification
    return catalog
  }

  static func qualified(referential: String?, until: String = "2028-12-17") -> SecNumCloudQualification {
    SecNumCloudQualification(
      status: .qualified, referential: Known(referential), validUntil: .known(CalendarDate(iso: until)!), provenance: Fixture.cited)
  }

  @Test func withoutAQualificationUnknownOwnersLeaveTheVerdictUnknown() {
    #expect(Fixture.assess(Self.catalog(nil)).verdict(for: "us-cloud-act") == .unknown)
  }

  @Test func aCurrentQualificationUnder32SettlesControlAndAccessDoubts() throws {
    let catalog = Self.catalog(Self.qualified(referential: "3.2"))
    let law = try #require(
      ExposureEngine(catalog: catalog, asOf: CalendarDate(iso: "2026-11-22")).assess(offering: catalog.offerings[0]).exposure(to: "us-cloud-act"))
    #expect(law.verdict == .notExposed)
    #expect(law.detail.hasPrefix("Qualified SecNumCloud 3.2 (valid until 2028-12-17)"))
    #expect(law.sources.contains { $0.url.hasSuffix("secnumcloud-referentiel-exigences-v3.2.pdf") })
  }

  @Test func aQualificationUnder31OrOfUnknownVersionIsNotEvidence() {
    #expect(Fixture.assess(Self.catalog(Self.qualified(referential: "3.1"))).verdict(for: "us-cloud-act") == .unknown)
    #expect(Fixture.assess(Self.catalog(Self.qualified(referential: nil))).verdict(for: "us-cloud-act") == .unknown)
  }

  @Test func anExpiredQualificationIsNotEvidence() {
    let catalog = Self.catalog(Self.qualified(referential: "3.2", until: "2026-11-30"))
    let engine = ExposureEngine(catalog: catalog, asOf: CalendarDate(iso: "2026-12-01"))
    #expect(engine.assess(offering: catalog.offerings[0]).verdict(for: "us-cloud-act") == .unknown)
  }

  @Test func aSourcedPathToTheLawWinsOverTheQualification() {
    let entities = [
      Fixture.entity("fr-co", "Acme France SAS", seat: "FR", owners: [Fixture.holds("us-parent", 100)]),
      Fixture.entity("us-parent", "Parent Inc", seat: "US", complete: .yes),
    ]
    let catalog = Self.catalog(Self.qualified(referential: "3.2"), entities: entities)
    #expect(Fixture.assess(catalog).verdict(for: "us-cloud-act") == .exposed)
  }

  @Test func theQualificationAttestsUnknown196SubCriteriaButNeverHidesAFailure() throws {
    let catalog = Self.catalog(Self.qualified(referential: "3.2"))
    let check = Fixture.assess(catalog).secNumCloud196
    #expect(check.verdict == .pass)
    let rights = try #require(check.criteria.first { $0.id == "19.6-b-rights" })
    #expect(rights.detail.hasPrefix("Attested by the offering's SecNumCloud 3.2 qualification"))
    #expect(rights.missingFacts.isEmpty)
    #expect(Fixture.assess(Self.catalog(nil)).secNumCloud196.verdict == .unknown)

    let swiss = [Fixture.entity("fr-co", "Acme Suisse SA", seat: "CH", owners: [], complete: .yes)]
    let failing = Fixture.assess(Self.catalog(Self.qualified(referential: "3.2"), entities: swiss)).secNumCloud196
    #expect(failing.criteria.first { $0.id == "19.6-a-seat" }?.verdict == .fail)
    #expect(failing.verdict == .fail)
  }

  // MARK: - With the catalog's derivation rules (data/rules/)

  static func withRules(_ catalog: Catalog) throws -> Catalog {
    var catalog = catalog
    catalog.rules = try Catalog.bundled().rules
    return catalog
  }

  @Test func aCurrentQualificationOfUnrecordedReferentialIsDerived32AndSaysSo() throws {
    let catalog = try Self.withRules(Self.catalog(Self.qualified(referential: nil)))
    let result = ExposureEngine(catalog: catalog, asOf: CalendarDate(iso: "2026-11-30")).assess(offering: catalog.offerings[0])
    let law = try #require(result.exposure(to: "us-cloud-act"))
    #expect(law.verdict == .notExposed)
    #expect(law.detail.contains("derived: SecNumCloud qualifications have been issued under referential 3.2"))
    #expect(law.derived == ["secnumcloud-referential-3-2"])
    #expect(law.evidence == .registry && law.grade == .official)
    #expect(law.gradedVerdict == "not-exposed (registry evidence)")
    let rights = try #require(result.criterion("19.6-b-rights"))
    #expect(rights.verdict == .pass && rights.derived == ["secnumcloud-referential-3-2"] && rights.evidence == .registry)
  }

  @Test func aQualificationPastItsEndDateGivesNoEvidenceEvenWithTheRules() throws {
    let catalog = try Self.withRules(Self.catalog(Self.qualified(referential: "3.2", until: "2026-11-29")))
    let result = ExposureEngine(catalog: catalog, asOf: CalendarDate(iso: "2026-11-30")).assess(offering: catalog.offerings[0])
    #expect(result.verdict(for: "us-cloud-act") == .unknown)
    #expect(result.exposure(to: "us-cloud-act")?.evidence == nil)
    #expect(result.secNumCloud196.verdict == .unknown)
    // Qualified on 2023-06-01 with no end date recorded: it ended (derived) on 2026-06-01.
    var dated = Self.qualified(referential: "3.2")
    dated.validUntil = .unknown
    dated.qualifiedOn = .known(CalendarDate(iso: "2023-06-01")!)
    let ended = try Self.withRules(Self.catalog(dated))
    #expect(ExposureEngine(catalog: ended, asOf: CalendarDate(iso: "2026-11-30")).assess(offering: ended.offerings[0]).verdict(for: "us-cloud-act") == .unknown)
  }

  @Test func theGradeIsThatOfTheWeakestDecidingFact() throws {
    // Every fact from a registry except the offering's access countries, stated by the provider.
    var catalog = Fixture.catalog([Fixture.entity("fr-co", seat: "FR")], contracting: "fr-co")
    let provider = Source(id: "p", url: "https://example.org/provider", asOf: Fixture.date, kind: .provider)
    catalog.providers[0].offerings[0].hdsTransparency?.provenance = Provenance([provider])
    let law = try #require(Fixture.assess(catalog).exposure(to: "us-cloud-act"))
    #expect(law.verdict == .notExposed && law.evidence == .provider && law.grade == .provider)
    // A secondary copy beside the provider's page does not weaken it (a block rests on its strongest source).
    let press = Source(id: "press", url: "https://example.org/press", asOf: Fixture.date, kind: .secondary)
    catalog.providers[0].offerings[0].hdsTransparency?.provenance = Provenance([press, provider])
    #expect(Fixture.assess(catalog).exposure(to: "us-cloud-act")?.evidence == .provider)
    catalog.providers[0].offerings[0].hdsTransparency?.provenance = Provenance([press])
    #expect(Fixture.assess(catalog).exposure(to: "us-cloud-act")?.gradedVerdict == "not-exposed (secondary evidence)")
  }
}
