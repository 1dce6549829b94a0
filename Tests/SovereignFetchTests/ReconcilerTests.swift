import Foundation
import SovereignCatalog
import Testing

@testable import SovereignFetch

@Suite struct ReconcilerTests {
  static let asOf = CalendarDate(year: 2026, month: 1, day: 1)!

  static func catalog(scalingoActivities: Known<[Int]> = .known([1, 2, 3, 4]), ovhAliases: [String] = []) -> Catalog {
    func entity(_ id: String, _ name: String, aliases: [String] = []) -> LegalEntity {
      var entity = LegalEntity(id: id, name: name, kind: .company, seat: .known("FR"), headquarters: .known("FR"))
      entity.aliases = aliases
      return entity
    }
    let bundledHDS = HDSCertification(status: .certified, activities: scalingoActivities, provenance: Provenance([Source(id: "s", url: "https://example.org", asOf: asOf, kind: .provider)]))
    let scalingo = Provider(
      id: "scalingo", name: "Scalingo", website: "https://scalingo.com", entities: ["scalingo-sas"],
      offerings: [
        Offering(
          id: "scalingo-paas", providerID: "scalingo", name: "Scalingo PaaS", contractingEntity: "scalingo-sas", serviceTypes: [.paas],
          provenance: Provenance(), certifications: Certifications(hds: bundledHDS))
      ])
    let ovh = Provider(
      id: "ovhcloud", name: "OVHcloud", website: "https://ovhcloud.com", entities: ["ovh-sas"],
      offerings: [
        Offering(id: "ovh-hpc", providerID: "ovhcloud", name: "Hosted Private Cloud", contractingEntity: "ovh-sas", serviceTypes: [.iaas], provenance: Provenance()),
        Offering(id: "ovh-bare-metal-pod", providerID: "ovhcloud", name: "Bare Metal Pod", contractingEntity: "ovh-sas", serviceTypes: [.iaas], provenance: Provenance()),
      ])
    return Catalog(
      providers: [scalingo, ovh], entities: ["scalingo-sas": entity("scalingo-sas", "Scalingo SAS"), "ovh-sas": entity("ovh-sas", "OVH SAS", aliases: ovhAliases)],
      laws: [], countries: [:], capabilities: [:])
  }

  @Test func matchesByNormalisedNameAliasAndServiceAndReportsTheRest() throws {
    let hds = try HDSListParser.parse(Fixtures.bytes("hds-list.html"))
    let result = Reconciler(catalog: Self.catalog(ovhAliases: ["OVHcloud"])).reconcile(hds)
    #expect(Set(result.matches.flatMap(\.offeringIDs)) == ["scalingo-paas", "ovh-hpc", "ovh-bare-metal-pod"])
    #expect(result.unmatched.count == 6)  // never dropped

    let snc = try SecNumCloudCatalogueParser.parse(Fixtures.bytes("secnumcloud-catalogue.txt"))
    let sncResult = Reconciler(catalog: Self.catalog(ovhAliases: ["OVHcloud"])).reconcile(snc)
    #expect(sncResult.matches.map(\.offeringIDs).sorted { $0[0] < $1[0] } == [["ovh-bare-metal-pod"], ["ovh-hpc"]])
    #expect(sncResult.matches.count + sncResult.unmatched.count == snc.count)
  }

  /// The fixture HDS list, stored as fetched on 2026-05-10, laid over `catalog`.
  static func overlayHDSList(on catalog: Catalog) throws -> OverlaidCatalog {
    overlayHDS(try HDSListParser.parse(Fixtures.bytes("hds-list.html")), on: catalog)
  }

  /// HDS list rows, stored as fetched on `fetchedAt`, laid over `catalog`.
  static func overlayHDS(_ entries: [CertificationRecord], on catalog: Catalog, fetchedAt: String = "2026-05-10T08:00:00.000Z") -> OverlaidCatalog {
    let metadata = SnapshotMetadata(
      source: "hds", requestedURL: "https://esante.gouv.fr/list", url: "https://esante.gouv.fr/list", fetchedAt: fetchedAt,
      httpStatus: 200, etag: nil, lastModified: nil, contentType: "text/html", sha256: "", parser: "hds-list", parserVersion: 1,
      entryCount: entries.count)
    return SnapshotOverlay.apply(
      to: catalog, snapshots: [Snapshot(id: "x", metadata: metadata, entries: entries)], sources: SourceList(sources: [hdsSource]))
  }

