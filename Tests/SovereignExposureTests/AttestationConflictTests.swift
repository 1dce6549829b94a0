import SovereignCatalog
import SovereignExposure
import Testing

/// A sourced fact contradicting a SecNumCloud qualification (Cloud Temple's case): the conflict
/// is reported with both sources, the fact wins, and the attestation settles nothing else.
@Suite struct AttestationConflictTests {
  /// A French provider whose owners are not known to be complete, qualified under 3.2, with a
  /// Swiss subcontractor that has access to the data from Switzerland (`access`), or without one.
  static func catalog(subcontractorAccess access: TriState?) -> Catalog {
    var entities = [Fixture.entity("fr-co", "Acme France SAS", seat: "FR", owners: [], complete: .unknown)]
    var subprocessors: [Subprocessor] = []
    if let access {
      entities.append(Fixture.entity("ch-freelance", "Swiss engineers", seat: "CH"))
      subprocessors.append(
        Subprocessor(entity: "ch-freelance", access: access, accessCountries: .known(["CH"]), provenance: Fixture.cited))
    } else {
      entities.append(Fixture.entity("fr-sub", "French subcontractor", seat: "FR"))
      subprocessors.append(Subprocessor(entity: "fr-sub", access: .yes, accessCountries: .known(["FR"]), provenance: Fixture.cited))
    }
    var catalog = Fixture.catalog(entities, contracting: "fr-co", transparency: nil, subprocessors: subprocessors)
    let qualificationSource = Source(
      id: "anssi", url: "https://cyber.gouv.fr/catalogue", title: "ANSSI catalogue", asOf: Fixture.date, kind: .officialList)
    catalog.providers[0].offerings[0].certifications.secNumCloud = SecNumCloudQualification(
      status: .qualified, referential: .known("3.2"), validUntil: .known(CalendarDate(iso: "2028-12-17")!),
      provenance: Provenance([qualificationSource]))
    return catalog
  }

  static func assess(_ catalog: Catalog) -> OfferingExposure {
    ExposureEngine(catalog: catalog, asOf: CalendarDate(iso: "2026-11-29")).assess(offering: catalog.offerings[0])
  }

  @Test func withoutAContradictionTheQualificationSettlesTheDoubts() {
    let result = Self.assess(Self.catalog(subcontractorAccess: nil))
    #expect(result.conflicts.isEmpty)
    #expect(result.verdict(for: "us-cloud-act") == .notExposed)
  }

  @Test func aNonEUSubcontractorWithAccessIsAConflictDecidedForTheFact() throws {
    let result = Self.assess(Self.catalog(subcontractorAccess: .yes))
    let conflict = try #require(result.conflicts.first)
    #expect(result.conflicts.count == 1)
    #expect(conflict.subject == "19.6-c-third-party-access")
    #expect(conflict.fact.contains("Swiss engineers"))
    #expect(conflict.factSources.contains(Fixture.source))
    #expect(conflict.attestationSources.contains { $0.id == "anssi" })
    #expect(conflict.decision.contains(AttestationConflict.rule))
    // The fact wins: 19.6 c fails; the attestation no longer settles 19.6 b or the laws.
    #expect(result.criterion("19.6-c-third-party-access")?.verdict == .fail)
    #expect(result.criterion("19.6-b-rights")?.verdict == .unknown)
    #expect(result.verdict(for: "us-cloud-act") == .unknown)
    #expect(result.laws.allSatisfy { !$0.detail.contains("Qualified SecNumCloud") })
  }

  @Test func noConflictWithoutACurrentQualification() {
    var catalog = Self.catalog(subcontractorAccess: .yes)
    catalog.providers[0].offerings[0].certifications.secNumCloud = nil
    #expect(Self.assess(catalog).conflicts.isEmpty)
    // Expired on the evaluation date: no evidence, so nothing to contradict.
    let expired = Self.catalog(subcontractorAccess: .yes)
    let later = ExposureEngine(catalog: expired, asOf: CalendarDate(iso: "2029-01-01")).assess(offering: expired.offerings[0])
    #expect(later.conflicts.isEmpty)
    #expect(later.certificates.map(\.kind) == [.expired])
  }
}
