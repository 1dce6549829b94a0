import Foundation
import SovereignCatalog
import Testing

@testable import SovereignFetch

@Suite struct ReconcilerTests {
  static let asOf = CalendarDate(year: 2026, month: 1, day: 1)!

  static func catalog() -> Catalog {
    func entity(_ id: String, _ name: String) -> LegalEntity {
      LegalEntity(id: id, name: name, kind: .company, seat: .known("FR"), headquarters: .known("FR"))
    }
    let bundledHDS = HDSCertification(status: .certified, activities: .known([1, 2, 3, 4]), provenance: Provenance([Source(id: "s", url: "https://example.org", asOf: asOf)]))
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
      providers: [scalingo, ovh], entities: ["scalingo-sas": entity("scalingo-sas", "Scalingo SAS"), "ovh-sas": entity("ovh-sas", "OVH SAS")],
      laws: [], countries: [:], capabilities: [:])
  }

  @Test func matchesByNormalisedNameAliasAndServiceAndReportsTheRest() throws {
    let hds = try HDSListParser.parse(Fixtures.bytes("hds-list.html"))
    let result = Reconciler(catalog: Self.catalog(), aliases: ["ovh-sas": ["OVHcloud"]]).reconcile(hds)
    #expect(Set(result.matches.flatMap(\.offeringIDs)) == ["scalingo-paas", "ovh-hpc", "ovh-bare-metal-pod"])
    #expect(result.unmatched.count == 6)  // never dropped

    let snc = try SecNumCloudCatalogueParser.parse(Fixtures.bytes("secnumcloud-catalogue.txt"))
    let sncResult = Reconciler(catalog: Self.catalog(), aliases: ["ovh-sas": ["OVHcloud"]]).reconcile(snc)
    #expect(sncResult.matches.map(\.offeringIDs).sorted { $0[0] < $1[0] } == [["ovh-bare-metal-pod"], ["ovh-hpc"]])
    #expect(sncResult.matches.count + sncResult.unmatched.count == snc.count)
  }

  @Test func overlayUsesTheSnapshotFactsAndSaysSo() throws {
    let entries = try HDSListParser.parse(Fixtures.bytes("hds-list.html"))
    let metadata = SnapshotMetadata(
      source: "hds", requestedURL: "https://esante.gouv.fr/list", url: "https://esante.gouv.fr/list", fetchedAt: "2026-05-10T08:00:00.000Z",
      httpStatus: 200, etag: nil, lastModified: nil, contentType: "text/html", sha256: "", parser: "hds-list", parserVersion: 1,
      entryCount: entries.count)
    let sources = SourceList(sources: [hdsSource])
    let overlaid = SnapshotOverlay.apply(to: Self.catalog(), snapshots: [Snapshot(id: "x", metadata: metadata, entries: entries)], sources: sources)
    let hds = try #require(overlaid.catalog.offering(id: "scalingo-paas")?.certifications.hds)
    #expect(hds.activities == .known([1, 2, 3, 4, 5, 6]))
    #expect(hds.certificate == .known("38436-2"))
    #expect(hds.validUntil == .known(CalendarDate(year: 2028, month: 9, day: 11)!))
    #expect(hds.provenance.sources.first?.url == "https://esante.gouv.fr/list")
    #expect(hds.provenance.sources.first?.asOf == CalendarDate(year: 2026, month: 5, day: 10))
    #expect(overlaid.notes["scalingo-paas"]?.first?.contains("fetched 2026-05-10") == true)
    #expect(overlaid.unmatched["hds"]?.count == 6)
  }

  @Test func catalogComparisonFlagsDifferences() throws {
    let entries = try HDSListParser.parse(Fixtures.bytes("hds-list.html"))
    let findings = CatalogComparison.compare(entries, parser: .hdsList, catalog: Self.catalog(), aliases: [:]).map(\.description)
    #expect(findings.contains("scalingo-paas: HDS activities: catalog 1,2,3,4, list 1,2,3,4,5,6"))
    #expect(findings.contains("not in the catalog: Outscale"))
  }
}