  @Test func overlayUsesTheSnapshotFactsAndSaysSo() throws {
    let overlaid = try Self.overlayHDSList(on: Self.catalog())
    let hds = try #require(overlaid.catalog.offering(id: "scalingo-paas")?.certifications.hds)
    // The certificate's activities (1-6) never replace the offering's own known ones.
    #expect(hds.activities == .known([1, 2, 3, 4]))
    #expect(overlaid.notes["scalingo-paas"]?.first?.contains("the host's certificate lists activities 1, 2, 3, 4, 5, 6, the catalog keeps this offering's own (1, 2, 3, 4)") == true)
    #expect(hds.certificate == .known("38436-2"))
    #expect(hds.validUntil == .known(CalendarDate(year: 2028, month: 9, day: 11)!))
    #expect(hds.provenance.sources.first?.url == "https://esante.gouv.fr/list")
    #expect(hds.provenance.sources.first?.asOf == CalendarDate(year: 2026, month: 5, day: 10))
    #expect(overlaid.notes["scalingo-paas"]?.first?.contains("fetched 2026-05-10") == true)
    #expect(overlaid.unmatched["hds"]?.count == 6)
  }

  @Test("the list's activities fill an offering's unknown activities when its host has a single offering")
  func overlayFillsUnknownActivitiesOfASingleOffering() throws {
    let overlaid = try Self.overlayHDSList(on: Self.catalog(scalingoActivities: .unknown))
    #expect(overlaid.catalog.offering(id: "scalingo-paas")?.certifications.hds?.activities == .known([1, 2, 3, 4, 5, 6]))
  }

  @Test("the HDS list names hosts, not offerings: an offering not recorded as certified is never made certified")
  func overlayNeverInventsAnHDSScope() throws {
    let overlaid = try Self.overlayHDSList(on: Self.catalog(ovhAliases: ["OVHcloud"]))
    #expect(overlaid.catalog.offering(id: "ovh-hpc")?.certifications.hds == nil)
    #expect(overlaid.notes["ovh-hpc"]?.first?.contains("does not say whether this offering is in the certificate's scope") == true)
    // Bundled sources of facts the row does not restate are kept beside the list's.
    let hds = try #require(overlaid.catalog.offering(id: "scalingo-paas")?.certifications.hds)
    #expect(hds.provenance.sources.map(\.url) == ["https://esante.gouv.fr/list", "https://example.org"])
  }

  @Test("of a host's several HDS certificates only the catalog's applies; an operator's never does")
  func overlayAppliesTheOfferingsOwnHDSCertificate() throws {
    func row(_ holder: String, _ number: String, until: CalendarDate) -> CertificationRecord {
      var row = CertificationRecord(holder: holder)
      row.identifier = number
      row.body = "LNE"
      row.validUntil = until
      return row
    }
    let current = row("Scalingo SAS", "37980-3", until: CalendarDate(year: 2027, month: 12, day: 4)!)
    let narrower = row("Scalingo SAS", "11111-1", until: CalendarDate(year: 2026, month: 10, day: 15)!)
    func overlay(_ catalog: Catalog, _ rows: [CertificationRecord]) -> OverlaidCatalog {
      Self.overlayHDS(rows, on: catalog, fetchedAt: "2026-11-20T08:00:00.000Z")
    }
    // Two certificates, the catalog's number unknown: the list does not say which covers the
    // offering, so neither replaces the other's dates (the later row used to win).
    var catalog = Self.catalog()
    let p = try #require(catalog.providers.firstIndex { $0.id == "scalingo" })
    let ambiguous = overlay(catalog, [current, narrower])
    #expect(ambiguous.catalog.offering(id: "scalingo-paas")?.certifications.hds?.certificate == .unknown)
    #expect(ambiguous.notes["scalingo-paas"]?.first?.contains("shows 2 certificates for the host (37980-3, 11111-1)") == true)
    // With the catalog's number, that certificate's row applies, whatever the order.
    catalog.providers[p].offerings[0].certifications.hds?.certificate = .known("37980-3")
    let decided = try #require(overlay(catalog, [current, narrower]).catalog.offering(id: "scalingo-paas")?.certifications.hds)
    #expect(decided.certificate == .known("37980-3") && decided.validUntil == .known(CalendarDate(year: 2027, month: 12, day: 4)!))
    // An offering contracted with another company and operated by the listed host keeps its own
    // certificate: the operator's is not the offering's.
    catalog.providers[p].offerings[0].operators = ["ovh-sas"]
    catalog.providers[p].offerings[0].certifications.hds?.validUntil = .known(CalendarDate(year: 2027, month: 12, day: 19)!)
    let operated = overlay(catalog, [row("OVH SAS", "99999-9", until: CalendarDate(year: 2026, month: 10, day: 15)!)])
    let own = try #require(operated.catalog.offering(id: "scalingo-paas")?.certifications.hds)
    #expect(own.certificate == .known("37980-3") && own.validUntil == .known(CalendarDate(year: 2027, month: 12, day: 19)!))
    #expect(operated.notes["scalingo-paas"]?.first?.contains("that certificate is the operator's") == true)
  }

  static func secNumCloudRow(_ holder: String, service: String?, decision: String = "2026-9999") -> CertificationRecord {
    var row = CertificationRecord(holder: holder)
    row.service = service
    row.identifier = decision
    row.serviceTypes = ["paas"]
    row.validFrom = CalendarDate(year: 2026, month: 7, day: 31)
    row.validUntil = CalendarDate(year: 2029, month: 7, day: 31)
    return row
  }

  static func overlay(_ rows: [CertificationRecord], editionDate: String? = nil, on catalog: Catalog = catalog()) -> OverlaidCatalog {
    let metadata = SnapshotMetadata(
      source: "secnumcloud", requestedURL: "https://cyber.gouv.fr/catalogue.pdf", url: "https://cyber.gouv.fr/catalogue.pdf",
      fetchedAt: "2026-09-20T08:00:00.000Z", httpStatus: 200, etag: nil, lastModified: nil, contentType: "application/pdf", sha256: "",
      parser: "secnumcloud-catalogue", parserVersion: 1, entryCount: rows.count, editionDate: editionDate)
    let definition = SourceDefinition(
      id: "secnumcloud", publisher: "ANSSI", certifies: "SecNumCloud", format: "pdf", parser: .secNumCloudCatalogue,
      contentTypes: ["application/pdf"], urls: [])
    return SnapshotOverlay.apply(
      to: catalog, snapshots: [Snapshot(id: "x", metadata: metadata, entries: rows)], sources: SourceList(sources: [definition]))
  }

  /// The test catalog with Scalingo PaaS recorded as SecNumCloud qualified since `since`, from a source as of `read`.
  static func catalog(scalingoQualifiedSince since: CalendarDate, readOn read: CalendarDate) -> Catalog {
    let base = catalog()
    var providers = base.providers
    let index = try! #require(providers.firstIndex { $0.id == "scalingo" })
    providers[index].offerings[0].certifications.secNumCloud = SecNumCloudQualification(
      status: .qualified, referential: .known("3.2"), qualifiedOn: .known(since), validUntil: .known(since.adding(years: 3)),
      provenance: Provenance([Source(id: "press", url: "https://example.org/press", asOf: read, kind: .secondary)]))
    return Catalog(providers: providers, entities: base.entities, laws: [], countries: [:], capabilities: [:])
  }

  @Test("a qualification the catalog records, absent from a newer edition of ANSSI's catalogue, is no longer known to hold")
  func aQualificationAbsentFromANewerEditionIsUnknown() throws {
    let other = Self.secNumCloudRow("OVH SAS", service: "Bare Metal Pod")
    let day = { (y: Int, m: Int, d: Int) in CalendarDate(year: y, month: m, day: d)! }
    func scalingo(_ overlaid: OverlaidCatalog) -> SecNumCloudQualification? {
      overlaid.catalog.offering(id: "scalingo-paas")?.certifications.secNumCloud
    }

    // Qualified in 2024, read in 2025; the edition of 5 December 2025 does not list it.
    let older = Self.catalog(scalingoQualifiedSince: day(2024, 6, 1), readOn: day(2025, 1, 10))
    let doubted = Self.overlay([other], editionDate: "2025-12-05", on: older)
    #expect(scalingo(doubted)?.status == .unknown)
    #expect(scalingo(doubted)?.provenance.sources.map(\.url) == ["https://cyber.gouv.fr/catalogue.pdf", "https://example.org/press"])
    #expect(scalingo(doubted)?.provenance.sources.first?.asOf == day(2025, 12, 5))
    #expect(doubted.notes["scalingo-paas"]?.first?.contains("catalogue of 2025-12-05, newer than its sources, does not list this offering") == true)
    // A snapshot without the edition's date (stored before editions were read) may be an old
    // edition fetched later: its absences settle nothing.
    #expect(scalingo(Self.overlay([other], on: older))?.status == .qualified)

    // Qualified after the edition, or read from a source newer than it: not expected in it, kept.
    let later = Self.catalog(scalingoQualifiedSince: day(2025, 12, 17), readOn: day(2025, 12, 20))
    #expect(scalingo(Self.overlay([other], editionDate: "2025-12-05", on: later))?.status == .qualified)
    let readLater = Self.catalog(scalingoQualifiedSince: day(2024, 6, 1), readOn: day(2026, 2, 1))
    #expect(scalingo(Self.overlay([other], editionDate: "2025-12-05", on: readLater))?.status == .qualified)
    #expect(Self.overlay([other], editionDate: "2025-12-05", on: readLater).notes["scalingo-paas"] == nil)

    // Listed (by its service's name): kept, with the row's facts.
    let listed = Self.overlay([other, Self.secNumCloudRow("Scalingo", service: "Scalingo PaaS")], editionDate: "2025-12-05", on: older)
    #expect(scalingo(listed)?.status == .qualified)
    #expect(scalingo(listed)?.decision == .known("2026-9999"))
  }

  @Test("a SecNumCloud row naming another service never qualifies a provider's only catalog offering")
  func secNumCloudRowForAnotherServiceIsUnmatched() throws {
    let other = Self.secNumCloudRow("Scalingo", service: "Sovereign Kubernetes Engine")
    let result = Reconciler(catalog: Self.catalog()).reconcile([other])
    #expect(result.matches.isEmpty)
    #expect(result.unmatched == [other])
    #expect(Self.overlay([other]).catalog.offering(id: "scalingo-paas")?.certifications.secNumCloud == nil)

    // A service whose name only shares words with the offering's (it may be another variant,
    // e.g. a "- SecNumCloud" one beside the plain offering) qualifies nothing: a note says why.
    let resembling = Self.secNumCloudRow("Scalingo", service: "Scalingo PaaS platform", decision: "2026-4242")
    let matched = try #require(Reconciler(catalog: Self.catalog()).reconcile([resembling]).matches.first)
    #expect(matched.offeringIDs == ["scalingo-paas"] && !matched.serviceMatchedExactly)
    let overlaid = Self.overlay([resembling])
    #expect(overlaid.catalog.offering(id: "scalingo-paas")?.certifications.secNumCloud == nil)
    #expect(overlaid.notes["scalingo-paas"]?.first?.contains("only resembles this offering's") == true)

    // The row naming the offering does qualify it, with the row's facts and source.
    let same = Self.secNumCloudRow("Scalingo", service: "Scalingo PaaS", decision: "2026-4242")
    let qualified = try #require(Self.overlay([same]).catalog.offering(id: "scalingo-paas")?.certifications.secNumCloud)
    #expect(qualified.status == .qualified)
    #expect(qualified.decision == .known("2026-4242"))
    #expect(qualified.provenance.sources.map(\.url) == ["https://cyber.gouv.fr/catalogue.pdf"])
  }

  @Test("a list's facts are as of the edition the document states, not the day it was fetched or imported")
  func overlaidFactsAreAsOfTheDocumentsEdition() throws {
    let row = Self.secNumCloudRow("Scalingo", service: "Scalingo PaaS", decision: "2026-4242")
    let fetched = try #require(Self.overlay([row]).catalog.offering(id: "scalingo-paas")?.certifications.secNumCloud?.provenance.sources.first)
    #expect(fetched.asOf == CalendarDate(year: 2026, month: 9, day: 20))
    #expect(fetched.title == "ANSSI: list fetched on 2026-09-20 by sovereign refresh")
    let edition = try #require(
      Self.overlay([row], editionDate: "2025-12-05").catalog.offering(id: "scalingo-paas")?.certifications.secNumCloud?.provenance.sources.first)
    #expect(edition.asOf == CalendarDate(year: 2025, month: 12, day: 5))
    #expect(edition.title == "ANSSI: list fetched on 2026-09-20 by sovereign refresh, edition of 2025-12-05")
  }

  @Test("a SecNumCloud row without a service name qualifies no offering and says why")
  func secNumCloudRowWithoutServiceQualifiesNothing() throws {
    let overlaid = Self.overlay([Self.secNumCloudRow("Scalingo", service: nil)])
    #expect(overlaid.catalog.offering(id: "scalingo-paas")?.certifications.secNumCloud == nil)
    #expect(overlaid.notes["scalingo-paas"]?.first?.contains("its SecNumCloud status is left as in the catalog") == true)
  }

  @Test func catalogComparisonFlagsDifferences() throws {
    let entries = try HDSListParser.parse(Fixtures.bytes("hds-list.html"))
    let findings = CatalogComparison.compare(entries, parser: .hdsList, catalog: Self.catalog()).map(\.description)
    #expect(findings.contains("scalingo-paas: HDS activities: catalog 1,2,3,4, list 1,2,3,4,5,6"))
    #expect(findings.contains { $0.hasPrefix("not in the catalog: Outscale (closest catalog names: ") })
  }
}
